/**
 * Saving the cycle form: create, or update with only what changed and the loaded `version`. A 409 (someone
 * saved first) reloads the current cycle, which the form then shows, and says so; the server's field issues
 * go on their fields, the others into a list under the form.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { issuesByField } from './form-rules.ts';
import { type CycleFormValues, createBody, updateBody } from './model.ts';

export function useCycleSave(
  form: FormInstance<CycleFormValues>,
  cycle: Cycle | undefined,
  onDone: (c: Cycle) => void,
) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState<Cycle | undefined>(cycle);
  const [conflict, setConflict] = useState(false);
  const [otherIssues, setOtherIssues] = useState<string[]>([]);

  const showIssues = (e: ApiError) => {
    const { fields, rest } = issuesByField(e.issues);
    form.setFields(
      fields.map((f) => ({ name: f.name, errors: f.messages.map(pick) })) as Parameters<
        typeof form.setFields
      >[0],
    );
    setOtherIssues(rest.map(pick));
  };

  const reloadAfterConflict = async (cycleId: string) => {
    setConflict(true);
    const fresh = await api.call('getCycle', { params: { cycleId } }).catch(() => undefined);
    if (!fresh) return;
    queryClient.setQueryData(queryKeys.cycle(fresh.cycleId), fresh);
    void queryClient.invalidateQueries({ queryKey: queryKeys.cycles });
    setCurrent(fresh);
  };

  const save = useMutation({
    mutationFn: async (v: CycleFormValues) =>
      current
        ? api.call('updateCycle', { params: { cycleId: current.cycleId }, body: updateBody(current, v) })
        : api.call('createCycle', { body: createBody(v) }),
    onSuccess: (c) => {
      setConflict(false);
      setOtherIssues([]);
      queryClient.setQueryData(queryKeys.cycle(c.cycleId), c);
      void queryClient.invalidateQueries({ queryKey: queryKeys.cycles });
      void message.success(t(current ? 'setup.cycle.saved' : 'setup.cycle.created', { name: pick(c.name) }));
      onDone(c);
    },
    onError: async (e) => {
      if (!(e instanceof ApiError)) return;
      if (e.status === 409 && current) await reloadAfterConflict(current.cycleId);
      else if (e.issues.length) showIssues(e);
    },
  });

  // A refusal that no field or list shows (not a 409, no issues), or a network failure.
  const genericError =
    save.error instanceof ApiError && save.error.status !== 409 && !save.error.issues.length
      ? pick(save.error.text)
      : save.isError && !(save.error instanceof ApiError)
        ? t('error.network')
        : undefined;

  return { current, conflict, otherIssues, clearOtherIssues: () => setOtherIssues([]), save, genericError };
}
