import { ConflictError } from '#domain/errors.ts';
import { type ReportTexts, reportTextsSchema } from '#domain/report.ts';
import type { ReportTextsRepository } from '#ports.ts';
import { tableName } from './client.ts';
import { auditPut, getItem } from './items.ts';
import { keys } from './keys.ts';
import { transact } from './transact.ts';

const read = (item: unknown): ReportTexts | undefined => {
  const parsed = item ? reportTextsSchema.safeParse(item) : undefined;
  return parsed?.success ? parsed.data : undefined;
};

export const reportTextsRepository: ReportTextsRepository = {
  async get(cycleId, entityId) {
    return read(await getItem(keys.reportTexts(cycleId, entityId)));
  },

  async save(texts, expectedVersion, audit) {
    const key = keys.reportTexts(texts.cycleId, texts.entityId);
    const failed = await transact([
      {
        Put: {
          TableName: tableName(),
          Item: { ...key, _type: 'report-texts', ...texts },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        },
      },
      auditPut({ cycleId: texts.cycleId, entityId: texts.entityId }, audit),
    ]);
    if (failed.length)
      throw new ConflictError(
        {
          vi: 'Người khác vừa lưu nội dung báo cáo này. Xem bản hiện tại rồi lưu lại.',
          en: 'Someone else saved these report texts meanwhile. Review the current ones and save again.',
        },
        (await reportTextsRepository.get(texts.cycleId, texts.entityId)) ?? null,
      );
  },
};
