import { beforeAll, describe, expect, it } from 'vitest';
import type { UserRepository } from '#ports.ts';
import { allPages, auditEntry, uid, userProfile } from './fixtures.ts';

export function describeUserContract(make: () => Promise<{ users: UserRepository }>) {
  describe('UserRepository contract', () => {
    let users: UserRepository;
    beforeAll(async () => {
      ({ users } = await make());
    });

    it('creates a user found by id and by e-mail; an e-mail is taken once', async () => {
      const u = userProfile();
      await users.create(u, auditEntry('user.invite'));
      expect(await users.get(u.userId)).toEqual(u);
      expect(await users.findByEmail(u.email)).toEqual(u);
      expect(await users.findByEmail(`nobody-${uid()}@contract.test`)).toBeUndefined();
      await expect(users.create({ ...userProfile(), email: u.email }, auditEntry())).rejects.toThrow();
      await expect(
        users.create({ ...u, email: `other-${uid()}@contract.test` }, auditEntry()),
      ).rejects.toThrow();
      expect(await users.get(u.userId)).toEqual(u);
    });

    it('updates at the version; false when someone changed the user first', async () => {
      const u = userProfile();
      await users.create(u, auditEntry());
      const next = { ...u, name: 'Tên mới', version: 2 };
      expect(await users.update(next, 1, auditEntry())).toBe(true);
      expect(await users.update({ ...u, version: 2 }, 1, auditEntry())).toBe(false);
      expect(await users.get(u.userId)).toEqual(next);
    });

    it('lists an entity’s users by e-mail, in pages, and all users by entity then e-mail', async () => {
      const entityId = uid('en');
      const made = [
        userProfile({ entityId, email: `c-${uid()}@contract.test` }),
        userProfile({ entityId, email: `a-${uid()}@contract.test` }),
        userProfile({ entityId, email: `b-${uid()}@contract.test` }),
      ];
      for (const u of made) await users.create(u, auditEntry());
      const { items } = await allPages((c) => users.list({ entityId }, 2, c), 2);
      expect(items.map((u) => u.email)).toEqual(made.map((u) => u.email).sort());
      const first = await users.list({}, 1000);
      const keys = first.items.map((u) => `${u.entityId ?? '_'}#${u.email}`);
      expect(keys).toEqual([...keys].sort());
    });
  });
}
