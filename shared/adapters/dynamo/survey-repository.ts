import type { SurveyRepository } from '#ports.ts';
import { surveyItem } from './descriptors/scoring.ts';
import { getItem, queryAll } from './items.ts';
import { conflictWith, writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const surveyRepository: SurveyRepository = {
  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.surveyImportPrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => surveyItem.fromItem(i));
  },

  async save(s, expectedVersion, audit) {
    const when = expectedVersion === undefined ? { absent: true as const } : { version: expectedVersion };
    const scope = { cycleId: s.cycleId, entityId: s.entityId };
    await writeItems([{ put: surveyItem.toItem(s), when }], {
      audit: { entry: audit, scope, criterionCode: s.criterionCode },
      conflict: conflictWith(
        {
          vi: 'Điểm điều tra vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
          en: 'Someone else changed these survey points meanwhile. Review the current state and try again.',
        },
        async () => (await getItem(surveyItem, surveyItem.key(s))) ?? null,
      ),
    });
  },
};
