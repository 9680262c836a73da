/**
 * Carried-forward copies (shared/usecases/carried-copies.ts): how many run at once, which the request keeps and
 * which it leaves for the background, and the single-request copy limit every cycle's file size respects.
 * The same paths against s3rver and DynamoDB Local: test/integration/carry-forward.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { uploadLimitsSchema } from '#domain/cycle.ts';
import { recoveryStep } from '#domain/upload-recovery.ts';
import {
  COPY_OBJECT_MAX_BYTES,
  type PendingCopy,
  REQUEST_COPIES,
  runCopies,
} from '#usecases/carried-copies.ts';

const copy = (i: number, sizeBytes = 1000, mayExist = false): PendingCopy => ({
  evidenceId: `ev${i}`,
  sourceKey: `evidence/old/${i}`,
  targetKey: `evidence/new/${i}`,
  sizeBytes,
  mayExist,
});

/** An object store whose copies take a moment, counting how many are in flight. */
function slowStore(existing: string[] = [], failing: string[] = []) {
  const made: string[] = [];
  let inFlight = 0;
  let peak = 0;
  return {
    made,
    peak: () => peak,
    async head(key: string) {
      return existing.includes(key) ? { sizeBytes: 1 } : undefined;
    },
    async copy(_from: string, to: string) {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      if (failing.includes(to)) throw new Error('SlowDown');
      made.push(to);
    },
  };
}

describe('runCopies', () => {
  it('copies in parallel, never more than the bound at once', async () => {
    const store = slowStore();
    const copies = Array.from({ length: 20 }, (_, i) => copy(i));
    const run = await runCopies(store, copies, { concurrency: 8, canStart: () => true, failures: 'report' });
    expect(run).toMatchObject({ copied: 20, present: 0, deferred: [], failed: [] });
    expect(store.made.sort()).toEqual(copies.map((c) => c.targetKey).sort());
    expect(store.peak()).toBe(8);
  });

  it('the request keeps small copies and defers large ones and those that fail', async () => {
    const store = slowStore([], ['evidence/new/2']);
    const copies = [copy(1), copy(2), copy(3, REQUEST_COPIES.maxBytes + 1), copy(4, REQUEST_COPIES.maxBytes)];
    const run = await runCopies(store, copies, {
      concurrency: REQUEST_COPIES.concurrency,
      canStart: (c) => c.sizeBytes <= REQUEST_COPIES.maxBytes,
      failures: 'defer',
    });
    expect(run.copied).toBe(2);
    expect(run.deferred.map((c) => c.targetKey).sort()).toEqual(['evidence/new/2', 'evidence/new/3']);
    expect(run.failed).toEqual([]);
  });

  it('looks first where an earlier attempt may have copied, and reports failures in the background', async () => {
    const store = slowStore(['evidence/new/1'], ['evidence/new/3']);
    const run = await runCopies(store, [copy(1, 10, true), copy(2, 10, true), copy(3, 10, true)], {
      concurrency: 4,
      canStart: () => true,
      failures: 'report',
    });
    expect(run).toMatchObject({ copied: 1, present: 1, deferred: [] });
    expect(run.failed).toEqual([{ targetKey: 'evidence/new/3', error: 'SlowDown' }]);
  });

  it('starts nothing once out of time', async () => {
    const store = slowStore();
    let budget = 3;
    const run = await runCopies(
      store,
      Array.from({ length: 10 }, (_, i) => copy(i)),
      { concurrency: 1, canStart: () => budget-- > 0, failures: 'defer' },
    );
    expect(run.copied).toBe(3);
    expect(run.deferred).toHaveLength(7);
  });
});

describe('limits', () => {
  it('no cycle accepts a file too large for a single-request server-side copy (CopyObject ≤ 5 GiB)', () => {
    expect(COPY_OBJECT_MAX_BYTES).toBe(5_368_709_120);
    expect(uploadLimitsSchema.shape.maxFileBytes.safeParse(COPY_OBJECT_MAX_BYTES).success).toBe(true);
    expect(uploadLimitsSchema.shape.maxFileBytes.safeParse(COPY_OBJECT_MAX_BYTES + 1).success).toBe(false);
  });
});

describe('the scheduled redrive and a carried file', () => {
  const MIN = 60_000;
  const cfg = { expireAfterMs: 24 * 60 * MIN, graceMs: 10 * MIN };
  const T0 = Date.parse('2023-11-16T01:00:00.000Z');
  const r = (mode: 'copy' | 'single') => ({
    state: 'pending_upload' as const,
    createdAt: new Date(T0).toISOString(),
    upload: mode === 'copy' ? { mode, sourceKey: 'evidence/old/1' } : { mode },
  });
  const at = (ms: number) => new Date(T0 + ms);

  it('copies it after the grace period when no copy landed, and expires it only at the expiry time', () => {
    expect(recoveryStep(r('copy'), undefined, at(9 * MIN), cfg)).toBe('wait');
    expect(recoveryStep(r('copy'), undefined, at(10 * MIN), cfg)).toBe('copy');
    expect(recoveryStep(r('copy'), undefined, at(24 * 60 * MIN - 1), cfg)).toBe('copy');
    expect(recoveryStep(r('copy'), undefined, at(24 * 60 * MIN), cfg)).toBe('expire');
    // Its bytes landed: finalize, as for any upload.
    expect(recoveryStep(r('copy'), {}, at(10 * MIN), cfg)).toBe('finalize');
    // A browser upload without bytes is never "copied".
    expect(recoveryStep(r('single'), undefined, at(10 * MIN), cfg)).toBe('wait');
  });
});
