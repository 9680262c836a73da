/**
 * The frame around every signed-in page: product name, navigation, language switch, the user and their role,
 * sign-out. Below the `md` breakpoint the navigation and the account move into a drawer behind a menu button.
 */
import { LogoutOutlined, MenuOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { type Lang, useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useMfaRequired, useServices, useSession } from './context.tsx';

type Role = 'admin' | 'reviewer' | 'leader' | 'member';
const NAV: { to: string; key: MessageKey; match: (path: string) => boolean; roles: Role[] }[] = [
  {
    to: '/',
    key: 'nav.home',
    match: (p) => p === '/' || p.startsWith('/cycles/'),
    roles: ['admin', 'leader', 'member'],
  },
  {
    to: '/review',
    key: 'nav.reviewQueue',
    match: (p) => p.startsWith('/review'),
    roles: ['admin', 'reviewer'],
  },
  {
    to: '/dashboard',
    key: 'nav.dashboard',
    match: (p) => p.startsWith('/dashboard'),
    roles: ['admin', 'reviewer', 'leader'],
  },
  {
    to: '/admin',
    key: 'nav.admin',
    match: (p) => p.startsWith('/admin'),
    roles: ['admin'],
  },
];

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      aria-label={t('lang.label')}
      size={compact ? 'small' : 'middle'}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'vi', label: <span title={t('lang.vi')}>VI</span> },
        { value: 'en', label: <span title={t('lang.en')}>EN</span> },
      ]}
    />
  );
}

export function Shell() {
  const { t } = useI18n();
  const { session } = useServices();
  const current = useSession();
  const mfaRequired = useMfaRequired();
  const { pathname, search } = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const user = current?.user;
  const roleLabel = user?.role ? t(`role.${user.role}`) : undefined;
  const nav = NAV.filter((n) => !user?.role || n.roles.includes(user.role as Role));
  const selected = nav.filter((n) => n.match(pathname)).map((n) => n.to);
  const menuItems = nav.map((n) => ({
    key: n.to,
    label: (
      <Link to={n.to} onClick={() => setDrawerOpen(false)}>
        {t(n.key)}
      </Link>
    ),
  }));
  const signOut = () => {
    setDrawerOpen(false);
    session.signOut('signed-out');
  };

  return (
    <Layout className="mc-layout">
      <a className="mc-skip" href="#main">
        {t('app.skip')}
      </a>
      <Layout.Header className="mc-header">
        <Link to="/" className="mc-brand" aria-label={t('app.name')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </Link>
        {wide ? (
          <nav aria-label={t('nav.label')} className="mc-nav">
            <Menu mode="horizontal" selectedKeys={selected} items={menuItems} disabledOverflow />
          </nav>
        ) : (
          <div className="mc-grow" />
        )}
        <div className="mc-header-right">
          <LanguageSwitch compact={!wide} />
          {wide ? (
            <>
              <span className="mc-user" data-testid="current-user">
                <UserOutlined aria-hidden />
                <span className="mc-user-name">{user?.name ?? user?.email}</span>
                {roleLabel ? <Tag color="blue">{roleLabel}</Tag> : null}
              </span>
              <Link to="/security" className="mc-security-link" aria-label={t('nav.securityOf')}>
                <SafetyCertificateOutlined aria-hidden /> {t('nav.security')}
              </Link>
              <Button icon={<LogoutOutlined />} onClick={signOut}>
                {t('nav.signOut')}
              </Button>
            </>
          ) : (
            <Button
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
          )}
        </div>
      </Layout.Header>
      <Drawer
        title={t('app.name')}
        placement="right"
        open={drawerOpen && !wide}
        onClose={() => setDrawerOpen(false)}
        size={300}
      >
        <nav aria-label={t('nav.label')}>
          <Menu mode="vertical" selectedKeys={selected} items={menuItems} />
        </nav>
        <div className="mc-drawer-user" data-testid="current-user-mobile">
          <UserOutlined aria-hidden /> <strong>{user?.name ?? user?.email}</strong>
          {roleLabel ? <Tag color="blue">{roleLabel}</Tag> : null}
          {user?.email && user.name ? <div className="mc-muted">{user.email}</div> : null}
        </div>
        <Link
          to="/security"
          className="mc-drawer-security"
          aria-label={t('nav.securityOf')}
          onClick={() => setDrawerOpen(false)}
        >
          <SafetyCertificateOutlined aria-hidden /> {t('nav.security')}
        </Link>
        <Button block icon={<LogoutOutlined />} onClick={signOut}>
          {t('nav.signOut')}
        </Button>
      </Drawer>
      <Layout.Content id="main" tabIndex={-1} className="mc-content">
        {/* An admin without a confirmed second factor enrols first, then returns (docs/access.md, "MFA"). */}
        {mfaRequired && pathname !== '/security' ? (
          <Navigate
            to={`/security?${new URLSearchParams({ required: '1', next: pathname + search })}`}
            replace
          />
        ) : (
          <Outlet />
        )}
      </Layout.Content>
    </Layout>
  );
}
