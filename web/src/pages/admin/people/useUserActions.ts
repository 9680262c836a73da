/** Disable / enable a user (disabling signs them out everywhere) and reset their two-step verification. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { ApiError } from '../../../api/client.ts';
import { useServices } from '../../../app/context.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { peopleKeys, type UserProfile } from './data.ts';

export function useUserActions() {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
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
  return { toggle, resetMfa };
}

export type UserActionsState = ReturnType<typeof useUserActions>;
