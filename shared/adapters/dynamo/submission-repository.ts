import type { SubmissionRepository } from '#ports.ts';
import { submissionItem } from './descriptors/scoring.ts';
import { getItem, queryAll } from './items.ts';
import { conflictWith, writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const submissionRepository: SubmissionRepository = {
  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.submissionPrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => submissionItem.fromItem(i));
  },

  async save(s, expectedVersion, audit) {
    const when = expectedVersion === undefined ? { absent: true as const } : { version: expectedVersion };
    await writeItems([{ put: submissionItem.toItem(s), when }], {
      audit: { entry: audit, scope: { cycleId: s.cycleId, entityId: s.entityId } },
      conflict: conflictWith(
        {
          vi: 'Việc mở lại vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
          en: 'Someone else changed this reopening meanwhile. Review the current state and try again.',
        },
        async () => (await getItem(submissionItem, submissionItem.key(s))) ?? null,
      ),
    });
  },
};
