/**
 * Users. One export per method, so a function bundles only what it calls (`import * as users`, then
 * `{ list: users.list }`); the current actor, in every function, takes `get` alone. `userRepository` gathers
 * them for the use cases that take the whole port.
 */
import type { UserRepository } from '#ports.ts';
import { userEmailItem, userItem } from './descriptors/records.ts';
import { getItem, queryPage } from './items.ts';
import { conflictWith, writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

/** Strongly consistent: every API request reads the caller's profile, and a change must hold on the next one. */
export const get: UserRepository['get'] = (userId) =>
  getItem(userItem, keys.user(userId), { consistent: true });

export const findByEmail: UserRepository['findByEmail'] = async (email) => {
  const ref = await getItem(userEmailItem, keys.userEmail(email));
  return ref ? get(ref.userId) : undefined;
};

export const list: UserRepository['list'] = (filter, limit, token) =>
  queryPage(
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

export const create: UserRepository['create'] = async (user, audit) => {
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
};

export const update: UserRepository['update'] = async (user, expectedVersion, audit) => {
  const result = await writeItems([{ put: userItem.toItem(user), when: { version: expectedVersion } }], {
    audit: { entry: audit },
  });
  return result.committed;
};

export const userRepository: UserRepository = { get, findByEmail, list, create, update };
