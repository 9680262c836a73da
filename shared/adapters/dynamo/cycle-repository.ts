/**
 * Cycles. One export per method, so a function bundles only what it calls (`import * as cycles`, then
 * `{ get: cycles.get }`); `cycleRepository` gathers them for the use cases that take the whole port.
 */
import type { CycleRepository } from '#ports.ts';
import { cycleItem } from './descriptors/records.ts';
import { getItem, queryPage } from './items.ts';
import { conflictWith, writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const get: CycleRepository['get'] = (cycleId) => getItem(cycleItem, keys.cycle(cycleId));

export const list: CycleRepository['list'] = (limit, token) =>
  queryPage(
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

export const create: CycleRepository['create'] = async (cycle, audit) => {
  await writeItems([{ put: cycleItem.toItem(cycle), when: { absent: true } }], {
    audit: { entry: audit },
    conflict: conflictWith({ vi: 'Kỳ đánh giá này đã tồn tại.', en: 'This cycle already exists.' }, () =>
      get(cycle.cycleId),
    ),
  });
};

export const update: CycleRepository['update'] = async (cycle, expectedVersion, audit) => {
  await writeItems([{ put: cycleItem.toItem(cycle), when: { version: expectedVersion } }], {
    audit: { entry: audit },
    conflict: conflictWith(
      {
        vi: 'Kỳ đánh giá vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
        en: 'Someone else changed this cycle meanwhile. Review the current version and try again.',
      },
      () => get(cycle.cycleId),
    ),
  });
};

export const cycleRepository: CycleRepository = { get, list, create, update };
