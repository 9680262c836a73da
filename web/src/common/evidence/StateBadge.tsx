/** An evidence's state as a tag (a stale pending upload shown as such), its quarantine reason and verdict; its file icon. */
import { FileImageOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { EvidenceView } from '../../api/evidence-view.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type MessageKey, vi } from '../../i18n/messages.ts';
import { VerdictLine } from './EvidenceVerdict.tsx';

/** A pending upload older than the presigned URL's life will not finish by itself. */
const STALE_PENDING_MS = 20 * 60 * 1000;

export function shownState(e: EvidenceView, now = Date.now()): string {
  if (e.state === 'pending_upload' && now - Date.parse(e.createdAt) > STALE_PENDING_MS) return 'stale_upload';
  return e.state;
}

const STATE_COLOR: Record<string, string> = {
  pending_upload: 'processing',
  scanning: 'processing',
  stale_upload: 'default',
  available: 'blue',
  quarantined: 'red',
  accepted: 'green',
  rejected: 'volcano',
  upload_expired: 'orange',
};

export function FileIcon({ kind }: { kind: string }) {
  if (kind === 'pdf') return <FilePdfOutlined aria-hidden />;
  if (kind === 'jpg' || kind === 'png') return <FileImageOutlined aria-hidden />;
  return <FileOutlined aria-hidden />;
}

/**
 * The evidence's state as a tag, the quarantine reason, and the reviewer's verdict (who, when, why) while it
 * stands. `resubmitHint` is shown under a rejection to those who can upload a new revision.
 */
export function StateBadge({ evidence, resubmitHint }: { evidence: EvidenceView; resubmitHint?: string }) {
  const { t, pick } = useI18n();
  const state = shownState(evidence);
  const key = `evidence.state.${state}`;
  const review = evidence.review;
  return (
    <div className="mc-state">
      <Tag color={STATE_COLOR[state] ?? 'default'} data-testid="evidence-state" data-state={state}>
        {key in vi ? t(key as MessageKey) : state}
      </Tag>
      {(state === 'quarantined' || state === 'upload_expired') && evidence.quarantineReason ? (
        <div className="mc-error-text">
          {t('evidence.quarantineReason', { reason: pick(evidence.quarantineReason) })}
        </div>
      ) : null}
      {review && (state === 'accepted' || state === 'rejected') ? (
        <VerdictLine review={review} hint={state === 'rejected' ? resubmitHint : undefined} />
      ) : null}
    </div>
  );
}
