import { cycleItem } from '#adapters/dynamo/descriptors/records.ts';
import { conflictWith } from '#adapters/dynamo/kernel/write.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import type { CycleRepository } from '#ports.ts';
import { pageOf, readItem, writeItems } from './kernel.ts';
import type { MemoryTable } from './table.ts';

export function memoryCycleRepository(db: MemoryTable): CycleRepository {
  const repo: CycleRepository = {
    get: async (cycleId) => readItem(db, cycleItem, keys.cycle(cycleId)),
    // Newest year first (the index is read backwards).
    list: async (limit, token) =>
      pageOf(
        cycleItem,
        db.queryPage({ index: 'gsi1', partition: keys.cycleIndexPartition(), forward: false }, limit, token),
      ),
    async create(cycle, audit) {
      await writeItems(db, [{ put: cycleItem.toItem(cycle), when: { absent: true } }], {
        audit: { entry: audit },
        conflict: conflictWith({ vi: 'Kỳ đánh giá này đã tồn tại.', en: 'This cycle already exists.' }, () =>
          repo.get(cycle.cycleId),
        ),
      });
    },
    async update(cycle, expectedVersion, audit) {
      await writeItems(db, [{ put: cycleItem.toItem(cycle), when: { version: expectedVersion } }], {
        audit: { entry: audit },
        conflict: conflictWith(
          {
            vi: 'Kỳ đánh giá vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
            en: 'Someone else changed this cycle meanwhile. Review the current version and try again.',
          },
          () => repo.get(cycle.cycleId),
        ),
      });
    },
  };
  return repo;
}
