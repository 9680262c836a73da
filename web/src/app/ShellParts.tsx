/**
 * The parts of the signed-in frame (Shell): the account in the header on wide screens, the drawer that holds
 * the navigation and the account on phones, and the gate that sends an admin without a second factor to enrol.
 */
import { LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Menu, type MenuProps, Tag } from 'antd';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { SessionUser } from '../auth/id-token.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useMfaRequired } from './context.tsx';

function RoleTag({ role }: { role: SessionUser['role'] }) {
  const { t } = useI18n();
  return role ? <Tag color="blue">{t(`role.${role}`)}</Tag> : null;
}

/** Wide screens: who is signed in, the link to "Bảo mật" and sign-out, in the header's right side. */
export function HeaderAccount({ user, onSignOut }: { user: SessionUser | undefined; onSignOut(): void }) {
  const { t } = useI18n();
  return (
    <>
      <span className="mc-user" data-testid="current-user">
        <UserOutlined aria-hidden />
        <span className="mc-user-name">{user?.name ?? user?.email}</span>
        <RoleTag role={user?.role} />
      </span>
      <Link to="/security" className="mc-security-link" aria-label={t('nav.securityOf')}>
        <SafetyCertificateOutlined aria-hidden /> {t('nav.security')}
      </Link>
      <Button icon={<LogoutOutlined />} onClick={onSignOut}>
        {t('nav.signOut')}
      </Button>
    </>
  );
}

/** Phones: the navigation and the account behind the header's menu button. */
export function AccountDrawer(props: {
  open: boolean;
  onClose(): void;
  menuItems: MenuProps['items'];
  selected: string[];
  user: SessionUser | undefined;
  onSignOut(): void;
}) {
  const { t } = useI18n();
  const { user } = props;
  return (
    <Drawer title={t('app.name')} placement="right" open={props.open} onClose={props.onClose} size={300}>
      <nav aria-label={t('nav.label')}>
        <Menu mode="vertical" selectedKeys={props.selected} items={props.menuItems} />
      </nav>
      <div className="mc-drawer-user" data-testid="current-user-mobile">
        <UserOutlined aria-hidden /> <strong>{user?.name ?? user?.email}</strong>
        <RoleTag role={user?.role} />
        {user?.email && user.name ? <div className="mc-muted">{user.email}</div> : null}
      </div>
      <Link
        to="/security"
        className="mc-drawer-security"
        aria-label={t('nav.securityOf')}
        onClick={props.onClose}
      >
        <SafetyCertificateOutlined aria-hidden /> {t('nav.security')}
      </Link>
      <Button block icon={<LogoutOutlined />} onClick={props.onSignOut}>
        {t('nav.signOut')}
      </Button>
    </Drawer>
  );
}

/** The page, or — for an admin without a confirmed second factor — "Bảo mật" first, then back (docs/access.md, "MFA"). */
export function MfaGate() {
  const mfaRequired = useMfaRequired();
  const { pathname, search } = useLocation();
  if (mfaRequired && pathname !== '/security')
    return (
      <Navigate to={`/security?${new URLSearchParams({ required: '1', next: pathname + search })}`} replace />
    );
  return <Outlet />;
}
