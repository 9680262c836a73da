/**
 * Invite a user, or change one's placement (role, entity, unit, scope). Members and leaders belong to one unit
 * of one entity; administrators and reviewers carry a scope instead (everything, a province, or a list of
 * entities). The server checks the same rules and names the field; its messages land on that field.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, Select } from 'antd';
import { useState } from 'react';
import type { EntityWithUnits } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { useEntity } from '../../../app/reference.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { applyIssues, isConflict, MutationError } from './common.tsx';
import { peopleKeys, ROLE_CHOICES, type Role, type UserProfile, type UserScope } from './data.ts';

interface PlacementFields {
  email?: string;
  name: string;
  role: Role;
  entityId?: string;
  unitId?: string;
  scopeKind?: 'all' | 'province' | 'entities';
  province?: string;
  scopeEntityIds?: string[];
}

const FIELDS = ['email', 'name', 'role', 'entityId', 'unitId', 'scope'] as const;
const placed = (role: Role | undefined) => role === 'member' || role === 'leader';

function scopeOf(v: PlacementFields): UserScope | undefined {
  if (placed(v.role) || !v.scopeKind) return undefined;
  if (v.scopeKind === 'province') return { kind: 'province', province: (v.province ?? '').trim() };
  if (v.scopeKind === 'entities') return { kind: 'entities', entityIds: v.scopeEntityIds ?? [] };
  return { kind: 'all' };
}

function fieldsOf(u: UserProfile): PlacementFields {
  return {
    name: u.name,
    role: u.role,
    entityId: u.entityId,
    unitId: u.unitId,
    scopeKind: u.scope?.kind ?? 'all',
    province: u.scope?.kind === 'province' ? u.scope.province : undefined,
    scopeEntityIds: u.scope?.kind === 'entities' ? u.scope.entityIds : undefined,
  };
}

function PlacementFieldsBlock({
  entities,
  selfLocked,
}: {
  entities: Map<string, EntityWithUnits>;
  selfLocked: boolean;
}) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance<PlacementFields>();
  const role = Form.useWatch('role', form);
  const entityId = Form.useWatch('entityId', form);
  const scopeKind = Form.useWatch('scopeKind', form);
  const entity = useEntity(entityId);
  const entityOptions = [...entities.entries()].map(([id, e]) => ({ value: id, label: pick(e.entity.name) }));
  return (
    <>
      <Form.Item
        name="role"
        label={t('people.users.role')}
        rules={[{ required: true, message: t('people.required') }]}
        extra={selfLocked ? t('people.users.selfRole') : undefined}
      >
        <Select
          disabled={selfLocked}
          options={ROLE_CHOICES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="entityId"
        label={t('people.users.entity')}
        rules={placed(role) ? [{ required: true, message: t('people.users.entityRequired') }] : []}
      >
        <Select
          allowClear
          options={entityOptions}
          onChange={() => form.setFieldValue('unitId', undefined)}
          placeholder={t('people.users.noEntity')}
        />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('people.users.unit')}
        rules={placed(role) ? [{ required: true, message: t('people.users.unitRequired') }] : []}
      >
        <Select
          allowClear
          disabled={!entityId}
          loading={entity.isFetching}
          options={(entity.data?.units ?? []).map((u) => ({ value: u.unitId, label: pick(u.name) }))}
          placeholder={t('people.users.noUnit')}
        />
      </Form.Item>
      {placed(role) ? null : (
        <>
          <Form.Item name="scopeKind" label={t('people.users.scope')} extra={t('people.users.scopeHint')}>
            <Select
              options={(['all', 'province', 'entities'] as const).map((k) => ({
                value: k,
                label: t(`people.scope.${k}`),
              }))}
            />
          </Form.Item>
          {scopeKind === 'province' ? (
            <Form.Item
              name="province"
              label={t('people.users.province')}
              rules={[{ required: true, whitespace: true, message: t('people.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          {scopeKind === 'entities' ? (
            <Form.Item
              name="scopeEntityIds"
              label={t('people.users.scopeEntities')}
              rules={[{ required: true, message: t('people.required') }]}
            >
              <Select mode="multiple" options={entityOptions} />
            </Form.Item>
          ) : null}
        </>
      )}
    </>
  );
}

export function InviteDrawer({
  open,
  onClose,
  entities,
}: {
  open: boolean;
  onClose(): void;
  entities: Map<string, EntityWithUnits>;
}) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [form] = Form.useForm<PlacementFields>();
  const [issues, setIssues] = useState<ReturnType<typeof applyIssues>>([]);
  const invite = useMutation({
    mutationFn: (v: PlacementFields) =>
      api.call('inviteUser', {
        body: {
          email: (v.email ?? '').trim(),
          name: v.name.trim(),
          role: v.role,
          ...(v.entityId ? { entityId: v.entityId } : {}),
          ...(v.unitId ? { unitId: v.unitId } : {}),
          ...(scopeOf(v) ? { scope: scopeOf(v) } : {}),
        },
      }),
    onSuccess: (u) => {
      setIssues([]);
      void message.success(t('people.users.invited', { email: u.email }));
      void queryClient.invalidateQueries({ queryKey: peopleKeys.users });
      form.resetFields();
      onClose();
    },
    onError: (e) => setIssues(applyIssues(form, e, FIELDS, pick)),
  });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 520}
      title={t('people.users.inviteTitle')}
      closable={{ 'aria-label': t('people.close') }}
    >
      <p className="mc-wrap mc-muted">{t('people.users.inviteIntro')}</p>
      <Form<PlacementFields>
        name="invite-user"
        form={form}
        layout="vertical"
        initialValues={{ role: 'member', scopeKind: 'all' }}
        onFinish={(v) => invite.mutate(v)}
        requiredMark="optional"
        data-testid="invite-form"
      >
        <Form.Item
          name="email"
          label={t('people.users.email')}
          rules={[
            { required: true, message: t('people.required') },
            { type: 'email', message: t('signIn.emailInvalid') },
          ]}
        >
          <Input type="email" autoComplete="off" maxLength={254} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('people.users.name')}
          rules={[{ required: true, whitespace: true, message: t('people.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <PlacementFieldsBlock entities={entities} selfLocked={false} />
        <MutationError error={invite.error} issues={issues} />
        <Button type="primary" htmlType="submit" loading={invite.isPending}>
          {t('people.users.inviteSubmit')}
        </Button>
      </Form>
    </Drawer>
  );
}

export function EditUserDrawer({
  user,
  onClose,
  entities,
  isSelf,
}: {
  user: UserProfile | undefined;
  onClose(): void;
  entities: Map<string, EntityWithUnits>;
  isSelf: boolean;
}) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [form] = Form.useForm<PlacementFields>();
  const [issues, setIssues] = useState<ReturnType<typeof applyIssues>>([]);
  const save = useMutation({
    mutationFn: (v: PlacementFields) =>
      api.call('updateUser', {
        params: { userId: user!.userId },
        body: {
          version: user!.version,
          name: v.name.trim(),
          role: v.role,
          ...(v.entityId ? { entityId: v.entityId } : {}),
          ...(v.unitId ? { unitId: v.unitId } : {}),
          ...(scopeOf(v) ? { scope: scopeOf(v) } : {}),
        },
      }),
    onSuccess: () => {
      setIssues([]);
      void message.success(t('people.users.saved', { name: user?.name ?? '' }));
      void queryClient.invalidateQueries({ queryKey: peopleKeys.users });
      onClose();
    },
    onError: (e) => {
      setIssues(applyIssues(form, e, FIELDS, pick));
      if (isConflict(e)) void queryClient.invalidateQueries({ queryKey: peopleKeys.users });
    },
  });
  return (
    <Drawer
      open={Boolean(user)}
      onClose={onClose}
      size={phone ? '100%' : 520}
      title={user ? t('people.users.editTitle', { name: user.name }) : ''}
      closable={{ 'aria-label': t('people.close') }}
      destroyOnHidden
    >
      {user ? (
        <Form<PlacementFields>
          key={`${user.userId}-${user.version}`}
          name="edit-user"
          form={form}
          layout="vertical"
          initialValues={fieldsOf(user)}
          onFinish={(v) => save.mutate(v)}
          requiredMark="optional"
          data-testid="edit-user-form"
        >
          <p className="mc-wrap">{user.email}</p>
          {isConflict(save.error) ? (
            <Alert type="warning" showIcon className="mc-section" title={t('people.conflict')} />
          ) : null}
          <Form.Item
            name="name"
            label={t('people.users.name')}
            rules={[{ required: true, whitespace: true, message: t('people.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <PlacementFieldsBlock entities={entities} selfLocked={isSelf} />
          <MutationError error={isConflict(save.error) ? undefined : save.error} issues={issues} />
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('people.users.save')}
          </Button>
        </Form>
      ) : null}
    </Drawer>
  );
}
