import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { Assignment } from '#domain/assignment.ts';
import { ConflictError } from '#domain/errors.ts';
import type { AssignmentRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { assignmentItem as assignmentType } from './descriptors/records.ts';
import { DB, getItem, queryAll } from './items.ts';
import { batches, conflictWith, writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';
import { cursor } from './keys.ts';

/** The stored item of an assignment (the seeder and tests write it directly). */
export const assignmentItem = (a: Assignment) => assignmentType.toItem(a);

async function page(input: ConstructorParameters<typeof QueryCommand>[0], token?: string) {
  const res = await guard(DB, () =>
    documentClient().send(new QueryCommand({ ...input, ExclusiveStartKey: cursor.decode(token, input) })),
  );
  return {
    items: (res.Items ?? []).map((i) => assignmentType.fromItem(i)),
    next: cursor.encode(res.LastEvaluatedKey),
  };
}

/** Assignments that already exist stop an import: the message names them and what was written before. */
const taken = (ids: string[], written: number) =>
  new ConflictError(
    {
      vi: `Đã có nhiệm vụ mang mã ${ids.join(', ') || '(không rõ)'}; ${written} nhiệm vụ trước đó đã được ghi.`,
      en: `Assignments ${ids.join(', ') || '(unknown)'} already exist; the ${written} before them were written.`,
    },
    { existing: ids, written },
  );

export const assignmentRepository: AssignmentRepository = {
  get: (cycleId, entityId, assignmentId) =>
    getItem(assignmentType, keys.assignment(cycleId, entityId, assignmentId)),

  listByEntity(cycleId, entityId, limit, token) {
    const { pk, skPrefix } = keys.assignmentPrefix(cycleId, entityId);
    return page(
      {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        Limit: limit,
      },
      token,
    );
  },

  listByUnit(cycleId, entityId, unitId, limit, token) {
    return page(
      {
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': keys.assignmentUnitIndexPartition(cycleId, entityId, unitId) },
        Limit: limit,
      },
      token,
    );
  },

  async listAll(cycleId, entityId) {
    const { pk, skPrefix } = keys.assignmentPrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => assignmentType.fromItem(i));
  },

  async update(a, expectedVersion, audit) {
    await writeItems([{ put: assignmentItem(a), when: { version: expectedVersion } }], {
      audit: { entry: audit, scope: { cycleId: a.cycleId, entityId: a.entityId } },
      conflict: conflictWith(
        {
          vi: 'Nhiệm vụ vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
          en: 'Someone else changed this assignment meanwhile. Review the current version and try again.',
        },
        () => assignmentRepository.get(a.cycleId, a.entityId, a.assignmentId),
      ),
    });
  },

  async createMany(assignments, auditFor, onProgress) {
    // Transactions of 99 assignments + their audit entry; each batch is committed before the next.
    let written = 0;
    for (const [n, batch] of batches(assignments, () => 1, 1).entries()) {
      const scope = { cycleId: batch[0]!.cycleId, entityId: batch[0]!.entityId };
      await writeItems(
        batch.map((a) => ({
          put: assignmentItem(a),
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
