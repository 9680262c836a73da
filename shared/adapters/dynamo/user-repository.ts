import type { UserRepository } from '#ports.ts';
import { userEmailItem, userItem } from './descriptors/records.ts';
import { getItem, queryPage } from './items.ts';
import { conflictWith, writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

/**
 * Strongly consistent: every API request reads the caller's profile, and a change must hold on the next one.
 * Its own export, so the current actor (in every function) bundles this read and not the writes below.
 */
export const getUser: UserRepository['get'] = (userId) =>
  getItem(userItem, keys.user(userId), { consistent: true });

export const userRepository: UserRepository = {
  get: getUser,

  async findByEmail(email) {
    const ref = await getItem(userEmailItem, keys.userEmail(email));
    return ref ? this.get(ref.userId) : undefined;
  },

  async list(filter, limit, token) {
    return queryPage(
      userItem,
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
    await writeItems(
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
    const result = await writeItems([{ put: userItem.toItem(user), when: { version: expectedVersion } }], {
      audit: { entry: audit },
    });
    return result.committed;
  },
};
