import { exportJobItem, exportKeyItem } from '#adapters/dynamo/descriptors/records.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import type { ExportJob } from '#domain/dossier.ts';
import { ConflictError } from '#domain/errors.ts';
import type { ExportRepository } from '#ports.ts';
import { readItem, writeItems } from './kernel.ts';
import type { MemoryTable } from './table.ts';

const raced = (winner: ExportJob | undefined) =>
  new ConflictError(
    {
      vi: 'Một yêu cầu xuất giống hệt vừa được tạo; dùng yêu cầu đó.',
      en: 'An identical export was requested at the same moment; use that one.',
    },
    winner ?? null,
  );

export function memoryExportRepository(db: MemoryTable): ExportRepository {
  const repo: ExportRepository = {
    get: async (jobId) => readItem(db, exportJobItem, keys.exportJob(jobId)),
    async findByKey(key) {
      const pointer = readItem(db, exportKeyItem, keys.exportKey(key));
      return pointer ? repo.get(pointer.jobId) : undefined;
    },
    async create(job, replacing, audit, auditScope) {
      await writeItems(
        db,
        [
          {
            put: exportKeyItem.toItem(job),
            // A new key, or the replacement of the expired, failed or lost job it pointed to.
            when: replacing === undefined ? { absent: true } : { equals: { jobId: replacing } },
          },
          { put: exportJobItem.toItem(job), when: { absent: true } },
        ],
        {
          audit: { entry: audit, ...(auditScope ? { scope: auditScope } : {}) },
          conflict: async () => raced(await repo.findByKey(job.key)),
        },
      );
    },
    async update(job, expectedState) {
      await writeItems(db, [{ put: exportJobItem.toItem(job), when: { equals: { state: expectedState } } }], {
        conflict: async () =>
          new ConflictError(
            { vi: 'Trạng thái lần xuất đã thay đổi.', en: 'The export job changed state meanwhile.' },
            (await repo.get(job.jobId)) ?? null,
          ),
      });
    },
  };
  return repo;
}
