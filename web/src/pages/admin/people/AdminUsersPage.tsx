/**
 * Admin — users and roles: everyone the admin's scope reaches, searchable (diacritics ignored); invite; change
 * role, entity, unit or scope; disable or enable (disabling signs the person out everywhere); see who has
 * two-step verification and reset it for a lost phone (audited). An admin cannot demote or disable their own
 * account here, and the server refuses it too.
 */
import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useServices, useSession } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { QueryState } from '../../../common/states.tsx';
import { fold } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useEntityNames } from './common.tsx';
import { peopleKeys, type UserProfile } from './data.ts';
import { type UserFilter, UserFilters } from './UserFilters.tsx';
import { EditUserDrawer, InviteDrawer } from './UserForms.tsx';
import { type UserLabels, useUserColumns } from './usersColumns.tsx';
import { useUserActions } from './useUserActions.ts';

/** Entity and unit names, a user's scope in words, and whether a row is the signed-in admin. */
function useUserLabels(entities: ReturnType<typeof useEntityNames>): UserLabels {
  const { t, pick } = useI18n();
  const me = useSession()?.user;
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
  return { entityName, unitName, isSelf, scopeText };
}

export function AdminUsersPage() {
  const { t } = useI18n();
  const { api } = useServices();
  const [filter, setFilter] = useState<UserFilter>({ search: '', role: undefined, state: undefined });
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
  const labels = useUserLabels(entities);
  const columns = useUserColumns(labels, useUserActions(), setEditing);

  const { role, state } = filter;
  const q = fold(filter.search);
  const shown = (users.data ?? []).filter(
    (u) =>
      (!role || u.role === role) &&
      (!state || (state === 'enabled') === u.enabled) &&
      (!q ||
        fold(
          `${u.name} ${u.email} ${labels.entityName(u.entityId)} ${labels.unitName(u.entityId, u.unitId)}`,
        ).includes(q)),
  );

  const editingUser = users.data?.find((u) => u.userId === editing);
  return (
    <div className="mc-page">
      <Typography.Title level={1} className="mc-page-title">
        {t('people.users.heading')}
      </Typography.Title>
      <UserFilters
        filter={filter}
        onChange={setFilter}
        onInvite={() => setInviting(true)}
        counts={users.data ? { shown: shown.length, total: users.data.length } : undefined}
      />
      <QueryState
        query={users}
        rows={6}
        isEmpty={() => shown.length === 0}
        empty={t(users.data?.length ? 'people.users.noMatch' : 'people.users.none')}
      >
        {() => (
          <Table<UserProfile>
            data-testid="users-table"
            size="small"
            rowKey="userId"
            columns={columns}
            dataSource={shown}
            pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          />
        )}
      </QueryState>
      <InviteDrawer open={inviting} onClose={() => setInviting(false)} entities={entities} />
      <EditUserDrawer
        user={editingUser}
        onClose={() => setEditing(undefined)}
        entities={entities}
        isSelf={editingUser ? labels.isSelf(editingUser) : false}
      />
    </div>
  );
}
