import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { UserProfile } from '#domain/user.ts';
import type { UserRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { auditPut, DB, getItem, queryPage, replaceAtVersion } from './items.ts';
import { keys } from './keys.ts';

const item = (u: UserProfile) => ({
  ...keys.user(u.userId),
  ...keys.userIndex(u.entityId, u.email),
  _type: 'user',
  ...u,
});

export const userRepository: UserRepository = {
  // Strongly consistent: every API request reads the caller's profile, and a change must hold on the next one.
  get: (userId) => getItem<UserProfile>(keys.user(userId), { consistent: true }),

  async findByEmail(email) {
    const ref = await getItem<{ userId: string }>(keys.userEmail(email));
    return ref ? this.get(ref.userId) : undefined;
  },

  async list(filter, limit, token) {
    return queryPage<UserProfile>(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: filter.entityId ? 'gsi1pk = :p AND begins_with(gsi1sk, :e)' : 'gsi1pk = :p',
        ExpressionAttributeValues: {
          ':p': keys.userIndexPartition(),
          ...(filter.entityId ? { ':e': `${filter.entityId}#` } : {}),
        },
      },
      limit,
      token,
    );
  },

  async create(user, audit) {
    await guard(DB, () =>
      documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName(),
                Item: item(user),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: tableName(),
                Item: { ...keys.userEmail(user.email), _type: 'user-email', userId: user.userId },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            auditPut(undefined, audit),
          ],
        }),
      ),
    );
  },

  update: (user, expectedVersion, audit) => replaceAtVersion(item(user), expectedVersion, audit),
};
