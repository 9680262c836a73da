/**
 * Pages loaded on first visit, so the sign-in page's first download carries only sign-in, the shell and
 * "Việc của tôi" (docs/web.md, "First load"). Once a session starts, the pages a member or reviewer opens next
 * are fetched in the background (`prefetchPages`), so the first click does not wait on a slow line.
 */
import { LazyRoute, lazyPage } from '../common/lazy-page.tsx';

const criterion = () => import('../pages/criterion/CriterionPage.tsx');
const review = () => import('../pages/review/pages.ts');
const scoreTable = () => import('../pages/score-table/ScoreTablePage.tsx');
const security = () => import('../pages/security/SecurityPage.tsx');
const dashboard = () => import('../pages/dashboard/DashboardPage.tsx');

const criterionPage = lazyPage(criterion, 'CriterionPage');
const reviewPage = lazyPage(review, 'ReviewPage');
const reviewQueuePage = lazyPage(review, 'ReviewQueuePage');
const scoreTablePage = lazyPage(scoreTable, 'ScoreTablePage');
const securityPage = lazyPage(security, 'SecurityPage');
const dashboardPage = lazyPage(dashboard, 'DashboardPage');

export const CriterionPage = () => <LazyRoute page={criterionPage} />;
export const ReviewPage = () => <LazyRoute page={reviewPage} />;
export const ReviewQueuePage = () => <LazyRoute page={reviewQueuePage} />;
export const ScoreTablePage = () => <LazyRoute page={scoreTablePage} />;
export const SecurityPage = () => <LazyRoute page={securityPage} />;
export const DashboardPage = () => <LazyRoute page={dashboardPage} rows={8} />;

/** The next page a role is likely to open, fetched while the browser is idle (a failure is retried on visit). */
export function prefetchPages(role: string | undefined): void {
  const next = role === 'reviewer' ? [review] : [criterion];
  const run = () => {
    for (const load of next) load().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 2000);
}
