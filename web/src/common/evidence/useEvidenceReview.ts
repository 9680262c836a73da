/**
 * State of a reviewer's verdict on one evidence: the accept / reject call (with the evidence's version), the
 * rejection's reason and its problems, and a 409 (a new revision, or another reviewer first), which reloads
 * the lists and is said. The server's issue on the reason shows on that field; anything else below.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { evidenceView } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { refreshEvidence } from './api.ts';

export type Decision = 'accepted' | 'rejected';

/** An error shown on the reason field or as the conflict notice, rather than as a general error. */
function shownInPlace(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 409 || error.issues.some((i) => i.field === 'body.reason'))
  );
}

export function useEvidenceReview(evidence: Evidence) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const v = evidenceView(evidence);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const ref = { cycleId: evidence.cycleId, entityId: evidence.entityId, evidenceId: v.evidenceId };
  const review = useMutation({
    mutationFn: (decision: Decision) =>
      api.call('reviewEvidence', {
        params: { ...ref },
        body: { version: v.version, decision, ...(decision === 'rejected' ? { reason: reason.trim() } : {}) },
      }),
    onMutate: () => {
      setConflict(false);
      setReasonError(undefined);
    },
    onSuccess: (_, decision) => {
      refreshEvidence(queryClient, ref.cycleId, ref.entityId);
      void message.success(t(`evr.done.${decision}`, { title: v.title }));
      setRejecting(false);
      setReason('');
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      if (e.status === 409) {
        setConflict(true);
        refreshEvidence(queryClient, ref.cycleId, ref.entityId);
        return;
      }
      const onReason = e.issues.find((i) => i.field === 'body.reason');
      if (onReason) setReasonError(pick(onReason.message));
    },
  });

  return {
    v,
    review,
    rejecting,
    reason,
    reasonError,
    conflict,
    otherError: review.isError && !shownInPlace(review.error),
    startRejecting: () => {
      setRejecting(true);
      setConflict(false);
    },
    cancelRejecting: () => {
      setRejecting(false);
      setReasonError(undefined);
    },
    typeReason: (value: string) => {
      setReason(value);
      setReasonError(undefined);
    },
    /** A rejection needs a reason: refused here before any call when it is blank. */
    sendReject: () => {
      if (!reason.trim()) return setReasonError(t('evr.reasonRequired'));
      review.mutate('rejected');
    },
  };
}
