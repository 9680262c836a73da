/**
 * Carry-forward on the in-memory adapters: last year's evidence becomes new evidence of this cycle with its own
 * file copies and links awaiting confirmation; idempotent per source evidence; copies that fail are handed on.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import type { ObjectStore } from '#ports.ts';
import { carryForward } from '#usecases/evidence-carry-forward.ts';
import { finalizeUpload } from '#usecases/evidence-finalize.ts';
import {
  actors,
  cycleOf,
  evidenceOf,
  NOW,
  PDF,
  putEvidence,
  rejection,
  seededAdapters,
  trail,
} from './support.ts';

type Adapters = Awaited<ReturnType<typeof seededAdapters>>;
let a: Adapters;
let deps: Adapters & { copies: Adapters['carryCopyRunner'] };
const A = { cycleId: 'c-2026', entityId: 'so-a' };
const seedAudit = (id: string) => ({
  auditId: id,
  at: NOW,
  actor: { userId: 'seed', role: 'admin' as const },
  action: 'seed.cycle',
  subject: 'seed',
});
beforeEach(async () => {
  a = await seededAdapters();
  deps = { ...a, copies: a.carryCopyRunner };
  await a.cycles.create(
    cycleOf({ cycleId: 'c-2025', year: 2025, entityIds: ['so-a'] }),
    seedAudit('seed-2025'),
  );
  await putEvidence(
    a,
    evidenceOf({ evidenceId: 'old-1', cycleId: 'c-2025', criterionCodes: ['1.1', '1.6'] }),
  );
});
const req = (p: Record<string, unknown> = {}) => ({ fromCycleId: 'c-2025', limit: 10, ...p });

describe('carryForward', () => {
  it('creates a pending evidence with copied files and unconfirmed links; finalize then makes it available', async () => {
    const r = await carryForward(deps, actors.leaderA, A, req());
    expect(r).toEqual({
      carried: [
        {
          sourceEvidenceId: 'old-1',
          evidenceId: '01J00000000000000000000001',
          unconfirmedCodes: ['1.1'],
          unmappedCodes: ['1.6'], // a survey criterion takes no evidence
        },
      ],
      alreadyCarried: [],
      skipped: [],
      copying: 0,
      next: undefined,
    });
    const ev = await a.evidence.get('c-2026', 'so-a', '01J00000000000000000000001');
    expect(ev).toMatchObject({
      criterionCodes: [],
      unconfirmedCodes: ['1.1'],
      state: 'pending_upload',
      carriedFrom: { cycleId: 'c-2025', evidenceId: 'old-1' },
      title: 'Kế hoạch CCHC năm 2026',
      version: 1,
    });
    const key = 'evidence/c-2026/so-a/01J00000000000000000000001/01J00000000000000000000002/1';
    expect(a.store.bytes(key)).toEqual(PDF);
    expect((await trail(a)).map((e) => [e.action, e.before])).toEqual([
      [
        'evidence.carried-forward',
        { cycleId: 'c-2025', evidenceId: 'old-1', criterionCodes: ['1.1', '1.6'] },
      ],
    ]);
    expect(await finalizeUpload(deps, key)).toBe('available');
    expect((await a.evidence.get('c-2026', 'so-a', '01J00000000000000000000001'))?.state).toBe('available');
  });

  it('is idempotent: a second run finds it carried and writes nothing new', async () => {
    await carryForward(deps, actors.leaderA, A, req());
    const again = await carryForward(deps, actors.admin, A, req());
    expect(again).toMatchObject({
      carried: [],
      alreadyCarried: [{ sourceEvidenceId: 'old-1', evidenceId: '01J00000000000000000000001' }],
      copying: 0,
    });
    expect(await a.evidence.listByEntity('c-2026', 'so-a')).toHaveLength(1);
    expect(await trail(a)).toHaveLength(1);
  });

  it('two runs at once carry each evidence once (the marker decides)', async () => {
    const [x, y] = await Promise.all([
      carryForward(deps, actors.leaderA, A, req()),
      carryForward(deps, actors.admin, A, req()),
    ]);
    expect(x.carried.length + y.carried.length).toBe(1);
    expect(x.alreadyCarried.length + y.alreadyCarried.length).toBe(1);
    expect(await a.evidence.listByEntity('c-2026', 'so-a')).toHaveLength(1);
  });

  it('skips evidence without an available file and evidence none of whose criteria take evidence now', async () => {
    await putEvidence(a, evidenceOf({ evidenceId: 'old-2', cycleId: 'c-2025', criterionCodes: ['2.4'] }));
    const pending = evidenceOf({ evidenceId: 'old-3', cycleId: 'c-2025', state: 'pending_upload' });
    await putEvidence(a, { ...pending, files: [{ ...pending.files[0]!, current: undefined }] });
    const r = await carryForward(deps, actors.leaderA, A, req());
    expect([...r.skipped].sort((x, y) => x.sourceEvidenceId.localeCompare(y.sourceEvidenceId))).toEqual([
      { sourceEvidenceId: 'old-2', reason: 'no-criterion-in-new-framework' },
      { sourceEvidenceId: 'old-3', reason: 'no-available-file' },
    ]);
    expect(r.carried.map((c) => c.sourceEvidenceId)).toEqual(['old-1']);
  });

  it('an explicit mapping moves the links', async () => {
    const r = await carryForward(
      deps,
      actors.leaderA,
      A,
      req({ mapping: [{ from: '1.1', to: ['2.1', '2.2'], kind: 'split' }] }),
    );
    expect(r.carried[0]).toMatchObject({ unconfirmedCodes: ['2.1', '2.2'] });
  });

  it('a copy that fails is left to the background run, which is started for that evidence', async () => {
    const failing: ObjectStore = {
      ...a.store,
      copy: async () => {
        throw new Error('SlowDown');
      },
    };
    const r = await carryForward({ ...deps, store: failing }, actors.leaderA, A, req());
    expect(r.copying).toBe(1);
    expect(a.carryCopyRunner.started).toEqual([{ ...A, evidenceIds: ['01J00000000000000000000001'] }]);
  });

  it('refuses members, other entities, the same cycle, a closed target and an unknown source', async () => {
    expect(await rejection(carryForward(deps, actors.memberA1, A, req()))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(carryForward(deps, actors.leaderB, A, req()))).toBeInstanceOf(ForbiddenError);
    const same = await rejection(carryForward(deps, actors.admin, A, req({ fromCycleId: 'c-2026' })));
    expect((same as unknown as ValidationError).issues[0]!.field).toBe('body.fromCycleId');
    expect(
      await rejection(carryForward(deps, actors.admin, A, req({ fromCycleId: 'c-1999' }))),
    ).toBeInstanceOf(NotFoundError);
    await a.cycles.update(cycleOf({ status: 'closed', version: 2 }), 1, seedAudit('close'));
    expect(await rejection(carryForward(deps, actors.admin, A, req()))).toBeInstanceOf(ValidationError);
    expect(await a.evidence.listByEntity('c-2026', 'so-a')).toEqual([]);
  });
});
