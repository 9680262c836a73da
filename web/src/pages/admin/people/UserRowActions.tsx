/** One user's buttons: edit, reset two-step verification (when on), disable / enable (not one's own account). */
import { Button, Popconfirm, Space } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UserProfile } from './data.ts';
import type { UserActionsState } from './useUserActions.ts';

export function UserRowActions(props: {
  u: UserProfile;
  isSelf: boolean;
  actions: UserActionsState;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  const {
    u,
    actions: { toggle, resetMfa },
  } = props;
  return (
    <Space wrap size="small">
      <Button size="small" onClick={props.onEdit} aria-label={t('people.users.editOf', { name: u.name })}>
        {t('people.users.edit')}
      </Button>
      {u.mfa?.enabled ? (
        <Popconfirm
          title={t('people.users.mfaResetConfirm', { name: u.name })}
          description={<span className="mc-wrap">{t('people.users.mfaResetExplain')}</span>}
          okText={t('people.users.mfaReset')}
          okButtonProps={{ danger: true }}
          cancelText={t('people.cancel')}
          onConfirm={() => resetMfa.mutate(u)}
        >
          <Button
            size="small"
            loading={resetMfa.isPending && resetMfa.variables?.userId === u.userId}
            aria-label={t('people.users.mfaResetOf', { name: u.name })}
          >
            {t('people.users.mfaReset')}
          </Button>
        </Popconfirm>
      ) : null}
      {props.isSelf ? (
        <span className="mc-muted">{t('people.users.selfDisable')}</span>
      ) : (
        <Popconfirm
          title={t(u.enabled ? 'people.users.disableConfirm' : 'people.users.enableConfirm', {
            name: u.name,
          })}
          description={
            u.enabled ? <span className="mc-wrap">{t('people.users.disableExplain')}</span> : undefined
          }
          okText={t(u.enabled ? 'people.users.disable' : 'people.users.enable')}
          okButtonProps={{ danger: u.enabled }}
          cancelText={t('people.cancel')}
          onConfirm={() => toggle.mutate(u)}
        >
          <Button
            size="small"
            danger={u.enabled}
            loading={toggle.isPending && toggle.variables?.userId === u.userId}
            aria-label={t(u.enabled ? 'people.users.disableOf' : 'people.users.enableOf', { name: u.name })}
          >
            {t(u.enabled ? 'people.users.disable' : 'people.users.enable')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
