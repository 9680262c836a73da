import type { Cycle } from '#domain/cycle.ts';
import { ConflictError } from '#domain/errors.ts';
import type { CycleRepository } from '#ports.ts';
import { createWithAudit, getItem, queryPage, replaceAtVersion } from './items.ts';
import { keys } from './keys.ts';

const cycleItem = (cycle: Cycle) => ({
  ...keys.cycle(cycle.cycleId),
  ...keys.cycleIndex(cycle.year, cycle.cycleId),
  _type: 'cycle',
  ...cycle,
});

export const cycleRepository: CycleRepository = {
  get: (cycleId) => getItem<Cycle>(keys.cycle(cycleId)),
  async list(limit, token) {
    return queryPage<Cycle>(
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
    await createWithAudit(cycleItem(cycle), audit);
  },
  async update(cycle, expectedVersion, audit) {
    if (!(await replaceAtVersion(cycleItem(cycle), expectedVersion, audit))) {
      throw new ConflictError(
        {
          vi: 'Kỳ đánh giá vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
          en: 'Someone else changed this cycle meanwhile. Review the current version and try again.',
        },
        await cycleRepository.get(cycle.cycleId),
      );
    }
  },
};
