/**
 * Invite a user, or change one's placement (role, entity, unit, scope). Members and leaders belong to one unit
 * of one entity; administrators and reviewers carry a scope instead (everything, a province, or a list of
 * entities). The server checks the same rules and names the field; its messages land on that field.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input } from 'antd';
import { useState } from 'react';
import type { EntityWithUnits } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { applyIssues, isConflict, MutationError } from './common.tsx';
import { peopleKeys, type UserProfile } from './data.ts';
import {
  FIELDS,
  fieldsOf,
  NameField,
  type PlacementFields,
  PlacementFieldsBlock,
  placementBody,
} from './PlacementFields.tsx';

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
          ...placementBody(v),
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
        <NameField />
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
          ...placementBody(v),
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
          <NameField />
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
