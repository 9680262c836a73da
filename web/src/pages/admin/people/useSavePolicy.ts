/**
 * Saves a cycle's reminder policy through updateCycle with the cycle's version (only `reminderPolicy` is sent: the
 * rest of the cycle stays as it is). The saved cycle replaces the cached one at once; the server's field issues go
 * on the form, the others are returned for an alert; a conflict reloads the cycles.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { applyIssues, isConflict } from './common.tsx';
import { POLICY_FIELDS, type PolicyFields, toPolicy } from './reminder-policy-model.ts';

export function useSavePolicy(cycle: Cycle, form: FormInstance<PolicyFields>, onSaved: () => void) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [issues, setIssues] = useState<ReturnType<typeof applyIssues>>([]);
  const save = useMutation({
    mutationFn: (v: PolicyFields) =>
      api.call('updateCycle', {
        params: { cycleId: cycle.cycleId },
        body: { version: cycle.version, reminderPolicy: toPolicy(v) },
      }),
    onSuccess: (c) => {
      setIssues([]);
      // The page reads the cycle from the list: replace it there at once (the form re-opens at the new version).
      queryClient.setQueryData(queryKeys.cycle(c.cycleId), c);
      queryClient.setQueryData<Cycle[]>(queryKeys.cycles, (list) =>
        list?.map((x) => (x.cycleId === c.cycleId ? c : x)),
      );
      void message.success(t('people.rem.saved'));
      onSaved();
    },
    onError: (e) => {
      setIssues(applyIssues(form, e, POLICY_FIELDS, pick));
      if (isConflict(e)) void queryClient.invalidateQueries({ queryKey: queryKeys.cycles });
    },
  });
  return { save, issues };
}
