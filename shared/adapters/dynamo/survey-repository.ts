import { ConflictError } from '#domain/errors.ts';
import type { SurveyImport } from '#domain/scoring.ts';
import type { SurveyRepository } from '#ports.ts';
import { tableName } from './client.ts';
import { getItem, queryAll } from './items.ts';
import { keys, stripKeys } from './keys.ts';
import { criterionAuditPut, transact } from './transact.ts';

export const surveyRepository: SurveyRepository = {
  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.surveyImportPrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<SurveyImport>(i));
  },

  async save(s, expectedVersion, audit) {
    const key = keys.surveyImport(s.cycleId, s.entityId, s.criterionCode);
    const failed = await transact([
      {
        Put: {
          TableName: tableName(),
          Item: { ...key, _type: 'survey-import', ...s },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        },
      },
      criterionAuditPut({ cycleId: s.cycleId, entityId: s.entityId }, s.criterionCode, audit),
    ]);
    if (failed.length)
      throw new ConflictError(
        {
          vi: 'Điểm điều tra vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
          en: 'Someone else changed these survey points meanwhile. Review the current state and try again.',
        },
        (await getItem<SurveyImport>(key)) ?? null,
      );
  },
};
