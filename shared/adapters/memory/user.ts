import { userEmailItem, userItem } from '#adapters/dynamo/descriptors/records.ts';
import { conflictWith } from '#adapters/dynamo/kernel/write.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import type { UserRepository } from '#ports.ts';
import { pageOf, readItem, writeItems } from './kernel.ts';
import type { MemoryTable } from './table.ts';

export function memoryUserRepository(db: MemoryTable): UserRepository {
  const repo: UserRepository = {
    get: async (userId) => readItem(db, userItem, keys.user(userId)),
    async findByEmail(email) {
      const ref = readItem(db, userEmailItem, keys.userEmail(email));
      return ref ? repo.get(ref.userId) : undefined;
    },
    // By entity then e-mail; one entity's users are a prefix of the same index.
    list: async (filter, limit, token) =>
      pageOf(
        userItem,
        db.queryPage(
          {
            index: 'gsi1',
            partition: keys.userIndexPartition(),
            ...(filter.entityId ? { prefix: `${filter.entityId}#` } : {}),
          },
          limit,
          token,
        ),
      ),
    async create(user, audit) {
      await writeItems(
        db,
        [
          { put: userItem.toItem(user), when: { absent: true } },
          { put: userEmailItem.toItem(user), when: { absent: true } },
        ],
        {
          audit: { entry: audit },
          conflict: conflictWith(
            {
              vi: `Đã có tài khoản với thư điện tử ${user.email}.`,
              en: `An account with e-mail ${user.email} already exists.`,
            },
            async () => undefined,
          ),
        },
      );
    },
    async update(user, expectedVersion, audit) {
      const result = await writeItems(
        db,
        [{ put: userItem.toItem(user), when: { version: expectedVersion } }],
        {
          audit: { entry: audit },
        },
      );
      return result.committed;
    },
  };
  return repo;
}
