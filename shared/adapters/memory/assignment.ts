import { assignmentItem } from '#adapters/dynamo/descriptors/records.ts';
import { batches, conflictWith } from '#adapters/dynamo/kernel/write.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import { ConflictError } from '#domain/errors.ts';
import type { AssignmentRepository } from '#ports.ts';
import { pageOf, readItem, writeItems } from './kernel.ts';
import type { MemoryTable } from './table.ts';

/** Assignments that already exist stop an import: the message names them and what was written before. */
const taken = (ids: string[], written: number) =>
  new ConflictError(
    {
      vi: `Đã có nhiệm vụ mang mã ${ids.join(', ') || '(không rõ)'}; ${written} nhiệm vụ trước đó đã được ghi.`,
      en: `Assignments ${ids.join(', ') || '(unknown)'} already exist; the ${written} before them were written.`,
    },
    { existing: ids, written },
  );

export function memoryAssignmentRepository(db: MemoryTable): AssignmentRepository {
  const repo: AssignmentRepository = {
    get: async (cycleId, entityId, assignmentId) =>
      readItem(db, assignmentItem, keys.assignment(cycleId, entityId, assignmentId)),
    async listByEntity(cycleId, entityId, limit, token) {
      const { pk, skPrefix } = keys.assignmentPrefix(cycleId, entityId);
      return pageOf(assignmentItem, db.queryPage({ partition: pk, prefix: skPrefix }, limit, token));
    },
    // Soonest due first: the unit index sorts by due date, then id.
    listByUnit: async (cycleId, entityId, unitId, limit, token) =>
      pageOf(
        assignmentItem,
        db.queryPage(
          { index: 'gsi1', partition: keys.assignmentUnitIndexPartition(cycleId, entityId, unitId) },
          limit,
          token,
        ),
      ),
    async listAll(cycleId, entityId) {
      const { pk, skPrefix } = keys.assignmentPrefix(cycleId, entityId);
      return db.queryAll({ partition: pk, prefix: skPrefix }).map((i) => assignmentItem.fromItem(i));
    },
    async update(a, expectedVersion, audit) {
      await writeItems(db, [{ put: assignmentItem.toItem(a), when: { version: expectedVersion } }], {
        audit: { entry: audit, scope: { cycleId: a.cycleId, entityId: a.entityId } },
        conflict: conflictWith(
          {
            vi: 'Nhiệm vụ vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
            en: 'Someone else changed this assignment meanwhile. Review the current version and try again.',
          },
          () => repo.get(a.cycleId, a.entityId, a.assignmentId),
        ),
      });
    },
    async createMany(assignments, auditFor, onProgress) {
      // Transactions of 99 assignments + their audit entry; each batch is committed before the next.
      let written = 0;
      for (const [n, batch] of batches(assignments, () => 1, 1).entries()) {
        const scope = { cycleId: batch[0]!.cycleId, entityId: batch[0]!.entityId };
        await writeItems(
          db,
          batch.map((a) => ({
            put: assignmentItem.toItem(a),
            when: { absent: true as const },
            label: a.assignmentId,
          })),
          {
            audit: { entry: auditFor(batch, n), scope },
            conflict: (failed) =>
              taken(
                failed.flatMap((w) => (w.label && w.label !== 'audit' ? [w.label] : [])),
                written,
              ),
          },
        );
        written += batch.length;
        onProgress?.(written, assignments.length);
      }
    },
  };
  return repo;
}
