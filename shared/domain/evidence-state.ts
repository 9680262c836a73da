/**
 * An evidence's state from its files' revisions, and the reviewer's verdict on it (docs/evidence.md). A file's
 * `current` revision is its newest available one, so a replacement still uploading or quarantined never hides
 * the good revision before it.
 */
import type { FieldIssue, Message } from './errors.ts';
import type {
  Evidence,
  EvidenceFile,
  EvidenceReview,
  EvidenceReviewInput,
  EvidenceRevision,
  EvidenceState,
  RevisionSummary,
} from './evidence-schemas.ts';

export function summarize(r: EvidenceRevision): RevisionSummary {
  return {
    revision: r.revision,
    fileName: r.fileName,
    kind: r.kind,
    state: r.state,
    quarantineReason: r.quarantineReason,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    uploadedBy: r.uploadedBy,
    createdAt: r.createdAt,
  };
}

/**
 * Folds a revision (new, or just finalized) into its file's summary. Order-independent: `latest` is the
 * highest revision number, `current` the highest available one, whatever order the events arrive in.
 */
export function withRevision(files: readonly EvidenceFile[], r: EvidenceRevision): EvidenceFile[] {
  const s = summarize(r);
  const i = files.findIndex((f) => f.fileId === r.fileId);
  if (i === -1)
    return [...files, { fileId: r.fileId, latest: s, current: r.state === 'available' ? s : undefined }];
  const f = files[i]!;
  const next: EvidenceFile = {
    fileId: f.fileId,
    latest: s.revision >= f.latest.revision ? s : f.latest,
    current: r.state === 'available' && (!f.current || s.revision >= f.current.revision) ? s : f.current,
  };
  return files.map((x, j) => (j === i ? next : x));
}

/**
 * Evidence state: available when any file has an available revision; otherwise still uploading, still being
 * scanned, quarantined, or (every file's newest upload abandoned) `upload_expired`. A reviewer's
 * accepted/rejected stands while the files they saw are the ones shown; a newly available revision sends the
 * evidence back to `available` for another look.
 */
export function deriveEvidenceState(
  files: readonly EvidenceFile[],
  previous?: Pick<Evidence, 'state' | 'files'>,
): { state: EvidenceState; quarantineReason?: Message } {
  const currentOf = (fs: readonly EvidenceFile[]) =>
    fs
      .filter((f) => f.current)
      .map((f) => `${f.fileId}:${f.current!.revision}`)
      .join(',');
  if (files.some((f) => f.current)) {
    const reviewed = previous && (previous.state === 'accepted' || previous.state === 'rejected');
    if (reviewed && currentOf(previous.files) === currentOf(files)) return { state: previous.state };
    return { state: 'available' };
  }
  if (files.some((f) => f.latest.state === 'pending_upload')) return { state: 'pending_upload' };
  if (files.some((f) => f.latest.state === 'scanning')) return { state: 'scanning' };
  const q = files.find((f) => f.latest.state === 'quarantined');
  if (q || !files.some((f) => f.latest.state === 'upload_expired'))
    return { state: 'quarantined', quarantineReason: q?.latest.quarantineReason };
  // Every file's newest upload was abandoned: nothing to show; the reason says to upload again.
  const x = files.find((f) => f.latest.state === 'upload_expired');
  return { state: 'upload_expired', quarantineReason: x?.latest.quarantineReason };
}

/** The evidence with one revision folded in and its state re-derived. */
export function applyRevision(ev: Evidence, r: EvidenceRevision, now: string): Evidence {
  const files = withRevision(ev.files, r);
  const { state, quarantineReason } = deriveEvidenceState(files, ev);
  const { review, ...rest } = ev;
  const stands = review && (state === 'accepted' || state === 'rejected');
  return {
    ...rest,
    ...(stands ? { review } : {}),
    files,
    state,
    quarantineReason,
    updatedAt: now,
    version: ev.version + 1,
  };
}

/**
 * A reviewer accepts or rejects the evidence as it is now. Only evidence with an available file can be judged
 * (nothing to look at otherwise); a rejection needs a reason. Returns the field problems instead of throwing.
 */
export function reviewDecision(
  ev: Evidence,
  input: EvidenceReviewInput,
  by: EvidenceReview['by'],
  now: string,
): { next: Evidence } | { issues: FieldIssue[] } {
  if (!ev.files.some((f) => f.current))
    return {
      issues: [
        {
          field: 'path.evidenceId',
          message: {
            vi: 'Tài liệu chưa có tệp nào sẵn sàng để xem, chưa thẩm định được.',
            en: 'The evidence has no available file to look at yet; it cannot be reviewed.',
          },
        },
      ],
    };
  const reason = input.reason?.trim();
  if (input.decision === 'rejected' && !reason)
    return {
      issues: [
        {
          field: 'body.reason',
          message: {
            vi: 'Vui lòng ghi lý do không chấp nhận để đơn vị biết cần sửa gì.',
            en: 'Please give the reason for rejecting, so the unit knows what to fix.',
          },
        },
      ],
    };
  const review: EvidenceReview = { decision: input.decision, ...(reason ? { reason } : {}), by, at: now };
  return { next: { ...ev, state: input.decision, review, updatedAt: now, version: ev.version + 1 } };
}
