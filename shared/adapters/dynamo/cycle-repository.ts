import type { CycleRepository } from '#ports.ts';
import { cycleItem } from './descriptors/records.ts';
import { getItem, queryPage } from './items.ts';
import { conflictWith, writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const cycleRepository: CycleRepository = {
  get: (cycleId) => getItem(cycleItem, keys.cycle(cycleId)),
  async list(limit, token) {
    return queryPage(
      cycleItem,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': keys.cycleIndexPartition() },
        ScanIndexForward: false,
      },
      limit,
      token,
    );
  },
  async create(cycle, audit) {
    await writeItems([{ put: cycleItem.toItem(cycle), when: { absent: true } }], {
      audit: { entry: audit },
      conflict: conflictWith({ vi: 'Kỳ đánh giá này đã tồn tại.', en: 'This cycle already exists.' }, () =>
        cycleRepository.get(cycle.cycleId),
      ),
    });
  },
  async update(cycle, expectedVersion, audit) {
    await writeItems([{ put: cycleItem.toItem(cycle), when: { version: expectedVersion } }], {
      audit: { entry: audit },
      conflict: conflictWith(
        {
          vi: 'Kỳ đánh giá vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
          en: 'Someone else changed this cycle meanwhile. Review the current version and try again.',
        },
        () => cycleRepository.get(cycle.cycleId),
      ),
    });
  },
};
