import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import type { AssignmentRepository, AuditRepository } from '#ports.ts';
import { allPages, assignment, auditEntry, uid } from './fixtures.ts';

export function describeAssignmentContract(
  make: () => Promise<{ assignments: AssignmentRepository; audit: AuditRepository }>,
) {
  describe('AssignmentRepository contract', () => {
    let assignments: AssignmentRepository;
    let audit: AuditRepository;
    beforeAll(async () => {
      ({ assignments, audit } = await make());
    });

    it('creates many in batches with one audit entry each, reporting progress', async () => {
      const cycleId = uid('cy');
      const entityId = uid('en');
      const all = Array.from({ length: 120 }, () => assignment(cycleId, entityId));
      const progress: [number, number][] = [];
      await assignments.createMany(
        all,
        () => auditEntry('assignment.create'),
        (d, t) => progress.push([d, t]),
      );
      expect(progress).toEqual([
        [99, 120],
        [120, 120],
      ]);
      const listed = await assignments.listAll(cycleId, entityId);
      expect(listed.map((a) => a.assignmentId)).toEqual(all.map((a) => a.assignmentId));
      const trail = await audit.listByEntity(cycleId, entityId, 'asc', 10);
      expect(trail.items.length).toBe(2);
      expect(await assignments.get(cycleId, entityId, all[5]!.assignmentId)).toEqual(all[5]);
    });

    it('refuses a batch holding an existing assignment; earlier batches stay written', async () => {
      const cycleId = uid('cy');
      const entityId = uid('en');
      const taken = assignment(cycleId, entityId);
      await assignments.createMany([taken], () => auditEntry());
      const fresh = Array.from({ length: 99 }, () => assignment(cycleId, entityId));
      const err = await assignments
        .createMany([...fresh, taken, assignment(cycleId, entityId)], () => auditEntry())
        .catch((e) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).current).toEqual({ existing: [taken.assignmentId], written: 99 });
      expect((await assignments.listAll(cycleId, entityId)).length).toBe(100);
    });

    it('pages by entity in id order and by unit soonest due first', async () => {
      const cycleId = uid('cy');
      const entityId = uid('en');
      const a = [
        assignment(cycleId, entityId, { unitId: 'u1', dueDate: '2026-06-01' }),
        assignment(cycleId, entityId, { unitId: 'u1', dueDate: '2026-04-01' }),
        assignment(cycleId, entityId, { unitId: 'u2', dueDate: '2026-01-01' }),
        assignment(cycleId, entityId, { unitId: 'u1', dueDate: '2026-05-01' }),
      ];
      await assignments.createMany(a, () => auditEntry());
      const byEntity = await allPages((c) => assignments.listByEntity(cycleId, entityId, 3, c), 3);
      expect(byEntity.items.map((x) => x.assignmentId)).toEqual(a.map((x) => x.assignmentId));
      const byUnit = await allPages((c) => assignments.listByUnit(cycleId, entityId, 'u1', 2, c), 2);
      expect(byUnit.items.map((x) => x.dueDate)).toEqual(['2026-04-01', '2026-05-01', '2026-06-01']);
    });

    it('updates at the version (the unit index follows) and refuses a stale one', async () => {
      const cycleId = uid('cy');
      const entityId = uid('en');
      const a = assignment(cycleId, entityId, { unitId: 'u1' });
      await assignments.createMany([a], () => auditEntry());
      const moved = { ...a, unitId: 'u2', version: 2 };
      await assignments.update(moved, 1, auditEntry('assignment.update'));
      expect(await assignments.get(cycleId, entityId, a.assignmentId)).toEqual(moved);
      expect((await assignments.listByUnit(cycleId, entityId, 'u1', 10)).items).toEqual([]);
      expect((await assignments.listByUnit(cycleId, entityId, 'u2', 10)).items).toEqual([moved]);
      const err = await assignments.update({ ...a, version: 2 }, 1, auditEntry()).catch((e) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).current).toEqual(moved);
      expect(await assignments.get(cycleId, entityId, uid('missing'))).toBeUndefined();
    });
  });
}
