/**
 * The reviewer's verdict on one evidence: the line everyone sees (accepted / rejected, by whom, when, the
 * reason), and for reviewers and admins the buttons that give it — "Chấp nhận" at once, "Không chấp nhận"
 * through a small form whose reason is required. Each decision carries the evidence's version; a 409 (a new
 * revision, or another reviewer first) reloads the lists and says so. The server's field issues show on the
 * reason field.
 */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Space } from 'antd';
import { useId, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type EvidenceVerdict, evidenceRights, evidenceView } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { useServices, useSession } from '../../app/context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ErrorState } from '../states.tsx';
import { refreshEvidence } from './api.ts';

/** "Không chấp nhận bởi Nguyễn Văn A (Thẩm định) lúc 28/11/2026 13:05" and, for a rejection, the reason. */
export function VerdictLine({ review, hint }: { review: EvidenceVerdict; hint?: string }) {
  const { t } = useI18n();
  const roleKey = `role.${review.by.role}`;
  const who = t('evr.who', {
    name: review.by.name || review.by.userId,
    role: review.by.role ? t(roleKey as MessageKey) : '',
  });
  return (
    <div className="mc-verdict" data-testid="evidence-verdict" data-decision={review.decision}>
      <div className="mc-muted mc-wrap">
        {t(`evr.verdict.${review.decision}`, { who, at: formatDateTime(review.at) })}
      </div>
      {review.reason ? (
        <div className="mc-wrap mc-verdict-reason" data-testid="evidence-verdict-reason">
          {t('evr.reasonShown', { reason: review.reason })}
        </div>
      ) : null}
      {hint ? (
        <div className="mc-muted mc-wrap" data-testid="evidence-verdict-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** Accept / reject buttons for one evidence, only for roles the policy lets review (reviewers and admins). */
export function EvidenceReviewActions({ evidence, readOnly }: { evidence: Evidence; readOnly?: boolean }) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useSession()?.user;
  const v = evidenceView(evidence);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const reasonId = useId();
  const hintId = useId();
  const errorId = useId();
  const ref = { cycleId: evidence.cycleId, entityId: evidence.entityId, evidenceId: v.evidenceId };
  const review = useMutation({
    mutationFn: (decision: 'accepted' | 'rejected') =>
      api.call('reviewEvidence', {
        params: { ...ref },
        body: {
          version: v.version,
          decision,
          ...(decision === 'rejected' ? { reason: reason.trim() } : {}),
        },
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
  if (!evidenceRights(user, evidence).review || readOnly) return null;
  if (!v.hasAvailableFile) return <div className="mc-muted">{t('evr.noFile')}</div>;

  const sendReject = () => {
    if (!reason.trim()) {
      setReasonError(t('evr.reasonRequired'));
      return;
    }
    review.mutate('rejected');
  };
  const otherError =
    review.isError &&
    !(
      review.error instanceof ApiError &&
      (review.error.status === 409 || review.error.issues.some((i) => i.field === 'body.reason'))
    );

  return (
    <div className="mc-evidence-review" data-testid="evidence-review">
      <Space size={4} wrap>
        {v.state !== 'accepted' ? (
          <Button
            size="small"
            type="primary"
            ghost
            icon={<CheckOutlined />}
            aria-label={t('evr.acceptAria', { title: v.title })}
            loading={review.isPending && review.variables === 'accepted'}
            disabled={review.isPending}
            onClick={() => review.mutate('accepted')}
          >
            {t('evr.accept')}
          </Button>
        ) : null}
        {v.state !== 'rejected' && !rejecting ? (
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            aria-label={t('evr.rejectAria', { title: v.title })}
            disabled={review.isPending}
            onClick={() => {
              setRejecting(true);
              setConflict(false);
            }}
          >
            {t('evr.reject')}
          </Button>
        ) : null}
      </Space>
      {conflict ? (
        <Alert
          className="mc-section"
          type="warning"
          showIcon
          role="alert"
          title={t('evr.conflict', { title: v.title })}
          data-testid="evidence-review-conflict"
        />
      ) : null}
      {rejecting ? (
        <form
          className="mc-reject-form"
          data-testid="evidence-reject-form"
          onSubmit={(e) => {
            e.preventDefault();
            sendReject();
          }}
        >
          <div className="mc-field">
            <label htmlFor={reasonId}>{t('evr.reason')}</label>
            <div id={hintId} className="mc-muted">
              {t('evr.reasonHint')}
            </div>
            <Input.TextArea
              id={reasonId}
              rows={2}
              maxLength={1000}
              value={reason}
              status={reasonError ? 'error' : undefined}
              aria-describedby={reasonError ? `${hintId} ${errorId}` : hintId}
              aria-invalid={reasonError ? true : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(undefined);
              }}
            />
            {reasonError ? (
              <div id={errorId} className="mc-error-text" role="alert">
                {reasonError}
              </div>
            ) : null}
          </div>
          <Space size={4} wrap>
            <Button
              size="small"
              danger
              type="primary"
              htmlType="submit"
              loading={review.isPending && review.variables === 'rejected'}
            >
              {t('evr.sendReject')}
            </Button>
            <Button
              size="small"
              onClick={() => {
                setRejecting(false);
                setReasonError(undefined);
              }}
            >
              {t('evr.cancel')}
            </Button>
          </Space>
        </form>
      ) : null}
      {otherError ? <ErrorState error={review.error} /> : null}
    </div>
  );
}
