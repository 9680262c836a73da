/** The users table's columns: name (and, on a phone, role and place), role, placement, state, MFA, actions. */
import { Grid, type TableColumnsType, Tag } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UserProfile } from './data.ts';
import { UserRowActions } from './UserRowActions.tsx';
import type { UserActionsState } from './useUserActions.ts';

export interface UserLabels {
  entityName: (id?: string) => string;
  unitName: (entityId?: string, unitId?: string) => string;
  scopeText: (u: UserProfile) => string;
  isSelf: (u: UserProfile) => boolean;
}

function MfaTag({ u }: { u: UserProfile }) {
  const { t } = useI18n();
  if (u.mfa?.enabled) return <Tag color="success">{t('people.users.mfaOn')}</Tag>;
  if (u.mfa) return <Tag color={u.role === 'admin' ? 'warning' : 'default'}>{t('people.users.mfaOff')}</Tag>;
  return <span className="mc-muted">{t('people.users.mfaUnknown')}</span>;
}

export function useUserColumns(
  labels: UserLabels,
  actions: UserActionsState,
  onEdit: (userId: string) => void,
): TableColumnsType<UserProfile> {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { entityName, unitName, scopeText, isSelf } = labels;
  return [
    {
      key: 'name',
      title: t('people.users.name'),
      render: (_, u) => (
        <div className="mc-wrap">
          <strong>{u.name}</strong>
          {isSelf(u) ? <Tag className="mc-gap">{t('people.users.you')}</Tag> : null}
          <div className="mc-muted">{u.email}</div>
          {!screens.md ? (
            <div className="mc-muted">
              {t(`role.${u.role}`)} · {u.unitId ? unitName(u.entityId, u.unitId) : scopeText(u)}
            </div>
          ) : null}
        </div>
      ),
    },
    { key: 'role', title: t('people.users.role'), responsive: ['md'], render: (_, u) => t(`role.${u.role}`) },
    {
      key: 'place',
      title: t('people.users.placement'),
      responsive: ['lg'],
      render: (_, u) => (
        <div className="mc-wrap">
          {u.entityId ? <div>{entityName(u.entityId)}</div> : null}
          {u.unitId ? <div className="mc-muted">{unitName(u.entityId, u.unitId)}</div> : null}
          {scopeText(u) ? <div className="mc-muted">{scopeText(u)}</div> : null}
        </div>
      ),
    },
    {
      key: 'enabled',
      title: t('people.users.state'),
      responsive: ['sm'],
      render: (_, u) =>
        u.enabled ? (
          <Tag color="success">{t('people.users.enabled')}</Tag>
        ) : (
          <Tag color="default">{t('people.users.disabled')}</Tag>
        ),
    },
    { key: 'mfa', title: t('people.users.mfa'), responsive: ['lg'], render: (_, u) => <MfaTag u={u} /> },
    {
      key: 'actions',
      title: t('people.users.actions'),
      render: (_, u) => (
        <UserRowActions u={u} isSelf={isSelf(u)} actions={actions} onEdit={() => onEdit(u.userId)} />
      ),
    },
  ];
}
