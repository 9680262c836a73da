/**
 * The reviewer's verdict on one evidence: the line everyone sees (accepted / rejected, by whom, when, the
 * reason), and for reviewers and admins the buttons that give it — "Chấp nhận" at once, "Không chấp nhận"
 * through a small form whose reason is required (`RejectReasonForm`). Each decision carries the evidence's
 * version; a 409 (a new revision, or another reviewer first) reloads the lists and says so; the server's field
 * issues show on the reason field (`useEvidenceReview`).
 */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { type EvidenceVerdict, evidenceRights } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { useSession } from '../../app/context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ErrorState } from '../states.tsx';
import { RejectReasonForm } from './RejectReasonForm.tsx';
import { useEvidenceReview } from './useEvidenceReview.ts';

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
  const { t } = useI18n();
  const user = useSession()?.user;
  const r = useEvidenceReview(evidence);
  const { v, review } = r;
  if (!evidenceRights(user, evidence).review || readOnly) return null;
  if (!v.hasAvailableFile) return <div className="mc-muted">{t('evr.noFile')}</div>;

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
        {v.state !== 'rejected' && !r.rejecting ? (
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            aria-label={t('evr.rejectAria', { title: v.title })}
            disabled={review.isPending}
            onClick={r.startRejecting}
          >
            {t('evr.reject')}
          </Button>
        ) : null}
      </Space>
      {r.conflict ? (
        <Alert
          className="mc-section"
          type="warning"
          showIcon
          role="alert"
          title={t('evr.conflict', { title: v.title })}
          data-testid="evidence-review-conflict"
        />
      ) : null}
      {r.rejecting ? (
        <RejectReasonForm
          reason={r.reason}
          reasonError={r.reasonError}
          sending={review.isPending && review.variables === 'rejected'}
          onReason={r.typeReason}
          onSend={r.sendReject}
          onCancel={r.cancelRejecting}
        />
      ) : null}
      {r.otherError ? <ErrorState error={review.error} /> : null}
    </div>
  );
}
