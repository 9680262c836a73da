/**
 * The copies of carried-forward files: which revisions still wait for one, the request's bounded run (present
 * objects are not copied twice, failures deferred or reported), and the background run's time margin.
 */
import { describe, expect, it } from 'vitest';
import type { EvidenceRevision } from '#domain/evidence.ts';
import type { ObjectStore } from '#ports.ts';
import {
  BACKGROUND_COPIES,
  finishCarriedCopies,
  mapLimit,
  type PendingCopy,
  pendingCopy,
  runCopies,
} from '#usecases/carried-copies.ts';
import { carryForward } from '#usecases/evidence-carry-forward.ts';
import { actors, cycleOf, evidenceOf, NOW, PDF, putEvidence, seededAdapters } from './support.ts';

const rev = (p: Partial<EvidenceRevision>): EvidenceRevision =>
  ({
    cycleId: 'c-2026',
    entityId: 'so-a',
    evidenceId: 'e1',
    fileId: 'f1',
    revision: 1,
    objectKey: 'evidence/c-2026/so-a/e1/f1/1',
    declaredSizeBytes: 10,
    state: 'pending_upload',
    upload: { mode: 'copy', sourceKey: 'evidence/c-2025/so-a/old/f/1' },
    ...p,
  }) as EvidenceRevision;

describe('pendingCopy', () => {
  it('only a carried revision still pending needs a copy', () => {
    expect(pendingCopy(rev({}))).toEqual({
      evidenceId: 'e1',
      sourceKey: 'evidence/c-2025/so-a/old/f/1',
      targetKey: 'evidence/c-2026/so-a/e1/f1/1',
      sizeBytes: 10,
      mayExist: true,
    });
    expect(pendingCopy(rev({}), false)?.mayExist).toBe(false);
    expect(pendingCopy(rev({ state: 'available' }))).toBeUndefined();
    expect(pendingCopy(rev({ upload: { mode: 'single' } }))).toBeUndefined();
  });
});

describe('runCopies', () => {
  const copy = (n: number, mayExist = true): PendingCopy => ({
    evidenceId: `e${n}`,
    sourceKey: `src/${n}`,
    targetKey: `dst/${n}`,
    sizeBytes: n,
    mayExist,
  });
  function store(present: string[], failing: string[] = []) {
    const copied: string[] = [];
    const s: Pick<ObjectStore, 'copy' | 'head'> = {
      head: async (k) => (present.includes(k) ? { sizeBytes: 1 } : undefined),
      copy: async (_from, to) => {
        if (failing.includes(to)) throw new Error(`copy of ${to} failed`);
        copied.push(to);
      },
    };
    return { s, copied };
  }

  it('skips what is already there, defers what may not start and, in the request, what fails', async () => {
    const { s, copied } = store(['dst/1'], ['dst/3']);
    const run = await runCopies(s, [copy(1), copy(2), copy(3), copy(40)], {
      concurrency: 2,
      canStart: (c) => c.sizeBytes < 10,
      failures: 'defer',
    });
    expect([run.copied, run.present, run.failed]).toEqual([1, 1, []]);
    expect(run.deferred.map((c) => c.targetKey).sort()).toEqual(['dst/3', 'dst/40']);
    expect(copied).toEqual(['dst/2']);
  });

  it('the background reports failures; a fresh key is copied without looking first', async () => {
    const { s, copied } = store(['dst/1'], ['dst/2']);
    const run = await runCopies(s, [copy(1, false), copy(2)], {
      concurrency: 4,
      canStart: () => true,
      failures: 'report',
    });
    expect(copied).toEqual(['dst/1']);
    expect(run.failed).toEqual([{ targetKey: 'dst/2', error: 'copy of dst/2 failed' }]);
  });

  it('mapLimit keeps input order and never runs more than n at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 3, 2], 2, async (x) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, x));
      running--;
      return x * 10;
    });
    expect([out, peak]).toEqual([[50, 10, 30, 20], 2]);
  });
});

describe('finishCarriedCopies', () => {
  async function carriedButNotCopied() {
    const a = await seededAdapters();
    await a.cycles.create(cycleOf({ cycleId: 'c-2025', year: 2025, entityIds: ['so-a'] }), {
      auditId: 'seed-2025',
      at: NOW,
      actor: { userId: 'seed', role: 'admin' },
      action: 'seed.cycle',
      subject: 'seed',
    });
    await putEvidence(a, evidenceOf({ evidenceId: 'old-1', cycleId: 'c-2025' }));
    const refusing = { ...a.store, copy: async () => Promise.reject(new Error('SlowDown')) };
    const r = await carryForward(
      { ...a, store: refusing },
      actors.leaderA,
      { cycleId: 'c-2026', entityId: 'so-a' },
      {
        fromCycleId: 'c-2025',
        limit: 10,
      },
    );
    return { a, evidenceId: r.carried[0]!.evidenceId };
  }

  it('makes the copies the request left, then finds them present on a second run', async () => {
    const { a, evidenceId } = await carriedButNotCopied();
    const job = { cycleId: 'c-2026', entityId: 'so-a', evidenceIds: [evidenceId] };
    const first = await finishCarriedCopies(a, job);
    expect(first).toEqual({ copied: 1, present: 0, deferred: [], failed: [], more: false });
    const [r] = await a.evidence.listRevisions('c-2026', 'so-a', evidenceId);
    expect(a.store.bytes(r!.objectKey)).toEqual(PDF);
    expect(await finishCarriedCopies(a, job)).toMatchObject({ copied: 0, present: 1 });
  });

  it('starts no copy with less than the margin left: more = true for the redrive', async () => {
    const { a, evidenceId } = await carriedButNotCopied();
    const job = { cycleId: 'c-2026', entityId: 'so-a', evidenceIds: [evidenceId] };
    const run = await finishCarriedCopies(a, job, { timeLeftMs: () => BACKGROUND_COPIES.startMarginMs - 1 });
    expect([run.copied, run.deferred.length, run.more]).toEqual([0, 1, true]);
  });
});
