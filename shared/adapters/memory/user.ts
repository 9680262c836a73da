import { keys } from '#adapters/dynamo/keys.ts';
import type { UserProfile } from '#domain/user.ts';
import type { UserRepository } from '#ports.ts';
import { auditWrite, TransactionCanceled } from './items.ts';
import { absent, atVersion, type MemoryTable } from './table.ts';

const item = (u: UserProfile) => ({
  ...keys.user(u.userId),
  ...keys.userIndex(u.entityId, u.email),
  _type: 'user',
  ...u,
});

export function memoryUserRepository(db: MemoryTable): UserRepository {
  const repo: UserRepository = {
    get: async (userId) => db.read<UserProfile>(keys.user(userId)),
    async findByEmail(email) {
      const ref = db.read<{ userId: string }>(keys.userEmail(email));
      return ref ? repo.get(ref.userId) : undefined;
    },
    // By entity then e-mail; one entity's users are a prefix of the same index.
    list: async (filter, limit, token) =>
      db.queryPage<UserProfile>(
        {
          index: 'gsi1',
          partition: keys.userIndexPartition(),
          ...(filter.entityId ? { prefix: `${filter.entityId}#` } : {}),
        },
        limit,
        token,
      ),
    async create(user, audit) {
      // A taken id or e-mail cancels the transaction; the DynamoDB adapter lets that error through as is.
      const failed = db.transact([
        { put: item(user), condition: absent },
        {
          put: { ...keys.userEmail(user.email), _type: 'user-email', userId: user.userId },
          condition: absent,
        },
        auditWrite(undefined, audit),
      ]);
      if (failed.length) throw new TransactionCanceled(failed);
    },
    async update(user, expectedVersion, audit) {
      return (
        db.transact([
          { put: item(user), condition: atVersion(expectedVersion) },
          auditWrite(undefined, audit),
        ]).length === 0
      );
    },
  };
  return repo;
}
