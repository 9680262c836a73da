/**
 * The self-score form's state: starts from the stored value (and again after a conflict reload), checks what
 * the rule needs (a score or both inputs, the explanation while coverage < 1), saves at the loaded version; a
 * 409 (stale or locked) reloads and says so.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, type CriterionRef } from '../../api/client.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { InputsValue } from '../evidence/ComputedInputs.tsx';
import { selfScoreBody, selfScoreProblem } from './self-score.ts';

export function useSelfScore(criterionRef: CriterionRef, isComputed: boolean, explanationRequired: boolean) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { cycleId, entityId, criterionCode } = criterionRef;
  const scoreKey = queryKeys.score(cycleId, entityId, criterionCode);
  const score = useQuery({
    queryKey: scoreKey,
    queryFn: () => api.call('getCriterionScore', { params: { ...criterionRef } }),
  });
  const current = score.data?.score ?? null;
  const [points, setPoints] = useState<number | null>(null);
  const [explanation, setExplanation] = useState('');
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [inputs, setInputs] = useState<InputsValue>({ numerator: null, denominator: null });

  // The form starts from the stored value (and starts again from it after a conflict reload).
  const loadedVersion = current?.version ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the stored version changes
  useEffect(() => {
    setPoints(current?.selfScore ?? null);
    setExplanation(current?.explanation ?? '');
    setInputs({
      numerator: current?.computed?.numerator.value ?? null,
      denominator: current?.computed?.denominator.value ?? null,
      numeratorEvidenceId: current?.computed?.numerator.evidenceId,
      denominatorEvidenceId: current?.computed?.denominator.evidenceId,
    });
  }, [loadedVersion]);

  const save = useMutation({
    mutationFn: () =>
      api.call('setSelfScore', {
        params: { ...criterionRef },
        body: selfScoreBody({
          version: current?.version,
          isComputed,
          inputs,
          points,
          explanation,
          storedExplanation: current?.explanation,
        }),
      }),
    onSuccess: (s) => {
      setConflict(false);
      queryClient.setQueryData(scoreKey, (old: typeof score.data) => (old ? { ...old, score: s } : old));
      void queryClient.invalidateQueries({ queryKey: queryKeys.readiness(cycleId, entityId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit(cycleId, entityId, criterionCode) });
      void message.success(t('score.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        void score.refetch();
      }
    },
  });

  const onSave = () => {
    const problem = selfScoreProblem({ isComputed, inputs, points, explanationRequired, explanation });
    setFormError(problem && t(problem));
    if (!problem) save.mutate();
  };
  return {
    score,
    current,
    points,
    setPoints,
    explanation,
    setExplanation,
    inputs,
    setInputs,
    formError,
    conflict,
    save,
    onSave,
  };
}

export type SelfScore = ReturnType<typeof useSelfScore>;
