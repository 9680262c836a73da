/**
 * Recovery of uploads that did not settle by themselves (docs/evidence.md, "Recovery"): what the scheduled
 * redrive does with one unsettled revision. Pure: the use case (shared/usecases/upload-recovery.ts) reads the
 * object's presence and the clock and acts on the answer.
 */
import type { Message } from './errors.ts';
import type { EvidenceRevision } from './evidence.ts';
import type { ScanVerdict } from './malware.ts';

export interface RecoveryConfig {
  /** A pending upload whose object has not arrived this long after it was requested is abandoned. */
  expireAfterMs: number;
  /**
   * Left alone this long after the object landed (or the scan started): the object-created event and the
   * scanner's event normally settle it first, and the redrive must not read a large file twice for nothing.
   */
  graceMs: number;
}

export const RECOVERY_DEFAULTS = {
  expireAfterHours: 24,
  graceMinutes: 10,
  maxPerRun: 2000,
} as const;

/**
 * - `finalize`: the bytes are there but finalize never settled the revision (its event failed or was lost):
 *   run the same finalize again (idempotent).
 * - `copy`: a carried-forward file whose server-side copy never landed (its request and background run did not
 *   make it): copy it now; the object-created event finalizes it.
 * - `expire`: nothing arrived in time: the upload was abandoned (closed tab, dropped connection, refused PUT),
 *   or a carried file's source is gone.
 * - `check-scan`: finalize left it `scanning` and the verdict event is late: read the scanner's tag.
 * - `scan-missing`: still no verdict long after: read the tag once more, else quarantine (nobody looked inside).
 * - `wait`: too early to tell; `settled`: nothing to do.
 */
export type RecoveryStep =
  | 'finalize'
  | 'copy'
  | 'expire'
  | 'check-scan'
  | 'scan-missing'
  | 'wait'
  | 'settled';

export function recoveryStep(
  r: Pick<EvidenceRevision, 'state' | 'createdAt' | 'finalizedAt'> &
    Partial<Pick<EvidenceRevision, 'upload'>>,
  object: { lastModified?: string } | undefined,
  now: Date,
  cfg: RecoveryConfig,
): RecoveryStep {
  const age = (iso: string | undefined) => now.getTime() - Date.parse(iso ?? r.createdAt);
  if (r.state === 'pending_upload') {
    // The object's own time when the store gives it: a long multipart upload completes hours after its request.
    if (object) return age(object.lastModified) >= cfg.graceMs ? 'finalize' : 'wait';
    const requested = age(r.createdAt);
    if (requested >= cfg.expireAfterMs) return 'expire';
    return r.upload?.mode === 'copy' && requested >= cfg.graceMs ? 'copy' : 'wait';
  }
  if (r.state === 'scanning') {
    const since = age(r.finalizedAt);
    if (since >= cfg.expireAfterMs) return 'scan-missing';
    return since >= cfg.graceMs ? 'check-scan' : 'wait';
  }
  return 'settled';
}

const hoursText = (ms: number) => String(Math.round((ms / 3_600_000) * 10) / 10).replace('.', ',');
const hoursTextEn = (ms: number) => String(Math.round((ms / 3_600_000) * 10) / 10);

/** What the user reads on an abandoned upload: it did not finish, upload again. */
export function uploadExpiredReason(cfg: Pick<RecoveryConfig, 'expireAfterMs'>): Message {
  return {
    vi: `Tải lên chưa hoàn tất: tệp không đến máy chủ trong ${hoursText(cfg.expireAfterMs)} giờ sau khi bắt đầu. Hãy tải lên lại.`,
    en: `Upload not completed: the file did not reach the server within ${hoursTextEn(cfg.expireAfterMs)} hours of starting. Please upload it again.`,
  };
}

/** The revision as the redrive leaves an abandoned upload: settled, with the reason, never finalized later. */
export function expireRevision(r: EvidenceRevision, now: string, cfg: RecoveryConfig): EvidenceRevision {
  return {
    ...r,
    state: 'upload_expired',
    quarantineReason: uploadExpiredReason(cfg),
    finalizedAt: now,
    version: r.version + 1,
  };
}

/** No verdict ever came for a file in `scanning`: treated like a scan that could not look inside. */
export const NO_SCAN_RESULT: ScanVerdict = {
  engine: 'redrive',
  status: 'unscannable',
  detail: 'no scan result arrived',
};
