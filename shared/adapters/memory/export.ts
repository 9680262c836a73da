import { keys } from '#adapters/dynamo/keys.ts';
import { type ExportJob, exportJobSchema } from '#domain/dossier.ts';
import { ConflictError } from '#domain/errors.ts';
import type { ExportRepository } from '#ports.ts';
import { auditWrite } from './items.ts';
import { absent, type Condition, type MemoryTable } from './table.ts';

/** DynamoDB TTL (epoch seconds): a day after the job expires, so an expired job still reads as expired. */
const ttlOf = (job: ExportJob) => Math.floor(Date.parse(job.expiresAt) / 1000) + 86_400;

const read = (item: unknown): ExportJob | undefined => {
  if (!item) return undefined;
  const parsed = exportJobSchema.safeParse(item);
  return parsed.success ? parsed.data : undefined;
};

const pointsTo =
  (jobId: string): Condition =>
  (current) =>
    current?.jobId === jobId;
const inState =
  (state: ExportJob['state']): Condition =>
  (current) =>
    current?.state === state;

export function memoryExportRepository(db: MemoryTable): ExportRepository {
  const repo: ExportRepository = {
    get: async (jobId) => read(db.get(keys.exportJob(jobId))),
    async findByKey(key) {
      const pointer = db.read<{ jobId: string }>(keys.exportKey(key));
      return pointer ? read(db.get(keys.exportJob(pointer.jobId))) : undefined;
    },
    async create(job, replacing, audit, auditScope) {
      const failed = db.transact([
        {
          put: { ...keys.exportKey(job.key), _type: 'export-key', jobId: job.jobId, ttl: ttlOf(job) },
          condition: replacing === undefined ? absent : pointsTo(replacing),
        },
        {
          put: { ...keys.exportJob(job.jobId), _type: 'export-job', ...job, ttl: ttlOf(job) },
          condition: absent,
        },
        auditWrite(auditScope, audit),
      ]);
      if (failed.length)
        throw new ConflictError(
          {
            vi: 'Một yêu cầu xuất giống hệt vừa được tạo; dùng yêu cầu đó.',
            en: 'An identical export was requested at the same moment; use that one.',
          },
          (await repo.findByKey(job.key)) ?? null,
        );
    },
    async update(job, expectedState) {
      const item = { ...keys.exportJob(job.jobId), _type: 'export-job', ...job, ttl: ttlOf(job) };
      if (db.transact([{ put: item, condition: inState(expectedState) }]).length)
        throw new ConflictError(
          { vi: 'Trạng thái lần xuất đã thay đổi.', en: 'The export job changed state meanwhile.' },
          (await repo.get(job.jobId)) ?? null,
        );
    },
  };
  return repo;
}
