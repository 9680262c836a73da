/**
 * Publishing a version, behind a confirmation: a published version can never be changed again (a change is a
 * new version). A 409 (already published, or an earlier version still a draft) is shown as the server words it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { ApiError } from '../../../api/client.ts';
import type { Output } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { frameworkKeys } from '../../../common/admin/frameworks.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

export function usePublish(onDone?: (f: Output<'publishFramework'>) => void) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: (v: { frameworkId: string; version: number }) =>
      api.call('publishFramework', {
        params: { frameworkId: v.frameworkId },
        body: { version: v.version },
      }),
    onSuccess: (f) => {
      void message.success(t('setup.publish.done', { id: f.frameworkId, version: f.version }));
      onDone?.(f);
    },
    onError: (e) => {
      const text = e instanceof ApiError ? pick(e.text) : t('error.network');
      modal.error({
        title:
          e instanceof ApiError && e.status === 409 ? t('setup.publish.conflict') : t('setup.publish.failed'),
        content: text,
      });
    },
    onSettled: (_d, _e, v) => {
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.heads });
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.versions(v.frameworkId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.framework(v.frameworkId, v.version) });
    },
  });
  const confirm = (frameworkId: string, version: number) =>
    modal.confirm({
      title: t('setup.publish.confirmTitle', { id: frameworkId, version }),
      content: t('setup.publish.confirmBody'),
      okText: t('setup.publish.ok'),
      cancelText: t('setup.cancel'),
      onOk: () => publish.mutateAsync({ frameworkId, version }).catch(() => undefined),
    });
  return { confirm, pending: publish.isPending };
}
