import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { Assignment } from '#domain/assignment.ts';
import { ConflictError } from '#domain/errors.ts';
import type { AssignmentRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { auditPut, DB, getItem, queryAll } from './items.ts';
import { cursor, keys, stripKeys } from './keys.ts';

/** DynamoDB takes at most 100 writes per transaction: 99 assignments + their audit entry. */
const BATCH = 99;

export const assignmentItem = (a: Assignment) => ({
  ...keys.assignment(a.cycleId, a.entityId, a.assignmentId),
  ...keys.assignmentUnitIndex(a.cycleId, a.entityId, a.unitId, a.dueDate, a.assignmentId),
  _type: 'assignment',
  ...a,
});

async function page(input: ConstructorParameters<typeof QueryCommand>[0], token?: string) {
  const res = await guard(DB, () =>
    documentClient().send(new QueryCommand({ ...input, ExclusiveStartKey: cursor.decode(token, input) })),
  );
  return {
    items: (res.Items ?? []).map((i) => stripKeys<Assignment>(i)),
    next: cursor.encode(res.LastEvaluatedKey),
  };
}

export const assignmentRepository: AssignmentRepository = {
  get: (cycleId, entityId, assignmentId) =>
    getItem<Assignment>(keys.assignment(cycleId, entityId, assignmentId)),

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
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<Assignment>(i));
  },

  async update(a, expectedVersion, audit) {
    try {
      await guard(DB, () =>
        documentClient().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName(),
                  // The unit index keys follow the new unit and due date.
                  Item: assignmentItem(a),
                  ConditionExpression: '#v = :v',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':v': expectedVersion },
                },
              },
              auditPut({ cycleId: a.cycleId, entityId: a.entityId }, audit),
            ],
          }),
        ),
      );
    } catch (e) {
      if ((e as { name?: string }).name !== 'TransactionCanceledException') throw e;
      throw new ConflictError(
        {
          vi: 'Nhiệm vụ vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
          en: 'Someone else changed this assignment meanwhile. Review the current version and try again.',
        },
        await assignmentRepository.get(a.cycleId, a.entityId, a.assignmentId),
      );
    }
  },

  async createMany(assignments, auditFor, onProgress) {
    for (let i = 0; i < assignments.length; i += BATCH) {
      const batch = assignments.slice(i, i + BATCH);
      const scope = { cycleId: batch[0]!.cycleId, entityId: batch[0]!.entityId };
      try {
        await guard(DB, () =>
          documentClient().send(
            new TransactWriteCommand({
              TransactItems: [
                ...batch.map((a) => ({
                  Put: {
                    TableName: tableName(),
                    Item: assignmentItem(a),
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                })),
                auditPut(scope, auditFor(batch, i / BATCH)),
              ],
            }),
          ),
        );
      } catch (e) {
        const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
        if ((e as { name?: string }).name !== 'TransactionCanceledException') throw e;
        const taken = batch
          .filter((_, j) => reasons?.[j]?.Code === 'ConditionalCheckFailed')
          .map((a) => a.assignmentId);
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
