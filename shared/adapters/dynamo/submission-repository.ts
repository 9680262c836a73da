import { ConflictError } from '#domain/errors.ts';
import type { Submission } from '#domain/scoring.ts';
import type { SubmissionRepository } from '#ports.ts';
import { tableName } from './client.ts';
import { auditPut, getItem, queryAll } from './items.ts';
import { keys, stripKeys } from './keys.ts';
import { transact } from './transact.ts';

export const submissionRepository: SubmissionRepository = {
  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.submissionPrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<Submission>(i));
  },

  async save(s, expectedVersion, audit) {
    const key = keys.submission(s.cycleId, s.entityId, s.unitId);
    const failed = await transact([
      {
        Put: {
          TableName: tableName(),
          Item: { ...key, _type: 'submission', ...s },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        },
      },
      auditPut({ cycleId: s.cycleId, entityId: s.entityId }, audit),
    ]);
    if (failed.length)
      throw new ConflictError(
        {
          vi: 'Việc mở lại vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
          en: 'Someone else changed this reopening meanwhile. Review the current state and try again.',
        },
        (await getItem<Submission>(key)) ?? null,
      );
  },
};
