/** The evidence use cases' shared loading rules: 404s that leak nothing, the bin, versions, retries, duplicates. */
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, type ValidationError } from '#domain/errors.ts';
import type { Evidence, EvidenceRevision } from '#domain/evidence.ts';
import type { EvidenceRepository } from '#ports.ts';
import {
  auditEntry,
  criterionUnits,
  fileOf,
  findDuplicate,
  loadCycleFor,
  loadEvidence,
  loadEvidenceFor,
  loadRevision,
  requireOpen,
  requireVersion,
  resourceOf,
  SYSTEM,
  withRetries,
} from '#usecases/evidence-support.ts';
import {
  actors,
  assignmentOf,
  cycleOf,
  ENTITIES,
  evidenceOf,
  memoryPorts,
  rejection,
  sequentialIds,
  world,
} from './support.ts';

const A = { cycleId: 'c-2026', entityId: 'so-a' };
const org = { getEntity: async (id: string) => ENTITIES.find((e) => e.entityId === id) };

function repo(items: Evidence[], sha: Record<string, string[]> = {}) {
  return {
    get: async (_c: string, _e: string, id: string) =>
      structuredClone(items.find((e) => e.evidenceId === id)),
    getRevision: async (r: { fileId: string; revision: number }) =>
      r.fileId === 'f1' && r.revision === 1 ? ({ fileId: 'f1', revision: 1 } as EvidenceRevision) : undefined,
    findBySha: async (_c: string, _e: string, s: string) => sha[s] ?? [],
  } as unknown as EvidenceRepository;
}

const thrown = (run: () => void) => {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  return undefined;
};

describe('loadCycleFor / requireOpen', () => {
  it('unknown cycle and an entity outside it are not found; a closed cycle refuses changes', async () => {
    const { cycles } = memoryPorts(world());
    expect((await loadCycleFor({ cycles }, A)).cycleId).toBe('c-2026');
    expect(await rejection(loadCycleFor({ cycles }, { ...A, cycleId: 'x' }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(loadCycleFor({ cycles }, { ...A, entityId: 'so-z' }))).toBeInstanceOf(
      NotFoundError,
    );
    const e = thrown(() => requireOpen(cycleOf({ status: 'closed' })));
    expect((e as ValidationError).issues.map((i) => i.field)).toEqual(['path.cycleId']);
    expect(thrown(() => requireOpen(cycleOf()))).toBeUndefined();
  });
});

describe('loadEvidence / loadEvidenceFor', () => {
  const live = evidenceOf({ evidenceId: 'e1' });
  const binned = evidenceOf({
    evidenceId: 'e2',
    deletedAt: '2026-02-10T00:00:00.000Z',
    deletedBy: 'u-member-a1',
  });
  const deps = { evidence: repo([live, binned]), org };

  it('loads an evidence; an unknown one is not found', async () => {
    expect((await loadEvidence(deps, actors.memberA2, { ...A, evidenceId: 'e1' })).title).toBe(live.title);
    expect(await rejection(loadEvidence(deps, actors.admin, { ...A, evidenceId: 'nope' }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('binned evidence: 404 to those who may not restore it, 409 to those who may, loaded with deleted: allow', async () => {
    const ref = { ...A, evidenceId: 'e2' };
    expect(await rejection(loadEvidence(deps, actors.memberA2, ref))).toBeInstanceOf(NotFoundError);
    expect(await rejection(loadEvidence(deps, actors.reviewer, ref))).toBeInstanceOf(NotFoundError);
    const conflict = await rejection(loadEvidence(deps, actors.memberA1, ref));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as unknown as ConflictError).current).toMatchObject({ evidenceId: 'e2' });
    expect((await loadEvidence(deps, actors.leaderA, ref, { deleted: 'allow' })).deletedBy).toBe(
      'u-member-a1',
    );
  });

  it("checks the action against the evidence's unit and entity province", async () => {
    const ref = { ...A, evidenceId: 'e1' };
    expect((await rejection(loadEvidenceFor(deps, actors.memberA2, 'evidence:edit', ref))).reason).toBe(
      'OTHER_UNIT',
    );
    expect((await loadEvidenceFor(deps, actors.memberA1, 'evidence:edit', ref)).evidenceId).toBe('e1');
    const hn = await rejection(loadEvidenceFor(deps, actors.reviewerHN, 'evidence:read', ref));
    expect(hn).toBeInstanceOf(ForbiddenError);
    expect(resourceOf({ entityId: 'so-a' })).toEqual({ entityId: 'so-a', unitIds: [] });
  });
});

describe('files, revisions, versions', () => {
  it('fileOf and loadRevision name what is missing', async () => {
    const ev = evidenceOf({ evidenceId: 'e1' });
    expect(fileOf(ev, 'f1').latest.fileName).toBe('ke-hoach.pdf');
    expect(thrown(() => fileOf(ev, 'f9'))).toBeInstanceOf(NotFoundError);
    const ref = { ...A, evidenceId: 'e1', fileId: 'f1' };
    expect((await loadRevision({ evidence: repo([]) }, ref, 1)).revision).toBe(1);
    const missing = await rejection(loadRevision({ evidence: repo([]) }, ref, 2));
    expect((missing as unknown as NotFoundError).detail.en).toBe('The file has no revision 2.');
  });

  it('requireVersion: absent passes, equal passes, different is a 409 with the stored evidence', () => {
    const ev = evidenceOf({ evidenceId: 'e1', version: 3 });
    expect(thrown(() => requireVersion(ev, undefined))).toBeUndefined();
    expect(thrown(() => requireVersion(ev, 3))).toBeUndefined();
    const e = thrown(() => requireVersion(ev, 2));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).current).toBe(ev);
  });
});

describe('criterionUnits, auditEntry, SYSTEM', () => {
  it("a criterion's units come from the cycle's assignments", async () => {
    const w = world();
    w.assignments.push(
      assignmentOf({ assignmentId: 'K1', unitId: 'phong-2' }),
      assignmentOf({ assignmentId: 'K2', unitId: 'phong-1' }),
    );
    const { assignments } = memoryPorts(w);
    expect(await criterionUnits({ assignments }, cycleOf(), { ...A, criterionCode: '1.1' })).toEqual([
      'phong-1',
      'phong-2',
    ]);
    expect(await criterionUnits({ assignments }, cycleOf(), { ...A, criterionCode: '2.1' })).toEqual([]);
  });

  it('audit entries name the evidence; system writers act as an admin named system:<name>', () => {
    expect(
      auditEntry({ ids: sequentialIds('A') }, 'T', SYSTEM('finalize'), 'evidence.finalize', 'e1', 1, 2),
    ).toEqual({
      auditId: 'A00000000000000000000001',
      at: 'T',
      actor: { userId: 'system:finalize', role: 'admin' },
      action: 'evidence.finalize',
      subject: 'evidence/e1',
      before: 1,
      after: 2,
    });
  });
});

describe('withRetries', () => {
  it('retries a conflict until it lands, at most `attempts` times', async () => {
    const seen: number[] = [];
    const out = await withRetries(3, async (n) => {
      seen.push(n);
      if (n < 3) throw new ConflictError({ vi: 'x', en: 'x' });
      return 'ok';
    });
    expect([out, seen]).toEqual(['ok', [1, 2, 3]]);
    let calls = 0;
    const gaveUp = await rejection(
      withRetries(2, async () => {
        calls++;
        throw new ConflictError({ vi: 'x', en: 'x' });
      }),
    );
    expect([gaveUp instanceof ConflictError, calls]).toEqual([true, 2]);
  });

  it('any other error is thrown at once', async () => {
    let calls = 0;
    const e = await rejection(
      withRetries(5, async () => {
        calls++;
        throw new Error('boom');
      }),
    );
    expect([e.message, calls]).toEqual(['boom', 1]);
  });
});

describe('findDuplicate', () => {
  it('skips the excluded evidence and binned ones; undefined when none is left', async () => {
    const evidence = repo(
      [
        evidenceOf({ evidenceId: 'e1' }),
        evidenceOf({ evidenceId: 'e2', deletedAt: '2026-02-10T00:00:00.000Z' }),
        evidenceOf({ evidenceId: 'e3', title: 'Bản trùng' }),
      ],
      { abc: ['e1', 'e2', 'e3'] },
    );
    expect((await findDuplicate({ evidence }, A, 'abc', 'e1'))?.evidenceId).toBe('e3');
    expect((await findDuplicate({ evidence }, A, 'abc'))?.evidenceId).toBe('e1');
    expect(await findDuplicate({ evidence }, A, 'zzz')).toBeUndefined();
  });
});
