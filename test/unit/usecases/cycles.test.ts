/** Cycles: who sees which, opening one (published framework, known entities, within scope), versioned changes. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewCycle } from '#domain/cycle.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { createCycle, getCycle, listCycles, updateCycle } from '#usecases/cycles.ts';
import { actors, cycleOf, memoryPorts, NOW, parFramework, rejection, type World, world } from './support.ts';

let w: World;
let deps: ReturnType<typeof memoryPorts>;
beforeEach(() => {
  w = world();
  deps = memoryPorts(w);
  w.cycles.set('c-b', cycleOf({ cycleId: 'c-b', entityIds: ['so-b'] }));
});

const fieldsOf = (e: unknown) => (e as ValidationError).issues.map((i) => i.field);

describe('getCycle / listCycles', () => {
  it("members see only cycles assessing their entity; another entity's cycle is a 404, not a 403", async () => {
    expect((await getCycle(deps, actors.memberA1, 'c-2026')).cycleId).toBe('c-2026');
    expect(await rejection(getCycle(deps, actors.memberA1, 'c-b'))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getCycle(deps, actors.admin, 'nope'))).toBeInstanceOf(NotFoundError);
    const page = await listCycles(deps, actors.memberA1, 50);
    expect(page.items.map((c) => c.cycleId)).toEqual(['c-2026']);
  });

  it("every reader gets the scored framework's label (name, version, provenance), read and listed", async () => {
    const f = parFramework();
    const label = {
      frameworkId: f.frameworkId,
      version: f.version,
      name: f.name,
      provenance: f.provenance,
      ...(f.provenanceNote ? { provenanceNote: f.provenanceNote } : {}),
    };
    expect((await getCycle(deps, actors.memberA1, 'c-2026')).framework).toEqual(label);
    const page = await listCycles(deps, actors.memberA1, 50);
    expect(page.items[0]!.framework).toEqual(label);
    // A version that is gone leaves the cycle unlabelled, never a failed read.
    w.cycles.set('c-b', cycleOf({ cycleId: 'c-b', entityIds: ['so-a'], frameworkVersion: 9 }));
    expect((await getCycle(deps, actors.memberA1, 'c-b')).framework).toBeUndefined();
  });

  it('admins and reviewers list every cycle', async () => {
    const page = await listCycles(deps, actors.reviewer, 50);
    expect(page.items.map((c) => c.cycleId)).toEqual(['c-2026', 'c-b']);
  });
});

describe('createCycle', () => {
  const f = parFramework();
  const input = (p: Partial<NewCycle> = {}): NewCycle => {
    const {
      cycleId: _c,
      timeZone: _t,
      status: _s,
      version: _v,
      createdAt: _a,
      createdBy: _b,
      ...rest
    } = cycleOf();
    return { ...rest, year: 2027, entityIds: ['so-a', 'so-b', 'so-a'], ...p };
  };

  it('opens the cycle at version 1, entity list de-duplicated, with its audit entry', async () => {
    const cycle = await createCycle(deps, actors.admin, input());
    expect(cycle).toMatchObject({
      cycleId: '01J00000000000000000000001',
      entityIds: ['so-a', 'so-b'],
      status: 'open',
      version: 1,
      timeZone: 'Asia/Ho_Chi_Minh',
      createdAt: NOW,
      createdBy: 'u-admin',
      frameworkId: f.frameworkId,
    });
    expect(w.cycles.get(cycle.cycleId)).toEqual(cycle);
    expect(w.audit).toEqual([
      expect.objectContaining({
        auditId: '01J00000000000000000000002',
        action: 'cycle.create',
        subject: `cycle/${cycle.cycleId}`,
        after: cycle,
      }),
    ]);
  });

  it('a draft framework, an unknown tracked framework and an unknown entity are each named', async () => {
    w.frameworks.set(`${f.frameworkId}@${f.version}`, { ...f, status: 'draft' });
    const e = await rejection(
      createCycle(
        deps,
        actors.admin,
        input({ entityIds: ['so-a', 'ghost'], trackedFrameworks: [{ frameworkId: 'papi', version: 1 }] }),
      ),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect(fieldsOf(e)).toEqual(['body.frameworkVersion', 'body.trackedFrameworks.0', 'body.entityIds.1']);
    expect(w.cycles.size).toBe(2);
  });

  it('a missing framework version is reported on body.frameworkId', async () => {
    const e = await rejection(createCycle(deps, actors.admin, input({ frameworkVersion: 9 })));
    expect(fieldsOf(e)).toEqual(['body.frameworkId']);
  });

  it('a province-scoped admin cannot open a cycle that includes another province', async () => {
    const e = await rejection(createCycle(deps, actors.adminKH, input({ entityIds: ['so-a', 'so-hn'] })));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(w.audit).toEqual([]);
    expect((await createCycle(deps, actors.adminKH, input({ entityIds: ['so-a'] }))).entityIds).toEqual([
      'so-a',
    ]);
  });

  it('reviewers and leaders cannot open cycles', async () => {
    expect(await rejection(createCycle(deps, actors.reviewer, input()))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(createCycle(deps, actors.leaderA, input()))).toBeInstanceOf(ForbiddenError);
  });
});

describe('updateCycle', () => {
  it('closes a cycle: version + 1, who and when, audit of only the changed fields', async () => {
    const next = await updateCycle(deps, actors.admin, 'c-2026', { version: 1, status: 'closed' });
    expect(next).toMatchObject({ status: 'closed', version: 2, updatedAt: NOW, updatedBy: 'u-admin' });
    expect(w.cycles.get('c-2026')).toEqual(next);
    expect(w.audit).toEqual([
      expect.objectContaining({
        action: 'cycle.update',
        subject: 'cycle/c-2026',
        before: { status: 'open' },
        after: { status: 'closed' },
      }),
    ]);
  });

  it('a stale version is a conflict carrying the current cycle', async () => {
    const e = await rejection(updateCycle(deps, actors.admin, 'c-2026', { version: 2, status: 'closed' }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as unknown as ConflictError).current).toMatchObject({ cycleId: 'c-2026', version: 1 });
    expect(w.cycles.get('c-2026')!.status).toBe('open');
  });

  it('unknown cycle → not found; unknown entity → validation error', async () => {
    expect(await rejection(updateCycle(deps, actors.admin, 'nope', { version: 1 }))).toBeInstanceOf(
      NotFoundError,
    );
    const e = await rejection(
      updateCycle(deps, actors.admin, 'c-2026', { version: 1, entityIds: ['ghost'] }),
    );
    expect(fieldsOf(e)).toEqual(['body.entityIds.0']);
  });

  it("a province-scoped admin cannot change a cycle that has another province's entity", async () => {
    const e = await rejection(updateCycle(deps, actors.adminKH, 'c-2026', { version: 1, status: 'closed' }));
    expect(e).toBeInstanceOf(ForbiddenError);
    const own = await updateCycle(deps, actors.adminKH, 'c-b', {
      version: 1,
      entityIds: ['so-b', 'so-a', 'so-b'],
    });
    expect(own.entityIds).toEqual(['so-b', 'so-a']);
  });

  it('leaders cannot change a cycle', async () => {
    const e = await rejection(updateCycle(deps, actors.leaderA, 'c-2026', { version: 1, status: 'closed' }));
    expect(e).toBeInstanceOf(ForbiddenError);
  });
});
