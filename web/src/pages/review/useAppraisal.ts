/**
 * The reviewer's decision on one criterion: take it into review, then accept or request changes with a comment
 * (required) at the score version shown. A 409 (the unit or another reviewer changed it) reloads the score.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { ApiError, type CriterionRef } from '../../api/client.ts';
import type { CriterionScore } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type CurrentScore = CriterionScore['score'];

export function useAppraisal(ref: CriterionRef, current: CurrentScore | null) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { cycleId, entityId, criterionCode: code } = ref;
  const [points, setPoints] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [formError, setFormError] = useState<string>();

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.score(cycleId, entityId, code) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.readiness(cycleId, entityId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.comments(cycleId, entityId, code) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit(cycleId, entityId, code) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.reviewQueue(cycleId) });
  };
  const start = useMutation({
    mutationFn: () => api.call('startReview', { params: { ...ref }, body: { version: current!.version } }),
    onSuccess: refresh,
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
  const appraise = useMutation({
    mutationFn: (decision: 'accept' | 'request_changes') =>
      api.call('appraiseCriterion', {
        params: { ...ref },
        body: {
          version: current!.version,
          appraisedScore: points ?? current?.selfScore ?? 0,
          comment: comment.trim(),
          decision,
        },
      }),
    onSuccess: () => {
      setComment('');
      void message.success(t('reviewPage.decided'));
      refresh();
    },
    onError: (e) => (e instanceof ApiError && e.status === 409 ? refresh() : undefined),
  });
  const decide = (decision: 'accept' | 'request_changes') => {
    setFormError(undefined);
    if (!comment.trim()) return setFormError(t('reviewPage.commentRequired'));
    appraise.mutate(decision);
  };
  return { points, setPoints, comment, setComment, formError, start, appraise, decide };
}

/** The score the form starts from: a resubmission's new self score, else the last appraisal, else the self score. */
export function startingPoints(current: CurrentScore | null, chosen: number | null): number | null {
  const state = current?.state ?? 'draft';
  return (
    chosen ??
    (state === 'resubmitted' ? current?.selfScore : (current?.appraisedScore ?? current?.selfScore)) ??
    null
  );
}
