/**
 * Carry-forward's copies fit the API's time (docs/evidence.md, "Carry-forward"; docs/operations.md): the request
 * copies a page's files several at a time with S3 server-side copies, and what it cannot make is copied by the
 * background run it hands the job to (the redrive function, invoked asynchronously). Against the suite's s3rver
 * (behind the verifying S3 front) and DynamoDB Local; finalize runs on the copies' object-created events as it
 * does for uploads.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '#domain/actor.ts';
import type { CarryCopyJob, ObjectStore } from '#ports.ts';
import { REQUEST_COPIES } from '#usecases/carried-copies.ts';
import {
  ENTITY,
  getEvidence,
  newCycle,
  objectExists,
  pdf,
  setLocalAwsEnv,
  settled,
  uploadEvidence,
} from './evidence-helpers.ts';
import { api } from './helpers.ts';

const CODES = ['1.1', '1.2', '1.3'];
const admin: Actor = { userId: 'it-carry-admin', role: 'admin' };

/** A source cycle with `n` evidence of one available PDF each. */
async function sourceCycle(year: number, n: number) {
  const cycleId = await newCycle(year);
  const uploaded = [];
  for (let i = 0; i < n; i++)
    uploaded.push(await uploadEvidence(cycleId, CODES[i % 3]!, pdf(`cf-${year}-${i}`)));
  return { cycleId, uploaded };
}

/** The new revisions' object keys and the evidence they belong to, as the API reports them. */
async function carriedFiles(cycleId: string, evidenceIds: string[]) {
  const out: { evidenceId: string; objectKey: string; state: string }[] = [];
  for (const evidenceId of evidenceIds) {
    const res = await getEvidence(cycleId, evidenceId, 'leader');
    expect(res.status).toBe(200);
    for (const r of res.body.revisions as { objectKey: string; state: string }[])
      out.push({ evidenceId, objectKey: r.objectKey, state: r.state });
  }
  return out;
}

describe('carry-forward copies', () => {
  it('copies a page of files in parallel within the request, each finalized like an upload', async () => {
    const n = 12;
    const last = await sourceCycle(2083, n);
    const next = await newCycle(2084);
    const res = await api('POST', `/v1/cycles/${next}/entities/${ENTITY}/carry-forward`, {
      as: 'leader',
      body: { fromCycleId: last.cycleId, limit: 25 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.carried).toHaveLength(n);
    // Small files: the request made every copy itself, nothing is left for the background.
    expect(res.body.copying).toBe(0);
    const ids = res.body.carried.map((c: { evidenceId: string }) => c.evidenceId);
    const files = await carriedFiles(next, ids);
    expect(files).toHaveLength(n);
    for (const f of files) {
      expect(f.objectKey).toContain(`evidence/${next}/`);
      expect(await objectExists(f.objectKey), f.objectKey).toBe(true);
    }
    // Each copy is checked by finalize and carries its source's bytes.
    const bySource = new Map(
      last.uploaded.map((u) => [u.evidence.evidenceId, u.evidence.files[0].current.sha256 as string]),
    );
    for (const c of res.body.carried as { evidenceId: string; sourceEvidenceId: string }[]) {
      const done = await settled(next, c.evidenceId, 'leader');
      expect(done.evidence.state).toBe('available');
      expect(done.evidence.files[0].current.sha256).toBe(bySource.get(c.sourceEvidenceId));
    }
  });

  it('bounds the copies in flight, and the background run makes what the request left', async () => {
    setLocalAwsEnv();
    const [
      { carryForward },
      { objectStore },
      { evidenceRepository },
      { cycleRepository },
      { frameworkRepository },
      { organizationRepository },
      { systemClock, ulidIds },
      { handler: redrive },
    ] = await Promise.all([
      import('#usecases/evidence-carry-forward.ts'),
      import('#adapters/s3/object-store.ts'),
      import('#adapters/dynamo/evidence-repository.ts'),
      import('#adapters/dynamo/cycle-repository.ts'),
      import('#adapters/dynamo/framework-repository.ts'),
      import('#adapters/dynamo/organization-repository.ts'),
      import('#adapters/runtime.ts'),
      import('#functions/redrive-uploads/handler.ts'),
    ]);
    const n = 14;
    const last = await sourceCycle(2085, n);
    const next = await newCycle(2086);

    // The real store, watched: how many copies run at once; the first few fail (S3 throttling, a dropped
    // connection), so the request must leave them to the background rather than fail or lose them.
    let inFlight = 0;
    let peak = 0;
    let refused = 0;
    const FAILING = 3;
    const store: ObjectStore = {
      ...objectStore,
      async copy(from, to) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          if (refused < FAILING) {
            refused++;
            throw new Error('SlowDown: please reduce your request rate');
          }
          await objectStore.copy(from, to);
        } finally {
          inFlight--;
        }
      },
    };
    const jobs: CarryCopyJob[] = [];
    const result = await carryForward(
      {
        org: organizationRepository,
        cycles: cycleRepository,
        frameworks: frameworkRepository,
        evidence: evidenceRepository,
        store,
        clock: systemClock,
        ids: ulidIds,
        copies: { start: async (job) => void jobs.push(job) },
      },
      admin,
      { cycleId: next, entityId: ENTITY },
      { fromCycleId: last.cycleId, limit: 25 },
    );
    expect(result.carried).toHaveLength(n);
    expect(peak).toBe(REQUEST_COPIES.concurrency);
    expect(result.copying).toBe(FAILING);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ cycleId: next, entityId: ENTITY });
    expect(jobs[0]!.evidenceIds).toHaveLength(FAILING);

    const ids = result.carried.map((c) => c.evidenceId);
    const before = await carriedFiles(next, ids);
    const missing = [];
    for (const f of before) if (!(await objectExists(f.objectKey))) missing.push(f);
    expect(missing.map((f) => f.evidenceId).sort()).toEqual([...jobs[0]!.evidenceIds].sort());
    for (const f of missing) expect(f.state).toBe('pending_upload');

    // The job as carry-forward sends it (InvocationType Event) to the redrive function.
    const report = (await redrive({ source: 'carry-forward', ...jobs[0] }, {
      getRemainingTimeInMillis: () => 15 * 60_000,
    } as never)) as { copied: number; present: number; failed: unknown[] };
    expect(report).toMatchObject({ copied: FAILING, present: 0, failed: [] });
    for (const f of missing) expect(await objectExists(f.objectKey), f.objectKey).toBe(true);
    for (const id of ids) expect((await settled(next, id, 'leader')).evidence.state).toBe('available');
    // A late second delivery of the job (Lambda's retry) finds nothing left to copy.
    const again = (await redrive({ source: 'carry-forward', ...jobs[0] }, {
      getRemainingTimeInMillis: () => 15 * 60_000,
    } as never)) as { copied: number; present: number };
    expect(again).toMatchObject({ copied: 0, present: 0 });
  });
});
