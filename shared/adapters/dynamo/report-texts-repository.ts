import type { ReportTextsRepository } from '#ports.ts';
import { reportTextsItem } from './descriptors/records.ts';
import { getItem } from './items.ts';
import { conflictWith, writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const reportTextsRepository: ReportTextsRepository = {
  get: (cycleId, entityId) => getItem(reportTextsItem, keys.reportTexts(cycleId, entityId)),

  async save(texts, expectedVersion, audit) {
    const when = expectedVersion === undefined ? { absent: true as const } : { version: expectedVersion };
    await writeItems([{ put: reportTextsItem.toItem(texts), when }], {
      audit: { entry: audit, scope: { cycleId: texts.cycleId, entityId: texts.entityId } },
      conflict: conflictWith(
        {
          vi: 'Người khác vừa lưu nội dung báo cáo này. Xem bản hiện tại rồi lưu lại.',
          en: 'Someone else saved these report texts meanwhile. Review the current ones and save again.',
        },
        async () => (await reportTextsRepository.get(texts.cycleId, texts.entityId)) ?? null,
      ),
    });
  },
};
