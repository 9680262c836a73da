import { keys } from '#adapters/dynamo/keys.ts';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError } from '#domain/errors.ts';
import type { CycleRepository } from '#ports.ts';
import { auditWrite, TransactionCanceled } from './items.ts';
import { absent, atVersion, type MemoryTable } from './table.ts';

const cycleItem = (cycle: Cycle) => ({
  ...keys.cycle(cycle.cycleId),
  ...keys.cycleIndex(cycle.year, cycle.cycleId),
  _type: 'cycle',
  ...cycle,
});

export function memoryCycleRepository(db: MemoryTable): CycleRepository {
  const repo: CycleRepository = {
    get: async (cycleId) => db.read<Cycle>(keys.cycle(cycleId)),
    // Newest year first (the index is read backwards).
    list: async (limit, token) =>
      db.queryPage<Cycle>(
        { index: 'gsi1', partition: keys.cycleIndexPartition(), forward: false },
        limit,
        token,
      ),
    async create(cycle, audit) {
      // As in DynamoDB, a second create of the same id is a cancelled transaction, not a ConflictError.
      const failed = db.transact([
        { put: cycleItem(cycle), condition: absent },
        auditWrite(undefined, audit),
      ]);
      if (failed.length) throw new TransactionCanceled(failed);
    },
    async update(cycle, expectedVersion, audit) {
      const failed = db.transact([
        { put: cycleItem(cycle), condition: atVersion(expectedVersion) },
        auditWrite(undefined, audit),
      ]);
      if (failed.length)
        throw new ConflictError(
          {
            vi: 'Kỳ đánh giá vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
            en: 'Someone else changed this cycle meanwhile. Review the current version and try again.',
          },
          await repo.get(cycle.cycleId),
        );
    },
  };
  return repo;
}
