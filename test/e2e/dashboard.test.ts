/**
 * Journey — dashboards. The leader (lãnh đạo) and the admin open "Tổng quan": the key figures equal the API's
 * numbers (fetched from the test with the page's own token), "Cách tính" shows the formula version, a chart
 * switches to its table, English relabels and formats numbers with '.', the layout holds at 1366×768 and
 * 390×844 with every control labelled, and no console errors. The admin also sees the entity ranking, the same
 * as the API's, and switches entity. Screenshots: test/artifacts/e2e/dashboard/.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Output } from '#web/api/types.ts';
import { formatNumber, formatPercent } from '#web/i18n/format.ts';
import type { Lang } from '#web/i18n/lang.ts';
import { DESKTOP, openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { callApi, expectClean, signIn, tokenFor, tokenOf, until } from './journey.ts';

const { web, api } = inject('e2e');
const CYCLE = 'cycle-2023';
const ENTITY = 'so-khcn-ninh-thuan';
const shot = screenshots('dashboard');
const sessions: Session[] = [];

type Readiness = Output<'getEntityReadiness'>;
type CycleReadiness = Output<'getCycleReadiness'>;

/** The API, called with the page's own token. */
const fromApi = async <T>(page: Page, path: string): Promise<T> =>
  callApi<T>(api, await tokenOf(page), 'GET', path);

/** Today + `days` in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
const localDatePlus = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

const readinessOf = (page: Page, entityId = ENTITY) =>
  fromApi<Readiness>(page, `/v1/cycles/${CYCLE}/entities/${entityId}/readiness`);
const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

/** The key figures as the page must show them, from the API's numbers. */
function expected(r: Readiness, lang: Lang) {
  const n = (v: number) => formatNumber(v, lang);
  return {
    readiness: formatPercent(r.completenessPercent, lang),
    points: `${n(r.projectedPoints)} / ${n(r.maxPoints + r.surveyMaxPoints)}`,
    atRisk: n(r.atRiskPoints),
    // While survey points are pending: the self-assessed index beside the full one (docs/readiness.md, rule 15).
    ...(r.surveyPending
      ? {
          indexSelf: formatPercent(r.selfAssessedIndexPercent, lang),
          indexFull: formatPercent(r.projectedIndexPercent, lang),
        }
      : {}),
  };
}

/** Waits until the page's key figures equal the API's (other journeys may change the data meanwhile). */
async function expectFiguresMatchApi(page: Page, lang: Lang, entityId = ENTITY) {
  let last = '';
  await until(
    `key figures equal the API's (${lang})`,
    async () => {
      const want = expected(await readinessOf(page, entityId), lang);
      const got = {
        readiness: await text(page, 'dashboard-readiness-value'),
        points: await text(page, 'dashboard-points-value'),
        atRisk: await text(page, 'dashboard-at-risk-value'),
        ...((await page.getByTestId('dashboard-index').count()) > 0
          ? {
              indexSelf: await text(page, 'dashboard-index-self-value'),
              indexFull: await text(page, 'dashboard-index-full-value'),
            }
          : {}),
      };
      last = JSON.stringify({ want, got });
      return JSON.stringify(want) === JSON.stringify(got);
    },
    20_000,
  ).catch((e) => {
    throw new Error(`${(e as Error).message}: ${last}`);
  });
}

async function openHow(page: Page, card: string) {
  await page.getByTestId(card).getByRole('button', { name: 'Cách tính' }).click();
  await page
    .getByTestId(`${card}-how`)
    .getByText(/^readiness\/\d+\.\d+\.\d+$/)
    .first()
    .waitFor();
}

afterAll(async () => {
  for (const s of sessions) await s.close();
});

describe('dashboards', () => {
  let leader: Session;
  let page: Page;

  test('the leader sees the key figures equal to the API, by area and unit, the trend and the points at risk', async () => {
    leader = await openBrowser(DESKTOP);
    sessions.push(leader);
    page = leader.page;
    await signIn(page, web, 'lanhdao@minhchung.local');
    await page.getByRole('link', { name: 'Tổng quan' }).first().click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
    await page.getByTestId('dashboard-readiness-value').waitFor();
    await expectFiguresMatchApi(page, 'vi');

    const r = await readinessOf(page);
    // The cycle's self-assessment deadline (15/12/2023) has passed: the figure says so, in working days.
    expect(await text(page, 'dashboard-deadline')).toMatch(/Quá hạn \d+ ngày làm việc/);
    expect(await text(page, 'dashboard-deadline')).toContain('15/12/2023');
    // Status counts add up to the criteria the API counts.
    const counts = await page
      .getByTestId('dashboard-status')
      .locator('[data-testid^="dashboard-status-"] strong')
      .allTextContents();
    expect(counts.reduce((a, c) => a + Number(c.replace(/\./g, '')), 0)).toBe(r.criteriaCount);

    // Charts are drawn (SVG) for areas and units.
    await page.getByTestId('dashboard-areas').locator('svg').first().waitFor();
    await page.getByTestId('dashboard-units').locator('svg').first().waitFor();
    // Trend: a chart once the daily snapshot exists (taken at the stack's start), else the explained empty state.
    await until('trend drawn or explained', async () => {
      const card = page.getByTestId('dashboard-trend');
      return (
        (await card.locator('svg').count()) > 0 || (await card.getByText('Chưa có ảnh chụp nào').count()) > 0
      );
    });
    // Survey not imported: both indexes, each labelled, and why; imported: only the full one, as before.
    if (r.surveyPending) {
      expect(await text(page, 'dashboard-index-self')).toContain('Chỉ số phần tự đánh giá (quy về 100)');
      expect(await text(page, 'dashboard-index-full')).toContain(
        'Chỉ số theo công thức đầy đủ (điều tra tính 0)',
      );
      expect(await text(page, 'dashboard-index-explain')).toContain('Khi có kết quả điều tra');
    } else expect(await page.getByTestId('dashboard-index').count()).toBe(0);
    // A leader sees no ranking of other entities.
    expect(await page.getByTestId('dashboard-entities').count()).toBe(0);
    await expectClean(page, 'leader dashboard 1366');
    await shot(page, 'leader-dashboard');
  });

  test('"Cách tính" shows the formula version and inputs; a chart switches to its table with the API numbers', async () => {
    const r = await readinessOf(page);
    await openHow(page, 'dashboard-areas');
    expect(await page.getByTestId('dashboard-areas-how').textContent()).toContain(r.formulaVersion);
    expect(await page.getByTestId('dashboard-areas-how').textContent()).toContain(
      r.how.completenessPercent!.formula,
    );

    await page.getByTestId('dashboard-areas-toggle').click();
    const table = page.getByTestId('dashboard-areas-table');
    await table.waitFor();
    const areas = r.byNode.filter((n) => n.depth === 1 && n.role === 'regular');
    const rows = table.locator('tbody tr.ant-table-row');
    await until('one row per area', async () => (await rows.count()) === areas.length);
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toContain(formatPercent(areas[0]!.completenessPercent, 'vi'));
    expect(first).toContain(formatPercent(areas[0]!.projectedPercent, 'vi'));
    expect(await page.getByTestId('dashboard-areas-toggle').getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'leader-how-and-table');

    // At-risk criteria link to their criterion page.
    const links = page.getByTestId('at-risk-link');
    if ((await links.count()) > 0) {
      const href = await links.first().getAttribute('href');
      expect(href).toMatch(new RegExp(`^/cycles/${CYCLE}/entities/${ENTITY}/criteria/[\\d.]+$`));
    }
  });

  test('in English the labels change and numbers use "."', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await page.getByTestId('dashboard-areas').getByRole('heading', { name: 'Readiness by area' }).waitFor();
    await page.getByText('View as chart').first().waitFor();
    await expectFiguresMatchApi(page, 'en');
    const r = await readinessOf(page);
    // Shown with one decimal at most: a decimal part, when there is one, follows the English separator.
    const shown = await text(page, 'dashboard-readiness-value');
    expect(shown).not.toContain(',');
    if (!Number.isInteger(Math.round(r.completenessPercent * 10) / 10)) expect(shown).toMatch(/^\d+\.\d%$/);
    expect(await text(page, 'dashboard-deadline')).toMatch(/\d+ working days overdue/);
    await shot(page, 'leader-english');
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
  });

  test('at 390 px nothing scrolls sideways and every control is labelled', async () => {
    await page.setViewportSize(PHONE);
    await page.getByTestId('dashboard-readiness-value').waitFor();
    await page.waitForTimeout(300); // charts follow their container's width
    await expectClean(page, 'leader dashboard 390');
    await shot(page, 'leader-phone');
    expect(leader.problems).toEqual([]);
  });

  test('the admin sees the ranking equal to the API, switches entity and sees its figures', async () => {
    const admin = await openBrowser(DESKTOP);
    sessions.push(admin);
    const p = admin.page;
    await signIn(p, web, 'admin@minhchung.local');

    // Our own data, on the other entity (no other journey touches it): the admin reopens its self-assessment
    // for 30 days, its leader self-scores one criterion without evidence (with an explanation), so the
    // figures are not all zero: points at risk, a reopened deadline ahead, a criterion that may lose points.
    const adminToken = await tokenOf(p);
    const before = await callApi<CycleReadiness>(api, adminToken, 'GET', `/v1/cycles/${CYCLE}/readiness`);
    const other = before.entities.find((e) => e.entityId !== ENTITY)!.entityId;
    const reopenedUntil = localDatePlus(30);
    // A second reopening (another journey's, or a rerun on a kept stack) must carry the record's version.
    const status = await callApi<Output<'listSubmissions'>>(
      api,
      adminToken,
      'GET',
      `/v1/cycles/${CYCLE}/entities/${other}/submissions`,
    );
    await callApi(api, adminToken, 'POST', `/v1/cycles/${CYCLE}/entities/${other}/submissions/reopen`, {
      reason: 'Kiểm thử bảng tổng quan',
      deadline: reopenedUntil,
      ...(status.entity.reopened ? { version: status.entity.reopened.version } : {}),
    });
    const cycle = await callApi<Output<'getCycle'>>(api, adminToken, 'GET', `/v1/cycles/${CYCLE}`);
    const framework = await callApi<Output<'getFrameworkVersion'>>(
      api,
      adminToken,
      'GET',
      `/v1/frameworks/${cycle.frameworkId}/versions/${cycle.frameworkVersion}`,
    );
    const otherBefore = await callApi<Readiness>(
      api,
      adminToken,
      'GET',
      `/v1/cycles/${CYCLE}/entities/${other}/readiness`,
    );
    const target =
      otherBefore.criteria.find((c) => !c.complete && c.coverage === 0 && !Number.isInteger(c.maxPoints)) ??
      otherBefore.criteria.find((c) => !c.complete && c.coverage === 0)!;
    const node = framework.nodes.find((n) => n.code === target.code)!;
    const selfScore = node.guide?.length ? Math.max(...node.guide.map((g) => g.points)) : target.maxPoints;
    expect(selfScore).toBeGreaterThan(0);
    const leaderToken = await tokenFor(web, 'lanhdao.tttt@minhchung.local');
    const scorePath = `/v1/cycles/${CYCLE}/entities/${other}/criteria/${target.code}`;
    const current = await callApi<Output<'getCriterionScore'>>(api, leaderToken, 'GET', `${scorePath}/score`);
    await callApi(api, leaderToken, 'PUT', `${scorePath}/self-score`, {
      ...(current.score ? { version: current.score.version } : {}),
      selfScore,
      explanation: 'Minh chứng đang được bổ sung (kiểm thử bảng tổng quan).',
    });

    await p.goto(`${web}/dashboard`);
    await p.getByTestId('dashboard-readiness-value').waitFor();
    const ranking = await fromApi<CycleReadiness>(p, `/v1/cycles/${CYCLE}/readiness`);
    expect(ranking.entities.length).toBeGreaterThan(1);

    // Ranking table: one row per entity, in the API's order, with its rank and projected index.
    const table = p.getByTestId('dashboard-entities').getByTestId('ranking-table');
    await table.waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    await until('ranking rows', async () => (await rows.count()) === ranking.entities.length);
    for (const [i, e] of ranking.entities.entries()) {
      const row = (await rows.nth(i).textContent()) ?? '';
      expect(row.startsWith(String(e.rank))).toBe(true);
      expect(row).toContain(formatPercent(e.projectedIndexPercent, 'vi'));
      expect(row).toContain(formatPercent(e.completenessPercent, 'vi'));
    }
    await openHow(p, 'dashboard-entities');
    expect(await p.getByTestId('dashboard-entities-how').textContent()).toContain(
      ranking.how.ranking!.formula,
    );

    // The figures of the entity shown, then of another one picked in the entity picker.
    const shown = new URL(p.url()).searchParams.get('entity') ?? ranking.entities[0]!.entityId;
    await expectFiguresMatchApi(p, 'vi', shown);
    await expectClean(p, 'admin dashboard 1366');
    await shot(p, 'admin-dashboard');

    const next = ranking.entities.find((e) => e.entityId !== shown)!.entityId;
    const nextName = await fromApi<{ entity: { name: { vi: string } } }>(p, `/v1/entities/${next}`);
    await p.getByLabel('Đơn vị được đánh giá').click();
    await p.locator('.ant-select-item-option').filter({ hasText: nextName.entity.name.vi }).click();
    await until('entity in the URL', async () => new URL(p.url()).searchParams.get('entity') === next);
    await expectFiguresMatchApi(p, 'vi', next);
    expect(await text(p, 'dashboard-entity-name')).toBe(nextName.entity.name.vi);

    // The entity we changed: points at risk shown as the API says, the reopened deadline ahead, the criterion
    // listed as likely to lose points with a link to its page.
    if (next !== other) {
      await p.getByLabel('Đơn vị được đánh giá').click();
      const otherName = await fromApi<{ entity: { name: { vi: string } } }>(p, `/v1/entities/${other}`);
      await p.locator('.ant-select-item-option').filter({ hasText: otherName.entity.name.vi }).click();
      await until(
        'other entity in the URL',
        async () => new URL(p.url()).searchParams.get('entity') === other,
      );
    }
    await expectFiguresMatchApi(p, 'vi', other);
    const after = await fromApi<Readiness>(p, `/v1/cycles/${CYCLE}/entities/${other}/readiness`);
    expect(after.atRiskPoints).toBeGreaterThan(otherBefore.atRiskPoints);
    expect(after.completeCount).toBe(otherBefore.completeCount + 1);
    const deadlineText = await text(p, 'dashboard-deadline');
    expect(deadlineText).toMatch(/^Đến hạn tự đánh giá\d+ ngày làm việc/);
    expect(deadlineText).toContain(`Hạn ${reopenedUntil.split('-').reverse().join('/')}`);
    expect(deadlineText).toContain('đã mở lại');
    const riskRow = p
      .getByTestId('dashboard-at-risk-list')
      .locator('tbody tr')
      .filter({ has: p.getByRole('link', { name: `Mở tiêu chí ${target.code}`, exact: true }) });
    await riskRow.waitFor();
    expect(await riskRow.textContent()).toContain('Có thể mất điểm');
    expect(await riskRow.textContent()).toContain(
      formatNumber(after.criteria.find((c) => c.code === target.code)!.atRiskPoints, 'vi'),
    );
    await expectClean(p, 'admin dashboard, other entity 1366');
    await shot(p, 'admin-other-entity');

    await riskRow.getByRole('link').click();
    await p.waitForURL(`**/cycles/${CYCLE}/entities/${other}/criteria/${target.code}`);
    await p.goBack();
    await p.getByTestId('dashboard-readiness-value').waitFor();

    // The unit chart as a table, then the phone layout.
    await p.getByTestId('dashboard-units-toggle').click();
    await p.getByTestId('dashboard-units-table').waitFor();
    await p.setViewportSize(PHONE);
    await p.waitForTimeout(300);
    await expectClean(p, 'admin dashboard 390');
    await shot(p, 'admin-phone');
    for (const card of ['dashboard-areas', 'dashboard-trend', 'dashboard-entities']) {
      await p.getByTestId(card).scrollIntoViewIfNeeded();
      await shot(p, `admin-phone-${card.replace('dashboard-', '')}`, { fullPage: false });
    }
    expect(admin.problems).toEqual([]);
  });
});
