import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import { type ExportJob, exportJobSchema } from '#domain/dossier.ts';
import { ConflictError } from '#domain/errors.ts';
import type { ExportRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { auditPut, DB, getItem } from './items.ts';
import { keys } from './keys.ts';
import { transact } from './transact.ts';

/** DynamoDB TTL (epoch seconds): a day after the job expires, so an expired job still reads as expired. */
const ttlOf = (job: ExportJob) => Math.floor(Date.parse(job.expiresAt) / 1000) + 86_400;

const read = (item: unknown): ExportJob | undefined => {
  if (!item) return undefined;
  const parsed = exportJobSchema.safeParse(item);
  return parsed.success ? parsed.data : undefined;
};

const raced = (winner: ExportJob | undefined) =>
  new ConflictError(
    {
      vi: 'Một yêu cầu xuất giống hệt vừa được tạo; dùng yêu cầu đó.',
      en: 'An identical export was requested at the same moment; use that one.',
    },
    winner ?? null,
  );

export const exportRepository: ExportRepository = {
  async get(jobId) {
    return read(await getItem(keys.exportJob(jobId)));
  },

  async findByKey(key) {
    const pointer = await getItem<{ jobId: string }>(keys.exportKey(key));
    return pointer ? read(await getItem(keys.exportJob(pointer.jobId))) : undefined;
  },

  async create(job, replacing, audit, auditScope) {
    const failed = await transact([
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.exportKey(job.key), _type: 'export-key', jobId: job.jobId, ttl: ttlOf(job) },
          ...(replacing === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'jobId = :old',
                ExpressionAttributeValues: { ':old': replacing },
              }),
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.exportJob(job.jobId), _type: 'export-job', ...job, ttl: ttlOf(job) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(auditScope, audit),
    ]);
    if (failed.length) throw raced(await exportRepository.findByKey(job.key));
  },

  async update(job, expectedState) {
    try {
      await guard(DB, () =>
        documentClient().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.exportJob(job.jobId), _type: 'export-job', ...job, ttl: ttlOf(job) },
            ConditionExpression: '#s = :s',
            ExpressionAttributeNames: { '#s': 'state' },
            ExpressionAttributeValues: { ':s': expectedState },
          }),
        ),
      );
    } catch (e) {
      if ((e as { name?: string }).name === 'ConditionalCheckFailedException')
        throw new ConflictError(
          { vi: 'Trạng thái lần xuất đã thay đổi.', en: 'The export job changed state meanwhile.' },
          (await exportRepository.get(job.jobId)) ?? null,
        );
      throw e;
    }
  },
};
