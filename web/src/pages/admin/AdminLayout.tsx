/**
 * The admin area: one page per task (frameworks, cycles, assignments, users, reminders, outbox), a side menu on
 * wide screens and, below `lg`, a row of links that wraps onto a second line. Not antd's "…" overflow: it
 * measures after each resize and can keep a wider screen's layout (items past a phone's edge, the page
 * scrolling sideways) until it measures again. Each section is its own file in this folder.
 */
import { Grid, Menu } from 'antd';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../app/context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

export const ADMIN_SECTIONS: { path: string; key: MessageKey }[] = [
  { path: 'frameworks', key: 'admin.nav.frameworks' },
  { path: 'cycles', key: 'admin.nav.cycles' },
  { path: 'assignments', key: 'admin.nav.assignments' },
  { path: 'users', key: 'admin.nav.users' },
  { path: 'reminders', key: 'admin.nav.reminders' },
  { path: 'outbox', key: 'admin.nav.outbox' },
];

export function AdminLayout() {
  const { t } = useI18n();
  const role = useSession()?.user.role;
  const { pathname } = useLocation();
  const wide = Grid.useBreakpoint().lg ?? true;
  if (role !== 'admin') return <Navigate to="/" replace />;
  const selected = ADMIN_SECTIONS.filter((s) => pathname.startsWith(`/admin/${s.path}`)).map((s) => s.path);
  const items = ADMIN_SECTIONS.map((s) => ({
    key: s.path,
    label: <Link to={`/admin/${s.path}`}>{t(s.key)}</Link>,
  }));
  return (
    <div className={wide ? 'mc-admin mc-admin-wide' : 'mc-admin'}>
      <nav aria-label={t('admin.nav.label')} className="mc-admin-nav">
        <Menu
          mode={wide ? 'inline' : 'horizontal'}
          selectedKeys={selected}
          items={items}
          disabledOverflow
          className={wide ? undefined : 'mc-admin-tabs'}
        />
      </nav>
      <section className="mc-admin-body">
        <Outlet />
      </section>
    </div>
  );
}
