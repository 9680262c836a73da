/** What scoring and readiness load before deciding: cycle, entity, framework, criterion and its units. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import {
  auditOf,
  loadCriterionContext,
  loadEntityContext,
  readinessInputFor,
  requireOpenCycle,
  responsibilities,
  unitsFor,
} from '#usecases/scoring-context.ts';
import {
  actors,
  assignmentOf,
  cycleOf,
  memoryPorts,
  rejection,
  sequentialIds,
  type World,
  world,
} from './support.ts';

let w: World;
let deps: ReturnType<typeof memoryPorts>;
const A = { cycleId: 'c-2026', entityId: 'so-a' };
beforeEach(() => {
  w = world();
  deps = memoryPorts(w);
  w.assignments.push(
    assignmentOf({ assignmentId: 'KH-01', unitId: 'phong-2', dueDate: '2026-04-30' }),
    assignmentOf({
      assignmentId: 'KH-02',
      unitId: 'phong-2',
      criteria: [
        { frameworkId: 'par-so-mau', code: '1.2' },
        { frameworkId: 'papi', code: '1.2' },
      ],
    }),
  );
});

describe('loadEntityContext', () => {
  it('returns the cycle, the entity and the framework of the cycle', async () => {
    const ctx = await loadEntityContext(deps, actors.memberA1, 'score:read', A);
    expect(ctx.cycle.cycleId).toBe('c-2026');
    expect(ctx.entity?.entityId).toBe('so-a');
    expect([ctx.framework.frameworkId, ctx.framework.version]).toEqual(['par-so-mau', 1]);
  });

  it('unknown cycle, an entity outside the cycle and a vanished framework are each not found', async () => {
    expect(
      await rejection(loadEntityContext(deps, actors.admin, 'score:read', { ...A, cycleId: 'x' })),
    ).toBeInstanceOf(NotFoundError);
    w.cycles.set('c-b', cycleOf({ cycleId: 'c-b', entityIds: ['so-b'] }));
    const outside = await rejection(
      loadEntityContext(deps, actors.admin, 'score:read', { ...A, cycleId: 'c-b' }),
    );
    expect(outside).toBeInstanceOf(NotFoundError);
    expect((outside as unknown as NotFoundError).detail.en).toBe(
      'Entity "so-a" is not assessed in this cycle.',
    );
    w.frameworks.clear();
    expect(await rejection(loadEntityContext(deps, actors.admin, 'score:read', A))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("checks the entity's province for a province-scoped reviewer, after loading it", async () => {
    const e = await rejection(loadEntityContext(deps, actors.reviewerHN, 'score:read', A));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e.reason).toBe('OUT_OF_SCOPE');
    const hn = await loadEntityContext(deps, actors.reviewerHN, 'score:read', { ...A, entityId: 'so-hn' });
    expect(hn.entity?.province).toBe('Hà Nội');
  });

  it('refuses a role without the action before reading anything', async () => {
    const reads: string[] = [];
    const spy = {
      ...deps,
      cycles: {
        ...deps.cycles,
        get: async (id: string) => {
          reads.push(id);
          return undefined;
        },
      },
    };
    expect((await rejection(loadEntityContext(spy, actors.reviewer, 'score:write', A))).reason).toBe(
      'ROLE_NOT_ALLOWED',
    );
    expect(reads).toEqual([]);
  });
});

describe('loadCriterionContext', () => {
  it("a criterion's responsible units come from the assignments of the scored framework only", async () => {
    const ctx = await loadCriterionContext(deps, actors.memberA2, 'score:write', {
      ...A,
      criterionCode: '1.2',
    });
    expect(ctx.node.code).toBe('1.2');
    expect(ctx.unitIds).toEqual(['phong-2']);
  });

  it("a member acting on another unit's criterion is refused; on an unassigned one allowed", async () => {
    const e = await rejection(
      loadCriterionContext(deps, actors.memberA1, 'score:write', { ...A, criterionCode: '1.1' }),
    );
    expect(e.reason).toBe('OTHER_UNIT');
    const free = await loadCriterionContext(deps, actors.memberA1, 'score:write', {
      ...A,
      criterionCode: '2.1',
    });
    expect(free.unitIds).toEqual([]);
  });

  it('a group code is a validation error on path.criterionCode; an unknown code is not found', async () => {
    const group = await rejection(
      loadCriterionContext(deps, actors.admin, 'score:read', { ...A, criterionCode: '1' }),
    );
    expect(group).toBeInstanceOf(ValidationError);
    expect((group as unknown as ValidationError).issues[0]!.field).toBe('path.criterionCode');
    expect(
      await rejection(
        loadCriterionContext(deps, actors.admin, 'score:read', { ...A, criterionCode: '1.99' }),
      ),
    ).toBeInstanceOf(NotFoundError);
  });
});

describe('helpers', () => {
  it('requireOpenCycle refuses a closed cycle on path.cycleId', () => {
    expect(() => requireOpenCycle(cycleOf())).not.toThrow();
    let caught: unknown;
    try {
      requireOpenCycle(cycleOf({ status: 'closed' }));
    } catch (e) {
      caught = e;
    }
    expect((caught as ValidationError).issues.map((i) => i.field)).toEqual(['path.cycleId']);
  });

  it('responsibilities and unitsFor keep the scored framework, de-duplicate and sort units', () => {
    const facts = responsibilities(cycleOf(), [
      ...w.assignments,
      assignmentOf({
        assignmentId: 'KH-03',
        unitId: 'phong-1',
        criteria: [{ frameworkId: 'par-so-mau', code: '1.2' }],
      }),
    ]);
    expect(facts).toEqual([
      { unitId: 'phong-2', criterionCodes: ['1.1'], dueDate: '2026-04-30' },
      { unitId: 'phong-2', criterionCodes: ['1.2'], dueDate: '2026-05-31' },
      { unitId: 'phong-1', criterionCodes: ['1.2'], dueDate: '2026-05-31' },
    ]);
    expect(unitsFor('1.2', facts)).toEqual(['phong-1', 'phong-2']);
    expect(unitsFor('9.9', facts)).toEqual([]);
  });

  it("readinessInputFor reads the entity's facts and today's date in Asia/Ho_Chi_Minh", async () => {
    deps.clock.set('2026-03-02T18:30:00.000Z'); // already 3 March in Hà Nội
    const ctx = await loadEntityContext(deps, actors.admin, 'readiness:read', A);
    const empty = async () => [];
    const input = await readinessInputFor(
      {
        evidence: { listByEntity: empty } as never,
        scores: { listByEntity: empty } as never,
        surveys: { listByEntity: empty } as never,
        submissions: {
          listByEntity: async () => [{ unitId: 'phong-2', reopenedUntil: '2026-08-01' }],
        } as never,
        assignments: deps.assignments,
        clock: deps.clock,
      },
      ctx,
      'so-a',
    );
    expect(input).toMatchObject({
      today: '2026-03-03',
      entityType: 'so',
      evidencePolicy: 'available',
      defaultDueDate: '2026-07-15',
      assessmentYear: 2026,
      reopenings: [{ unitId: 'phong-2', until: '2026-08-01' }],
    });
    expect(input.responsibilities).toHaveLength(2);
  });

  it('auditOf leaves out absent before/after and names the actor', () => {
    const a = auditOf(
      { ids: sequentialIds('X') },
      '2026-01-01T00:00:00.000Z',
      actors.leaderA,
      'score.self',
      'criterion/1.1',
    );
    expect(a).toEqual({
      auditId: 'X00000000000000000000001',
      at: '2026-01-01T00:00:00.000Z',
      actor: { userId: 'u-leader-a', role: 'leader' },
      action: 'score.self',
      subject: 'criterion/1.1',
    });
  });
});
