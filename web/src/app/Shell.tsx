/**
 * The frame around every signed-in page: product name, navigation, language switch, the user and their role,
 * sign-out. Below the `md` breakpoint the navigation and the account move into a drawer behind a menu button.
 */
import { MenuOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useServices, useSession } from './context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { prefetchPages } from './lazy-pages.tsx';
import { navFor, selectedNav } from './nav.ts';
import { AccountDrawer, HeaderAccount, MfaGate } from './ShellParts.tsx';

export { LanguageSwitch } from './LanguageSwitch.tsx';

export function Shell() {
  const { t } = useI18n();
  const { session } = useServices();
  const user = useSession()?.user;
  const { pathname } = useLocation();
  const wide = Grid.useBreakpoint().md ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  useEffect(() => prefetchPages(user?.role), [user?.role]);
  const nav = navFor(user?.role);
  const selected = selectedNav(nav, pathname);
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
            <HeaderAccount user={user} onSignOut={signOut} />
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
      <AccountDrawer
        open={drawerOpen && !wide}
        onClose={() => setDrawerOpen(false)}
        menuItems={menuItems}
        selected={selected}
        user={user}
        onSignOut={signOut}
      />
      <Layout.Content id="main" tabIndex={-1} className="mc-content">
        <MfaGate />
      </Layout.Content>
    </Layout>
  );
}
