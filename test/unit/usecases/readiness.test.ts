/**
 * Readiness through the use cases: who sees which entity and row, survey points (versioned, audited, open cycles
 * only), the trend's date range, and daily snapshots that are idempotent and isolate a failing entity.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { fixedClock, memoryDeps, memoryWorld, type World } from '#test/unit/support/memory-scoring.ts';
import {
  getCycleReadiness,
  getEntityReadiness,
  getReadinessTrend,
  getUnitReadiness,
  recordSurveyPoints,
  takeDailySnapshots,
} from '#usecases/readiness.ts';
import { actors, cycleOf, ENTITIES, NOW, parFramework, rejection, UNITS } from './support.ts';

let w: World;
let deps: ReturnType<typeof memoryDeps>;
const clock = fixedClock(NOW);
beforeEach(() => {
  clock.set(NOW);
  w = memoryWorld();
  const f = parFramework();
  w.frameworks.set(`${f.frameworkId}@${f.version}`, f);
  w.cycles.set('c-2026', cycleOf());
  for (const e of ENTITIES) w.entities.set(e.entityId, e);
  w.units.push(...UNITS);
  deps = memoryDeps(w, clock);
});
const A = { cycleId: 'c-2026', entityId: 'so-a' };
const survey = (code: string, points: number, version?: number) =>
  recordSurveyPoints(
    deps,
    actors.admin,
    { ...A, criterionCode: code },
    { points, version, source: 'SIPAS 2026' },
  );

describe('recordSurveyPoints', () => {
  it('stores the points at version 1 with an audit entry on the criterion', async () => {
    const s = await survey('1.6', 2.5);
    expect(s).toEqual({
      ...A,
      criterionCode: '1.6',
      points: 2.5,
      source: 'SIPAS 2026',
      importedAt: NOW,
      importedBy: 'u-admin',
      version: 1,
    });
    expect(w.audit).toEqual([
      expect.objectContaining({
        action: 'survey.import',
        subject: 'criterion/1.6',
        after: { points: 2.5, source: 'SIPAS 2026' },
      }),
    ]);
    expect(w.audit[0]).not.toHaveProperty('before');
  });

  it('a change must name the version it saw; stale → conflict carrying the stored import', async () => {
    await survey('1.6', 2.5);
    const e = await rejection(survey('1.6', 3));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as unknown as ConflictError).current).toMatchObject({ points: 2.5, version: 1 });
    expect((await survey('1.6', 3, 1)).version).toBe(2);
    expect(w.audit[1]).toMatchObject({ before: { points: 2.5 }, after: { points: 3 } });
  });

  it('out of scale, a non-survey criterion and a closed cycle are validation errors', async () => {
    expect(await rejection(survey('1.6', 4))).toBeInstanceOf(ValidationError);
    expect(await rejection(survey('1.1', 1))).toBeInstanceOf(ValidationError);
    w.cycles.set('c-2026', cycleOf({ status: 'closed' }));
    const closed = await rejection(survey('1.6', 1));
    expect((closed as unknown as ValidationError).issues.map((i) => i.field)).toEqual(['path.cycleId']);
    expect(w.surveys.size).toBe(0);
  });

  it('only admins import survey points', async () => {
    const e = await rejection(
      recordSurveyPoints(deps, actors.reviewer, { ...A, criterionCode: '1.6' }, { points: 1 }),
    );
    expect(e).toBeInstanceOf(ForbiddenError);
  });
});

describe('entity and unit readiness', () => {
  it('counts the survey points the entity received', async () => {
    const before = await getEntityReadiness(deps, actors.leaderA, 'c-2026', 'so-a');
    await survey('1.6', 3);
    const after = await getEntityReadiness(deps, actors.leaderA, 'c-2026', 'so-a');
    expect([before.cycleId, before.entityId, before.entityType]).toEqual(['c-2026', 'so-a', 'so']);
    expect(after.surveyPoints - before.surveyPoints).toBe(3);
  });

  it("another entity's readiness is refused; a province-scoped reviewer elsewhere too", async () => {
    expect((await rejection(getEntityReadiness(deps, actors.memberA1, 'c-2026', 'so-b'))).reason).toBe(
      'OTHER_ENTITY',
    );
    expect((await rejection(getEntityReadiness(deps, actors.reviewerHN, 'c-2026', 'so-a'))).reason).toBe(
      'OUT_OF_SCOPE',
    );
  });

  it("a unit of another entity is not found; the entity's own unit is summarised", async () => {
    expect(
      await rejection(getUnitReadiness(deps, actors.leaderA, { ...A, unitId: 'phong-b1' })),
    ).toBeInstanceOf(NotFoundError);
    const unit = await getUnitReadiness(deps, actors.leaderA, { ...A, unitId: 'phong-2' });
    expect(unit).toMatchObject({ cycleId: 'c-2026', entityId: 'so-a', unitId: 'phong-2' });
  });
});

describe('getCycleReadiness', () => {
  beforeEach(async () => {
    await survey('3.6', 6);
    await recordSurveyPoints(
      deps,
      actors.admin,
      { cycleId: 'c-2026', entityId: 'so-hn', criterionCode: '3.6' },
      {
        points: 3,
      },
    );
  });

  it('ranks every entity of the cycle for an unscoped reviewer', async () => {
    const view = await getCycleReadiness(deps, actors.reviewer, 'c-2026');
    expect(view.entityTotal).toBe(3);
    expect(view.entities.map((e) => [e.rank, e.entityId])).toEqual([
      [1, 'so-a'],
      [2, 'so-hn'],
      [3, 'so-b'],
    ]);
  });

  it('a province-scoped reviewer and a leader see only their rows, ranked cycle-wide', async () => {
    const hn = await getCycleReadiness(deps, actors.reviewerHN, 'c-2026');
    expect([hn.entityTotal, hn.entities.map((e) => [e.rank, e.entityId])]).toEqual([3, [[2, 'so-hn']]]);
    const b = await getCycleReadiness(deps, actors.leaderB, 'c-2026');
    expect(b.entities.map((e) => [e.rank, e.entityId])).toEqual([[3, 'so-b']]);
  });

  it('a cycle that does not assess the caller’s entity is not found', async () => {
    w.cycles.set('c-x', cycleOf({ cycleId: 'c-x', entityIds: ['so-hn'] }));
    expect(await rejection(getCycleReadiness(deps, actors.leaderA, 'c-x'))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getCycleReadiness(deps, actors.admin, 'nope'))).toBeInstanceOf(NotFoundError);
  });
});

describe('snapshots and trend', () => {
  it('one snapshot per entity and local day; a repeated run writes nothing twice; closed cycles skipped', async () => {
    w.cycles.set('c-closed', cycleOf({ cycleId: 'c-closed', status: 'closed' }));
    clock.set('2026-03-02T17:30:00.000Z'); // 00:30 on 3 March in Hà Nội
    const first = await takeDailySnapshots(deps);
    expect(first).toEqual({ date: '2026-03-03', written: 3, skipped: 0, failed: [] });
    expect(await takeDailySnapshots(deps)).toEqual({
      date: '2026-03-03',
      written: 0,
      skipped: 3,
      failed: [],
    });
    expect([...w.snapshots.values()].map((s) => [s.cycleId, s.entityId, s.date, s.takenAt])).toEqual([
      ['c-2026', 'so-a', '2026-03-03', '2026-03-02T17:30:00.000Z'],
      ['c-2026', 'so-b', '2026-03-03', '2026-03-02T17:30:00.000Z'],
      ['c-2026', 'so-hn', '2026-03-03', '2026-03-02T17:30:00.000Z'],
    ]);
  });

  it('a failing entity is reported and the others are still written; a missing framework fails the cycle', async () => {
    const broken = { ...deps, evidence: { ...deps.evidence } };
    broken.evidence.listByEntity = async (c, e) => {
      if (e === 'so-b') throw new Error('read failed');
      return deps.evidence.listByEntity(c, e);
    };
    w.cycles.set('c-gone', cycleOf({ cycleId: 'c-gone', frameworkVersion: 9 }));
    const run = await takeDailySnapshots(broken);
    expect(run).toMatchObject({ written: 2, skipped: 0 });
    expect(run.failed).toEqual([
      { cycleId: 'c-2026', entityId: 'so-b', error: 'read failed' },
      { cycleId: 'c-gone', error: 'framework missing' },
    ]);
  });

  it('the trend lists snapshots in the range; from after to is refused on query.to', async () => {
    await takeDailySnapshots(deps);
    clock.set('2026-03-05T03:00:00.000Z');
    await takeDailySnapshots(deps);
    const trend = await getReadinessTrend(deps, actors.memberA1, A, { from: '2026-03-03' });
    expect(trend.items.map((s) => s.date)).toEqual(['2026-03-05']);
    const e = await rejection(
      getReadinessTrend(deps, actors.memberA1, A, { from: '2026-03-05', to: '2026-03-01' }),
    );
    expect((e as unknown as ValidationError).issues.map((i) => i.field)).toEqual(['query.to']);
  });
});
