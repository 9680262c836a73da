/**
 * The upload redrive (docs/evidence.md, "Recovery"): every accepted upload ends available, quarantined or —
 * when its bytes never came — `upload_expired`. Runs on a schedule (EventBridge Scheduler in AWS, a timer
 * locally, `npm run admin -- redrive-uploads` on demand) over the sparse index of unsettled revisions:
 *
 * - bytes present but never finalized (the object-created event failed or was lost) → the same finalize the
 *   event runs, which is idempotent and conditional, so a race with a late event changes nothing;
 * - a carried-forward file whose copy never landed → the copy (its event then finalizes it);
 * - left `scanning` with no verdict event → the scanner's tag, and after the expiry time a quarantine;
 * - no bytes after the expiry time → `upload_expired` with an audit entry, then the object (should it land
 *   meanwhile) and any unfinished multipart upload are removed.
 */
import { applyRevision, type EvidenceRevision } from '#domain/evidence.ts';
import {
  expireRevision,
  NO_SCAN_RESULT,
  type RecoveryConfig,
  type RecoveryStep,
  recoveryStep,
} from '#domain/upload-recovery.ts';
import { BACKGROUND_COPIES } from './carried-copies.ts';
import { applyScanResult, finalizeUpload } from './evidence-finalize.ts';
import { auditEntry, SYSTEM, withRetries } from './evidence-support.ts';

type FinalizeDeps = Parameters<typeof finalizeUpload>[0];

export interface RedriveConfig extends RecoveryConfig {
  /** Revisions examined per run at most; the next run continues (the index is oldest first). */
  maxPerRun: number;
}

export interface RedriveReport {
  examined: number;
  /** Finalize outcomes of revisions whose bytes were there (available, quarantined, scanning…). */
  finalized: Record<string, number>;
  /** Carried-forward files copied (their object-created event finalizes them). */
  copied: number;
  /** Verdicts applied to revisions left in `scanning`. */
  scans: Record<string, number>;
  expired: number;
  waiting: number;
  /** Revisions whose recovery failed this run (the next run tries again). */
  failed: { objectKey: string; error: string }[];
  /** More unsettled revisions than `maxPerRun`: the next run goes on. */
  more: boolean;
}

const PAGE = 100;
/** Revisions handled at once: each may stream a large object through finalize. */
const CONCURRENCY = 4;

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** A run stops starting new work with less than this left. */
const STOP_MARGIN_MS = 60_000;
/**
 * Time one finalize may need: a minute, plus reading the object at a conservative 10 MiB/s (a 5 GiB file:
 * about 9.5 minutes). A revision that does not fit what is left of the run waits for the next one, rather than
 * being cut by the function's timeout and read again (docs/operations.md).
 */
export const finalizeNeedMs = (sizeBytes: number) => STOP_MARGIN_MS + (sizeBytes / (10 * 1024 ** 2)) * 1000;

export async function redriveUploads(
  deps: FinalizeDeps,
  cfg: RedriveConfig,
  opts: { timeLeftMs?: () => number } = {},
): Promise<RedriveReport> {
  const outOfTime = () => (opts.timeLeftMs ? opts.timeLeftMs() < STOP_MARGIN_MS : false);
  const now = deps.clock.now();
  const report: RedriveReport = {
    examined: 0,
    finalized: {},
    copied: 0,
    scans: {},
    expired: 0,
    waiting: 0,
    failed: [],
    more: false,
  };
  // Nothing requested within the grace period can need recovery yet: the index is read up to that time only.
  const before = new Date(now.getTime() - cfg.graceMs).toISOString();
  let cursor: string | undefined;
  do {
    const page = await deps.evidence.listUnsettled(
      before,
      Math.min(PAGE, cfg.maxPerRun - report.examined),
      cursor,
    );
    cursor = page.next;
    for (let i = 0; i < page.items.length; i += CONCURRENCY) {
      if (outOfTime()) {
        report.more = true;
        return report;
      }
      const batch = page.items.slice(i, i + CONCURRENCY);
      await Promise.all(batch.map((r) => recoverOne(deps, cfg, now, r, report, opts.timeLeftMs)));
      report.examined += batch.length;
    }
  } while (cursor && report.examined < cfg.maxPerRun);
  report.more ||= cursor !== undefined;
  return report;
}

async function recoverOne(
  deps: FinalizeDeps,
  cfg: RecoveryConfig,
  now: Date,
  r: EvidenceRevision,
  report: RedriveReport,
  timeLeftMs?: () => number,
): Promise<void> {
  const fits = (needMs: number) => !timeLeftMs || timeLeftMs() >= needMs;
  const later = () => {
    report.waiting++;
    report.more = true;
  };
  try {
    const object = r.state === 'pending_upload' ? await deps.store.head(r.objectKey) : undefined;
    const step: RecoveryStep = recoveryStep(r, object, now, cfg);
    switch (step) {
      case 'finalize':
        if (!fits(finalizeNeedMs(object?.sizeBytes ?? 0))) return later();
        bump(report.finalized, await finalizeUpload(deps, r.objectKey));
        return;
      case 'copy':
        if (r.upload.mode !== 'copy') return;
        if (!fits(BACKGROUND_COPIES.startMarginMs)) return later();
        await deps.store.copy(r.upload.sourceKey, r.objectKey);
        report.copied++;
        return;
      case 'expire':
        if ((await expireUpload(deps, cfg, now, r)) === 'expired') report.expired++;
        else report.waiting++;
        return;
      case 'check-scan':
      case 'scan-missing': {
        const verdict =
          (await deps.scanner.lookup?.(r.objectKey)) ??
          (step === 'scan-missing' ? NO_SCAN_RESULT : undefined);
        if (!verdict) {
          report.waiting++;
          return;
        }
        bump(report.scans, await applyScanResult(deps, r.objectKey, verdict));
        return;
      }
      case 'wait':
      case 'settled':
        report.waiting++;
        return;
    }
  } catch (e) {
    report.failed.push({ objectKey: r.objectKey, error: (e as Error).message });
  }
}

/**
 * Marks an abandoned upload `upload_expired` (revision conditional on its version and `pending_upload`, the
 * evidence re-derived and conditional on its version, an audit entry; retried on a conflict), then removes the
 * object and the unfinished multipart upload. The record goes first: if the bytes land and finalize wins the
 * race, nothing is deleted.
 */
export async function expireUpload(
  deps: Pick<FinalizeDeps, 'evidence' | 'store' | 'clock' | 'ids'>,
  cfg: RecoveryConfig,
  now: Date,
  found: EvidenceRevision,
): Promise<'expired' | 'already-settled'> {
  const at = now.toISOString();
  const outcome = await withRetries(6, async (attempt) => {
    const current = attempt === 1 ? found : await deps.evidence.getRevision(found);
    if (current?.state !== 'pending_upload') return 'already-settled' as const;
    const ev = await deps.evidence.get(current.cycleId, current.entityId, current.evidenceId);
    if (!ev) return 'already-settled' as const;
    const next = expireRevision(current, at, cfg);
    await deps.evidence.save({
      evidence: applyRevision(ev, next, at),
      expectedVersion: ev.version,
      revisions: [{ revision: next, expected: { version: current.version, state: current.state } }],
      audit: auditEntry(
        deps,
        at,
        SYSTEM('redrive'),
        'evidence.upload-expired',
        ev.evidenceId,
        {
          fileId: current.fileId,
          revision: current.revision,
          state: current.state,
          createdAt: current.createdAt,
        },
        {
          fileId: next.fileId,
          revision: next.revision,
          state: next.state,
          reason: next.quarantineReason,
          objectKey: next.objectKey,
        },
      ),
    });
    return 'expired' as const;
  });
  if (outcome !== 'expired') return outcome;
  if (found.upload.mode === 'multipart')
    await deps.store.abortMultipart(found.objectKey, found.upload.uploadId);
  await deps.store.deleteObject(found.objectKey);
  return outcome;
}
