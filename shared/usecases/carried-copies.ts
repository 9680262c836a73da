/**
 * The file copies of carried-forward evidence (docs/evidence.md, "Carry-forward"). A carried revision is written
 * `pending_upload` with `upload: { mode: 'copy', sourceKey }`; its bytes come from a server-side copy (S3
 * CopyObject) to its own new key, and the object-created event finalizes it like any upload. The copy is made by
 * the request itself (small files, several at a time, while the request has time), by the background run the
 * request hands the rest to (`finishCarriedCopies`), or by the scheduled redrive. Making one twice writes the same
 * bytes to the same fresh key and finalize settles a revision once, so no path needs to know whether another got
 * there first.
 */
import type { EvidenceRevision } from '#domain/evidence.ts';
import type { CarryCopyJob, EvidenceRepository, ObjectStore } from '#ports.ts';

/**
 * S3 CopyObject copies a source of at most 5 GiB (5,368,709,120 bytes) in one request; larger sources need a
 * multipart copy (UploadPartCopy). No cycle accepts a larger file (test/unit/carried-copies.test.ts).
 */
export const COPY_OBJECT_MAX_BYTES = 5 * 1024 ** 3;

/** What the request copies itself: files this small, this many at a time, started within this time. */
export const REQUEST_COPIES = {
  concurrency: 8,
  maxBytes: 32 * 1024 * 1024,
  budgetMs: 10_000,
} as const;

/**
 * The background run: this many at a time, and no copy started with less than this left of the run (a 5 GiB
 * CopyObject at a conservative 20 MB/s takes about 4.5 minutes; the rest is left to the scheduled redrive).
 */
export const BACKGROUND_COPIES = { concurrency: 4, startMarginMs: 5 * 60_000 } as const;

export interface PendingCopy {
  evidenceId: string;
  sourceKey: string;
  targetKey: string;
  sizeBytes: number;
  /** An earlier attempt may have made it: look before copying. */
  mayExist: boolean;
}

/** The copy a revision still waits for, if it is a carried one whose bytes have not been finalized. */
export function pendingCopy(r: EvidenceRevision, mayExist = true): PendingCopy | undefined {
  if (r.state !== 'pending_upload' || r.upload.mode !== 'copy') return undefined;
  return {
    evidenceId: r.evidenceId,
    sourceKey: r.upload.sourceKey,
    targetKey: r.objectKey,
    sizeBytes: r.declaredSizeBytes,
    mayExist,
  };
}

/** `fn` over `items`, at most `n` at a time, results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  n: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

export interface CopyRun {
  copied: number;
  /** Already there (an earlier attempt made it). */
  present: number;
  /** Not started (`canStart` said no) or, with `failures: 'defer'`, failed: left for a later run. */
  deferred: PendingCopy[];
  failed: { targetKey: string; error: string }[];
}

/**
 * Makes `copies`, at most `concurrency` at a time. `canStart` is asked just before each one; a copy it refuses is
 * deferred. A failed copy is deferred too (`failures: 'defer'`, the request: the background or the redrive makes
 * it) or reported (`'report'`, the background run, which then fails so its retry and failure queue see it).
 */
export async function runCopies(
  store: Pick<ObjectStore, 'copy' | 'head'>,
  copies: readonly PendingCopy[],
  opts: { concurrency: number; canStart(c: PendingCopy): boolean; failures: 'defer' | 'report' },
): Promise<CopyRun> {
  const run: CopyRun = { copied: 0, present: 0, deferred: [], failed: [] };
  await mapLimit(copies, opts.concurrency, async (c) => {
    if (!opts.canStart(c)) {
      run.deferred.push(c);
      return;
    }
    try {
      if (c.mayExist && (await store.head(c.targetKey))) {
        run.present++;
        return;
      }
      await store.copy(c.sourceKey, c.targetKey);
      run.copied++;
    } catch (e) {
      if (opts.failures === 'defer') run.deferred.push(c);
      else run.failed.push({ targetKey: c.targetKey, error: (e as Error).message });
    }
  });
  return run;
}

export interface CarriedCopiesReport extends CopyRun {
  /** Copies left because the run was running out of time (the scheduled redrive makes them). */
  more: boolean;
}

/**
 * The background half of a carry-forward: every copy the job's evidence still waits for, a few at a time, none
 * started too close to the end of the run.
 */
export async function finishCarriedCopies(
  deps: { evidence: Pick<EvidenceRepository, 'listRevisions'>; store: Pick<ObjectStore, 'copy' | 'head'> },
  job: CarryCopyJob,
  opts: { timeLeftMs?: () => number } = {},
): Promise<CarriedCopiesReport> {
  const revisions = await mapLimit(job.evidenceIds, BACKGROUND_COPIES.concurrency, (evidenceId) =>
    deps.evidence.listRevisions(job.cycleId, job.entityId, evidenceId),
  );
  const copies = revisions.flat().flatMap((r) => pendingCopy(r) ?? []);
  const run = await runCopies(deps.store, copies, {
    concurrency: BACKGROUND_COPIES.concurrency,
    canStart: () => !opts.timeLeftMs || opts.timeLeftMs() >= BACKGROUND_COPIES.startMarginMs,
    failures: 'report',
  });
  return { ...run, more: run.deferred.length > 0 };
}
