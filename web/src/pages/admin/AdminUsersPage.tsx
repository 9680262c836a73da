/**
 * Admin — users and roles: everyone the admin's scope reaches, searchable (diacritics ignored); invite; change
 * role, entity, unit or scope; disable or enable (disabling signs the person out everywhere); see who has
 * two-step verification and reset it for a lost phone (audited). An admin cannot demote or disable their own
 * account here, and the server refuses it too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Grid,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useId, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useServices, useSession } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useEntityNames } from '../../components/admin/people/common.tsx';
import { peopleKeys, ROLE_CHOICES, type UserProfile } from '../../components/admin/people/data.ts';
import { EditUserDrawer, InviteDrawer } from '../../components/admin/people/UserForms.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { fold, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function AdminUsersPage() {
  const { t, pick, lang } = useI18n();
  const { api } = useServices();
  const me = useSession()?.user;
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const ids = { search: useId(), role: useId(), state: useId() };
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const [state, setState] = useState<'enabled' | 'disabled' | undefined>();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<string | undefined>();

  const users = useQuery({ queryKey: peopleKeys.users, queryFn: () => api.all('listUsers') });
  const cycles = useQuery({ queryKey: queryKeys.cycles, queryFn: () => api.all('listCycles') });
  const entityIds = useMemo(() => {
    const set = new Set<string>();
    for (const c of cycles.data ?? []) for (const e of c.entityIds) set.add(e);
    for (const u of users.data ?? []) if (u.entityId) set.add(u.entityId);
    return [...set].sort();
  }, [cycles.data, users.data]);
  const entities = useEntityNames(entityIds);
  const entityName = (id?: string) => {
    const e = id ? entities.get(id) : undefined;
    return e ? pick(e.entity.name) : (id ?? '');
  };
  const unitName = (entityId?: string, unitId?: string) => {
    const u = entityId && unitId ? entities.get(entityId)?.units.find((x) => x.unitId === unitId) : undefined;
    return u ? pick(u.name) : (unitId ?? '');
  };
  const isSelf = (u: UserProfile) =>
    u.userId === me?.sub || (!!me?.email && u.email === me.email.toLowerCase());
  const scopeText = (u: UserProfile) => {
    if (u.role === 'member' || u.role === 'leader') return '';
    const s = u.scope ?? { kind: 'all' as const };
    if (s.kind === 'province') return t('people.scope.provinceOf', { province: s.province });
    if (s.kind === 'entities')
      return t('people.scope.entitiesOf', { list: s.entityIds.map(entityName).join(', ') });
    return t('people.scope.all');
  };

  const toggle = useMutation({
    mutationFn: (u: UserProfile) =>
      api.call('setUserEnabled', {
        params: { userId: u.userId },
        body: { version: u.version, enabled: !u.enabled },
      }),
    onSuccess: (u) => {
      void message.success(
        t(u.enabled ? 'people.users.enabledDone' : 'people.users.disabledDone', { name: u.name }),
      );
      void queryClient.invalidateQueries({ queryKey: peopleKeys.users });
    },
    onError: (e) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.users });
      modal.error({
        title: t('people.users.toggleFailed'),
        content:
          e instanceof ApiError
            ? [pick(e.text), ...e.issues.map((i) => pick(i.message))].join(' ')
            : t('error.network'),
      });
    },
  });

  const resetMfa = useMutation({
    mutationFn: (u: UserProfile) =>
      api.call('resetUserMfa', { params: { userId: u.userId }, body: { version: u.version } }),
    onSuccess: (u) => {
      void message.success(t('people.users.mfaResetDone', { name: u.name }));
      void queryClient.invalidateQueries({ queryKey: peopleKeys.users });
    },
    onError: (e) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.users });
      modal.error({
        title: t('people.users.mfaResetFailed'),
        content: e instanceof ApiError ? pick(e.text) : t('error.network'),
      });
    },
  });

  const q = fold(search);
  const shown = (users.data ?? []).filter(
    (u) =>
      (!role || u.role === role) &&
      (!state || (state === 'enabled') === u.enabled) &&
      (!q ||
        fold(`${u.name} ${u.email} ${entityName(u.entityId)} ${unitName(u.entityId, u.unitId)}`).includes(q)),
  );

  const columns: TableColumnsType<UserProfile> = [
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
    {
      key: 'mfa',
      title: t('people.users.mfa'),
      responsive: ['lg'],
      render: (_, u) =>
        u.mfa?.enabled ? (
          <Tag color="success">{t('people.users.mfaOn')}</Tag>
        ) : u.mfa ? (
          <Tag color={u.role === 'admin' ? 'warning' : 'default'}>{t('people.users.mfaOff')}</Tag>
        ) : (
          <span className="mc-muted">{t('people.users.mfaUnknown')}</span>
        ),
    },
    {
      key: 'actions',
      title: t('people.users.actions'),
      render: (_, u) => (
        <Space wrap size="small">
          <Button
            size="small"
            onClick={() => setEditing(u.userId)}
            aria-label={t('people.users.editOf', { name: u.name })}
          >
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
          {isSelf(u) ? (
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
                aria-label={t(u.enabled ? 'people.users.disableOf' : 'people.users.enableOf', {
                  name: u.name,
                })}
              >
                {t(u.enabled ? 'people.users.disable' : 'people.users.enable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const editingUser = users.data?.find((u) => u.userId === editing);
  return (
    <div className="mc-page">
      <Typography.Title level={1} className="mc-page-title">
        {t('people.users.heading')}
      </Typography.Title>
      <Card size="small" className="mc-section">
        <div className="mc-filters">
          <div className="mc-filter mc-filter-search">
            <label htmlFor={ids.search}>{t('people.users.search')}</label>
            <Input
              id={ids.search}
              allowClear
              value={search}
              placeholder={t('people.users.searchPlaceholder')}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <div className="mc-filter">
            <label htmlFor={ids.role}>{t('people.users.role')}</label>
            <Select
              id={ids.role}
              className="mc-filter-select"
              allowClear
              placeholder={t('people.all')}
              value={role}
              onChange={setRole}
              options={ROLE_CHOICES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
          </div>
          <div className="mc-filter">
            <label htmlFor={ids.state}>{t('people.users.state')}</label>
            <Select
              id={ids.state}
              className="mc-filter-select"
              allowClear
              placeholder={t('people.all')}
              value={state}
              onChange={setState}
              options={[
                { value: 'enabled', label: t('people.users.enabled') },
                { value: 'disabled', label: t('people.users.disabled') },
              ]}
            />
          </div>
          <Button type="primary" className="mc-filter-count" onClick={() => setInviting(true)}>
            {t('people.users.invite')}
          </Button>
        </div>
        {users.data ? (
          <p className="mc-muted" aria-live="polite">
            {t('people.users.count', {
              shown: formatNumber(shown.length, lang),
              total: formatNumber(users.data.length, lang),
            })}
          </p>
        ) : null}
      </Card>
      {users.isPending ? (
        <Loading rows={6} />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : shown.length === 0 ? (
        <Card>
          <EmptyState>{t(users.data.length ? 'people.users.noMatch' : 'people.users.none')}</EmptyState>
        </Card>
      ) : (
        <Table<UserProfile>
          data-testid="users-table"
          size="small"
          rowKey="userId"
          columns={columns}
          dataSource={shown}
          pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        />
      )}
      <InviteDrawer open={inviting} onClose={() => setInviting(false)} entities={entities} />
      <EditUserDrawer
        user={editingUser}
        onClose={() => setEditing(undefined)}
        entities={entities}
        isSelf={editingUser ? isSelf(editingUser) : false}
      />
    </div>
  );
}
