import { keys } from '#adapters/dynamo/keys.ts';
import type { Assignment } from '#domain/assignment.ts';
import { ConflictError } from '#domain/errors.ts';
import type { AssignmentRepository } from '#ports.ts';
import { auditWrite } from './items.ts';
import { absent, atVersion, type MemoryTable } from './table.ts';

/** DynamoDB takes at most 100 writes per transaction: 99 assignments + their audit entry. */
const BATCH = 99;

const assignmentItem = (a: Assignment) => ({
  ...keys.assignment(a.cycleId, a.entityId, a.assignmentId),
  ...keys.assignmentUnitIndex(a.cycleId, a.entityId, a.unitId, a.dueDate, a.assignmentId),
  _type: 'assignment',
  ...a,
});

export function memoryAssignmentRepository(db: MemoryTable): AssignmentRepository {
  const repo: AssignmentRepository = {
    get: async (cycleId, entityId, assignmentId) =>
      db.read<Assignment>(keys.assignment(cycleId, entityId, assignmentId)),
    async listByEntity(cycleId, entityId, limit, token) {
      const { pk, skPrefix } = keys.assignmentPrefix(cycleId, entityId);
      return db.queryPage<Assignment>({ partition: pk, prefix: skPrefix }, limit, token);
    },
    // Soonest due first: the unit index sorts by due date, then id.
    listByUnit: async (cycleId, entityId, unitId, limit, token) =>
      db.queryPage<Assignment>(
        { index: 'gsi1', partition: keys.assignmentUnitIndexPartition(cycleId, entityId, unitId) },
        limit,
        token,
      ),
    async listAll(cycleId, entityId) {
      const { pk, skPrefix } = keys.assignmentPrefix(cycleId, entityId);
      return db.list<Assignment>({ partition: pk, prefix: skPrefix });
    },
    async update(a, expectedVersion, audit) {
      const failed = db.transact([
        { put: assignmentItem(a), condition: atVersion(expectedVersion) },
        auditWrite({ cycleId: a.cycleId, entityId: a.entityId }, audit),
      ]);
      if (failed.length)
        throw new ConflictError(
          {
            vi: 'Nhiệm vụ vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
            en: 'Someone else changed this assignment meanwhile. Review the current version and try again.',
          },
          await repo.get(a.cycleId, a.entityId, a.assignmentId),
        );
    },
    async createMany(assignments, auditFor, onProgress) {
      for (let i = 0; i < assignments.length; i += BATCH) {
        const batch = assignments.slice(i, i + BATCH);
        const scope = { cycleId: batch[0]!.cycleId, entityId: batch[0]!.entityId };
        const failed = db.transact([
          ...batch.map((a) => ({ put: assignmentItem(a), condition: absent })),
          auditWrite(scope, auditFor(batch, i / BATCH)),
        ]);
        if (failed.length) {
          const taken = failed.flatMap((j) => (batch[j] ? [batch[j].assignmentId] : []));
          throw new ConflictError(
            {
              vi: `Đã có nhiệm vụ mang mã ${taken.join(', ') || '(không rõ)'}; ${i} nhiệm vụ trước đó đã được ghi.`,
              en: `Assignments ${taken.join(', ') || '(unknown)'} already exist; the ${i} before them were written.`,
            },
            { existing: taken, written: i },
          );
        }
        onProgress?.(Math.min(i + BATCH, assignments.length), assignments.length);
      }
    },
  };
  return repo;
}
