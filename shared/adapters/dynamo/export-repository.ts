import type { ExportJob } from '#domain/dossier.ts';
import { ConflictError } from '#domain/errors.ts';
import type { ExportRepository } from '#ports.ts';
import { exportJobItem, exportKeyItem } from './descriptors/records.ts';
import { getItem } from './items.ts';
import { writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

const raced = (winner: ExportJob | undefined) =>
  new ConflictError(
    {
      vi: 'Một yêu cầu xuất giống hệt vừa được tạo; dùng yêu cầu đó.',
      en: 'An identical export was requested at the same moment; use that one.',
    },
    winner ?? null,
  );

export const exportRepository: ExportRepository = {
  get: (jobId) => getItem(exportJobItem, keys.exportJob(jobId)),

  async findByKey(key) {
    const pointer = await getItem(exportKeyItem, keys.exportKey(key));
    return pointer ? exportRepository.get(pointer.jobId) : undefined;
  },

  async create(job, replacing, audit, auditScope) {
    await writeItems(
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
        conflict: async () => raced(await exportRepository.findByKey(job.key)),
      },
    );
  },

  async update(job, expectedState) {
    await writeItems([{ put: exportJobItem.toItem(job), when: { equals: { state: expectedState } } }], {
      conflict: async () =>
        new ConflictError(
          { vi: 'Trạng thái lần xuất đã thay đổi.', en: 'The export job changed state meanwhile.' },
          (await exportRepository.get(job.jobId)) ?? null,
        ),
    });
  },
};
