/** Assignments: read per entity or unit, create and change one (versioned), import a sheet, carry a year forward. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import type { AssignmentSheetCodec } from '#ports.ts';
import {
  carryForwardAssignments,
  createAssignment,
  importAssignments,
  listAssignments,
  updateAssignment,
} from '#usecases/assignments.ts';
import { actors, assignmentOf, cycleOf, memoryPorts, NOW, rejection, type World, world } from './support.ts';

let w: World;
let deps: ReturnType<typeof memoryPorts>;
const A = { cycleId: 'c-2026', entityId: 'so-a' };
beforeEach(() => {
  w = world();
  deps = memoryPorts(w);
  w.assignments.push(
    assignmentOf({ assignmentId: 'KH-01', dueDate: '2026-06-30' }),
    assignmentOf({
      assignmentId: 'KH-02',
      unitId: 'phong-2',
      criteria: [{ frameworkId: 'par-so-mau', code: '1.2' }],
    }),
    assignmentOf({ assignmentId: 'KH-03', dueDate: '2026-03-31' }),
  );
});

const fieldsOf = (e: unknown) => (e as ValidationError).issues.map((i) => i.field);

describe('listAssignments', () => {
  it("a member reads their entity's tasks; by unit, soonest due first", async () => {
    const all = await listAssignments(deps, actors.memberA2, A, { limit: 50 });
    expect(all.items.map((a) => a.assignmentId)).toEqual(['KH-01', 'KH-02', 'KH-03']);
    const unit = await listAssignments(deps, actors.memberA2, A, { unitId: 'phong-1', limit: 50 });
    expect(unit.items.map((a) => a.assignmentId)).toEqual(['KH-03', 'KH-01']);
  });

  it("another entity's tasks are refused; an entity outside the cycle is not found", async () => {
    expect(await rejection(listAssignments(deps, actors.leaderB, A, { limit: 50 }))).toBeInstanceOf(
      ForbiddenError,
    );
    w.cycles.set('c-2026', cycleOf({ entityIds: ['so-b'] }));
    expect(await rejection(listAssignments(deps, actors.admin, A, { limit: 50 }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await rejection(listAssignments(deps, actors.admin, { ...A, cycleId: 'nope' }, { limit: 50 })),
    ).toBeInstanceOf(NotFoundError);
  });
});

describe('createAssignment', () => {
  const input = {
    unitId: 'phong-2',
    criteria: [{ frameworkId: 'par-so-mau', code: '2.1' }],
    title: 'Rà soát văn bản',
    dueDate: '2026-09-30',
  };

  it('creates it at version 1 with a fresh id and an assignment.create audit entry', async () => {
    const a = await createAssignment(deps, actors.admin, A, input);
    expect(a).toEqual({
      ...input,
      assignmentId: '01J00000000000000000000001',
      cycleId: 'c-2026',
      entityId: 'so-a',
      version: 1,
      createdAt: NOW,
      createdBy: 'u-admin',
    });
    expect(w.assignments).toHaveLength(4);
    expect(w.audit).toEqual([
      expect.objectContaining({
        action: 'assignment.create',
        subject: 'assignments/c-2026/so-a',
        after: [
          {
            assignmentId: a.assignmentId,
            unitId: 'phong-2',
            criteria: input.criteria,
            dueDate: '2026-09-30',
          },
        ],
      }),
    ]);
  });

  it('a unit of another entity, an unknown criterion and a due date years away are each refused', async () => {
    const e = await rejection(
      createAssignment(deps, actors.admin, A, {
        ...input,
        unitId: 'phong-b1',
        criteria: [{ frameworkId: 'par-so-mau', code: '99.9' }],
        dueDate: '2030-01-01',
      }),
    );
    expect(fieldsOf(e)).toEqual(['body.unitId', 'body.criteria.0.code', 'body.dueDate']);
    expect(w.assignments).toHaveLength(3);
  });

  it('leaders do not write assignments', async () => {
    expect(await rejection(createAssignment(deps, actors.leaderA, A, input))).toBeInstanceOf(ForbiddenError);
  });
});

describe('updateAssignment', () => {
  const ref = { ...A, assignmentId: 'KH-01' };

  it('changes the unit and due date, removes the target with null; version + 1; audited before/after', async () => {
    w.assignments[0] = assignmentOf({ assignmentId: 'KH-01', target: { op: '>=', value: 85, unit: '%' } });
    const next = await updateAssignment(deps, actors.admin, ref, {
      version: 1,
      unitId: 'phong-2',
      dueDate: '2026-10-01',
      target: null,
    });
    expect(next).toMatchObject({ unitId: 'phong-2', dueDate: '2026-10-01', version: 2, updatedAt: NOW });
    expect(next).not.toHaveProperty('target');
    expect(w.assignments[0]).toEqual(next);
    expect(w.audit).toEqual([
      expect.objectContaining({
        action: 'assignment.update',
        subject: 'assignment/c-2026/so-a/KH-01',
        before: expect.objectContaining({ version: 1, target: { op: '>=', value: 85, unit: '%' } }),
        after: next,
      }),
    ]);
  });

  it('stale version → conflict with the current assignment; unknown id → not found', async () => {
    const e = await rejection(updateAssignment(deps, actors.admin, ref, { version: 2, title: 'x' }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as unknown as ConflictError).current).toMatchObject({ assignmentId: 'KH-01', version: 1 });
    expect(
      await rejection(
        updateAssignment(deps, actors.admin, { ...ref, assignmentId: 'KH-99' }, { version: 1 }),
      ),
    ).toBeInstanceOf(NotFoundError);
  });

  it('a change that breaks the rules (unit of another entity) is refused and not written', async () => {
    const e = await rejection(updateAssignment(deps, actors.admin, ref, { version: 1, unitId: 'phong-b1' }));
    expect(fieldsOf(e)).toEqual(['body.unitId']);
    expect(w.assignments[0]!.version).toBe(1);
  });

  it("a province-scoped admin cannot change another province's assignments", async () => {
    w.cycles.set('c-2026', cycleOf());
    const e = await rejection(
      updateAssignment(
        deps,
        actors.adminKH,
        { cycleId: 'c-2026', entityId: 'so-hn', assignmentId: 'X' },
        { version: 1 },
      ),
    );
    expect(e).toBeInstanceOf(ForbiddenError);
  });
});

describe('importAssignments', () => {
  const sheet = (rows: Record<string, string>[]): Pick<AssignmentSheetCodec, 'read'> => ({
    read: async () => ({ rows: rows.map((values, i) => ({ row: i + 2, values })), problems: [] }),
  });
  const row = (p: Record<string, string> = {}) => ({
    assignmentId: 'KH-10',
    unit: 'Phòng Kế hoạch',
    criteria: '2.1; par-so-mau:2.2',
    title: 'Kiểm tra văn bản',
    dueDate: '2026-08-31',
    target: '> 85 %',
    ...p,
  });

  it('preview writes nothing; commit writes the rows with one audit entry', async () => {
    const d = { ...deps, sheets: sheet([row()]) };
    const preview = await importAssignments(d, actors.admin, A, { mode: 'preview', bytes: new Uint8Array() });
    expect(preview).toMatchObject({ ok: true, unchanged: [], problems: [] });
    expect(preview.creates).toEqual([
      {
        row: 2,
        assignmentId: 'KH-10',
        unitId: 'phong-2',
        criteria: [
          { frameworkId: 'par-so-mau', code: '2.1' },
          { frameworkId: 'par-so-mau', code: '2.2' },
        ],
        title: 'Kiểm tra văn bản',
        dueDate: '2026-08-31',
        target: { op: '>', value: 85, unit: '%' },
      },
    ]);
    expect(w.assignments).toHaveLength(3);
    expect(w.audit).toEqual([]);
    await importAssignments(d, actors.admin, A, { mode: 'commit', bytes: new Uint8Array() });
    expect(w.assignments.find((a) => a.assignmentId === 'KH-10')).toMatchObject({
      unitId: 'phong-2',
      version: 1,
    });
    expect(w.audit.map((a) => a.action)).toEqual(['assignment.import']);
  });

  it('importing the same file again is idempotent: the row is unchanged and nothing more is written', async () => {
    const d = { ...deps, sheets: sheet([row()]) };
    await importAssignments(d, actors.admin, A, { mode: 'commit', bytes: new Uint8Array() });
    const again = await importAssignments(d, actors.admin, A, { mode: 'commit', bytes: new Uint8Array() });
    expect(again).toMatchObject({ ok: true, creates: [], unchanged: [{ row: 2, assignmentId: 'KH-10' }] });
    expect(w.assignments.filter((a) => a.assignmentId === 'KH-10')).toHaveLength(1);
  });

  it('an unknown unit, an unreadable target, a repeated id and a changed existing id are row problems', async () => {
    const d = {
      ...deps,
      sheets: sheet([
        row({ unit: 'Phòng Ma' }),
        row({ target: 'rất cao' }),
        row({ assignmentId: 'KH-11' }),
        row({ assignmentId: 'KH-11' }),
        row({ assignmentId: 'KH-01', unit: 'Văn phòng' }),
      ]),
    };
    const plan = await importAssignments(d, actors.admin, A, { mode: 'preview', bytes: new Uint8Array() });
    expect(plan.ok).toBe(false);
    expect(plan.problems.map((p) => p.field)).toEqual([
      'rows.2.unit',
      'rows.2.unitId', // the name is no unit id either
      'rows.3.target',
      'rows.5.assignmentId',
      'rows.6.assignmentId',
    ]);
    const e = await rejection(
      importAssignments(d, actors.admin, A, { mode: 'commit', bytes: new Uint8Array() }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect(w.assignments).toHaveLength(3);
  });

  it('an empty sheet is a problem of the file', async () => {
    const plan = await importAssignments({ ...deps, sheets: sheet([]) }, actors.admin, A, {
      mode: 'preview',
      bytes: new Uint8Array(),
    });
    expect(plan.problems.map((p) => p.field)).toEqual(['file']);
  });
});

describe('carryForwardAssignments', () => {
  beforeEach(() => {
    w.cycles.set('c-2027', cycleOf({ cycleId: 'c-2027', year: 2027, entityIds: ['so-a'] }));
    w.assignments.push(assignmentOf({ assignmentId: 'OLD-GONE', unitId: 'phong-xoa' }));
  });
  const to = { cycleId: 'c-2027', entityId: 'so-a' };

  it('dry run reports what would be created (due dates a year later) and writes nothing', async () => {
    const plan = await carryForwardAssignments(deps, actors.admin, to, {
      fromCycleId: 'c-2026',
      dryRun: true,
    });
    expect(plan.created.map((c) => [c.assignmentId, c.dueDate])).toEqual([
      ['KH-01', '2027-06-30'],
      ['KH-02', '2027-05-31'],
      ['KH-03', '2027-03-31'],
    ]);
    expect(plan.skipped.map((s) => s.assignmentId)).toEqual(['OLD-GONE']);
    expect(w.assignments.filter((a) => a.cycleId === 'c-2027')).toEqual([]);
    expect(w.audit).toEqual([]);
  });

  it('a real run writes them with their source noted; a second run finds them already there', async () => {
    await carryForwardAssignments(deps, actors.admin, to, { fromCycleId: 'c-2026', dryRun: false });
    const carried = w.assignments.filter((a) => a.cycleId === 'c-2027');
    expect(carried.map((a) => a.assignmentId)).toEqual(['KH-01', 'KH-02', 'KH-03']);
    expect(carried[0]!.source).toBe('Chuyển từ kỳ c-2026');
    expect(w.audit.map((a) => a.action)).toEqual(['assignment.carry-forward']);
    const again = await carryForwardAssignments(deps, actors.admin, to, {
      fromCycleId: 'c-2026',
      dryRun: false,
    });
    expect(again.created).toEqual([]);
    expect(again.alreadyThere).toEqual(['KH-01', 'KH-02', 'KH-03']);
    expect(w.audit).toHaveLength(1);
  });

  it('a 29 February due date lands on 28 February in a year without one', async () => {
    w.cycles.set('c-2024', cycleOf({ cycleId: 'c-2024', year: 2024, entityIds: ['so-a'] }));
    w.assignments.push(assignmentOf({ assignmentId: 'LEAP', cycleId: 'c-2024', dueDate: '2024-02-29' }));
    const plan = await carryForwardAssignments(deps, actors.admin, A, {
      fromCycleId: 'c-2024',
      dryRun: true,
    });
    expect(plan.created.map((c) => [c.assignmentId, c.dueDate])).toEqual([['LEAP', '2026-02-28']]);
    expect(plan.alreadyThere).toEqual([]);
  });

  it('a source cycle that does not assess the entity is a validation error on body.fromCycleId', async () => {
    w.cycles.set('c-b', cycleOf({ cycleId: 'c-b', entityIds: ['so-b'] }));
    const e = await rejection(
      carryForwardAssignments(deps, actors.admin, to, { fromCycleId: 'c-b', dryRun: true }),
    );
    expect(fieldsOf(e)).toEqual(['body.fromCycleId']);
  });
});
