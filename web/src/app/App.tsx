/** Providers and routes. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { type ReactNode, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { AdminLayout } from '../pages/admin/AdminLayout.tsx';
import {
  AdminAssignmentsPage,
  AdminCyclesPage,
  AdminFrameworksPage,
  AdminOutboxPage,
  AdminRemindersPage,
  AdminUsersPage,
} from '../pages/admin/lazy.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { SignInPage } from '../pages/sign-in/SignInPage.tsx';
import { type AppServices, ServicesProvider, useServices, useSession } from './context.tsx';
import {
  CriterionPage,
  DashboardPage,
  ReviewPage,
  ReviewQueuePage,
  ScoreTablePage,
  SecurityPage,
} from './lazy-pages.tsx';
import { Shell } from './Shell.tsx';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Slow lines: keep what we have for a while, retry server and network errors, never a 4xx.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2,
      },
    },
  });
}

/** Signed-out visitors go to sign-in; after an expiry they come back to the page they were on. */
function RequireAuth({ children }: { children: ReactNode }) {
  const current = useSession();
  const { session } = useServices();
  const { pathname, search } = useLocation();
  if (current) return children;
  const reason = session.lastEnd;
  const q = new URLSearchParams();
  if (reason !== 'signed-out') q.set('next', pathname + search);
  if (reason) q.set('reason', reason);
  return <Navigate to={`/sign-in?${q}`} replace />;
}

/** Reviewers start at their queue; members and leaders (and admins) at "Việc của tôi". */
function Landing() {
  const role = useSession()?.user.role;
  const { search } = useLocation();
  if (role === 'reviewer' && !new URLSearchParams(search).has('entity'))
    return <Navigate to="/review" replace />;
  return <HomePage />;
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('state.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('state.backHome')}
        </Button>
      }
    />
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'vi' ? viVN : enUS}
      theme={{
        token: {
          colorPrimary: '#1d5fae',
          borderRadius: 6,
          fontFamily:
            "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif",
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App({ services }: { services: AppServices }) {
  const [queryClient] = useState(makeQueryClient);
  // Another user may sign in next on a shared computer: forget every cached answer when a session ends.
  useEffect(
    () => services.session.subscribe((s) => (s ? undefined : queryClient.clear())),
    [services, queryClient],
  );
  return (
    <ServicesProvider services={services}>
      <I18nProvider>
        <Themed>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <Routes>
                <Route path="/sign-in" element={<SignInPage />} />
                <Route
                  element={
                    <RequireAuth>
                      <Shell />
                    </RequireAuth>
                  }
                >
                  <Route index element={<Landing />} />
                  <Route path="review" element={<ReviewQueuePage />} />
                  <Route path="review/:cycleId/:entityId/:code" element={<ReviewPage />} />
                  <Route
                    path="cycles/:cycleId/entities/:entityId/criteria/:code"
                    element={<CriterionPage />}
                  />
                  <Route path="cycles/:cycleId/entities/:entityId/score-table" element={<ScoreTablePage />} />
                  <Route path="dashboard" element={<DashboardPage />} />
                  <Route path="security" element={<SecurityPage />} />
                  <Route path="admin" element={<AdminLayout />}>
                    <Route index element={<Navigate to="frameworks" replace />} />
                    <Route path="frameworks" element={<AdminFrameworksPage />} />
                    <Route path="cycles" element={<AdminCyclesPage />} />
                    <Route path="assignments" element={<AdminAssignmentsPage />} />
                    <Route path="users" element={<AdminUsersPage />} />
                    <Route path="reminders" element={<AdminRemindersPage />} />
                    <Route path="outbox" element={<AdminOutboxPage />} />
                  </Route>
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </BrowserRouter>
          </QueryClientProvider>
        </Themed>
      </I18nProvider>
    </ServicesProvider>
  );
}
