/** Submitting a unit's criteria; on success the readiness, score and audit of the entity are asked again. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function useSubmitSelfAssessment(cycleId: string, entityId: string) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { unitId: string; criterionCodes: string[] }) =>
      api.call('submitSelfAssessment', { params: { cycleId, entityId }, body }),
    onSuccess: (r) => {
      void message.success(t('submit.done', { count: r.submitted.length }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.readiness(cycleId, entityId) });
      void queryClient.invalidateQueries({ queryKey: ['score', cycleId, entityId] });
      void queryClient.invalidateQueries({ queryKey: ['audit', cycleId, entityId] });
    },
  });
}
