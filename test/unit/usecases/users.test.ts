/** People: invite, change placement, enable/disable — each with its audit entry and the directory's call. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { inviteUser, listUsers, setUserEnabled, updateUser } from '#usecases/users.ts';
import { actors, memoryPorts, NOW, profileOf, rejection, type World, world } from './support.ts';

let w: World;
let deps: ReturnType<typeof memoryPorts>;
beforeEach(() => {
  w = world();
  deps = memoryPorts(w);
  for (const u of [
    profileOf({ userId: 'm1' }),
    profileOf({ userId: 'm2', entityId: 'so-b', unitId: 'phong-b1' }),
    profileOf({ userId: 'hn', entityId: 'so-hn', unitId: undefined }),
    profileOf({ userId: 'rv', role: 'reviewer', entityId: undefined, unitId: undefined }),
  ])
    w.users.set(u.userId, u);
});

describe('listUsers', () => {
  it("a leader sees only their own entity's people", async () => {
    const page = await listUsers(deps, actors.leaderA, {}, 50);
    expect(page.items.map((u) => u.userId)).toEqual(['m1']);
  });

  it('a leader asking for another entity is refused, not given their own', async () => {
    const e = await rejection(listUsers(deps, actors.leaderA, { entityId: 'so-b' }, 50));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e.reason).toBe('OTHER_ENTITY');
  });

  it("a province-scoped admin gets only that province's entities' people (and nobody without an entity)", async () => {
    const page = await listUsers(deps, actors.adminKH, {}, 50);
    expect(page.items.map((u) => u.userId).sort()).toEqual(['m1', 'm2', 'rv']);
  });

  it('members may not list people', async () => {
    const e = await rejection(listUsers(deps, actors.memberA1, {}, 50));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e.reason).toBe('ROLE_NOT_ALLOWED');
  });
});

describe('inviteUser', () => {
  const input = {
    email: 'moi@so.gov.vn',
    name: 'Nguyễn Văn Mới',
    role: 'member' as const,
    entityId: 'so-a',
    unitId: 'phong-2',
  };

  it('creates the account in the directory, stores the profile at version 1 and audits it', async () => {
    const user = await inviteUser(deps, actors.admin, input);
    expect(user).toEqual({
      userId: 'idp-1',
      ...input,
      enabled: true,
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    });
    expect(w.users.get('idp-1')).toEqual(user);
    expect(w.directoryCalls).toEqual([['invite', 'moi@so.gov.vn']]);
    expect(w.audit).toEqual([
      expect.objectContaining({
        action: 'user.invite',
        subject: 'user/idp-1',
        at: NOW,
        actor: { userId: 'u-admin', role: 'admin', name: 'Quản trị' },
        after: user,
      }),
    ]);
  });

  it('an e-mail already in use is a conflict, and the directory is not asked', async () => {
    const e = await rejection(inviteUser(deps, actors.admin, { ...input, email: 'm1@so.gov.vn' }));
    expect(e).toBeInstanceOf(ConflictError);
    expect(w.directoryCalls).toEqual([]);
    expect(w.audit).toEqual([]);
  });

  it('a unit of another entity is a validation error on body.unitId', async () => {
    const e = await rejection(inviteUser(deps, actors.admin, { ...input, unitId: 'phong-b1' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as unknown as ValidationError).issues.map((i) => i.field)).toEqual(['body.unitId']);
  });

  it('an unknown entity is a validation error on body.entityId', async () => {
    const e = await rejection(
      inviteUser(deps, actors.admin, { ...input, entityId: 'nope', unitId: undefined }),
    );
    expect((e as unknown as ValidationError).issues.map((i) => i.field)).toEqual(['body.entityId']);
  });

  it('a province-scoped admin cannot invite into another province nor grant "everything"', async () => {
    const other = await rejection(
      inviteUser(deps, actors.adminKH, { ...input, entityId: 'so-hn', unitId: undefined }),
    );
    expect(other).toBeInstanceOf(ForbiddenError);
    const wider = await rejection(
      inviteUser(deps, actors.adminKH, {
        email: 'rv2@so.gov.vn',
        name: 'Thẩm định 2',
        role: 'reviewer',
        scope: { kind: 'all' },
      }),
    );
    expect(wider).toBeInstanceOf(ForbiddenError);
    expect(wider.reason).toBe('OUT_OF_SCOPE');
    expect(w.users.size).toBe(4);
  });

  it('leaders cannot invite', async () => {
    expect(await rejection(inviteUser(deps, actors.leaderA, input))).toBeInstanceOf(ForbiddenError);
  });
});

describe('updateUser', () => {
  it('moves a user to another unit: new version, sessions end, directory and audit updated', async () => {
    const next = await updateUser(deps, actors.admin, 'm1', {
      version: 1,
      role: 'member',
      entityId: 'so-a',
      unitId: 'phong-2',
    });
    expect(next).toMatchObject({ unitId: 'phong-2', version: 2, updatedAt: NOW, sessionsValidFrom: NOW });
    expect(w.users.get('m1')).toEqual(next);
    expect(w.directoryCalls).toEqual([['update', 'm1@so.gov.vn', 'member']]);
    expect(w.audit).toHaveLength(1);
    expect(w.audit[0]).toMatchObject({ action: 'user.update', subject: 'user/m1' });
    expect((w.audit[0]!.before as { unitId: string }).unitId).toBe('phong-1');
  });

  it('a new name alone keeps the sessions', async () => {
    const next = await updateUser(deps, actors.admin, 'm1', {
      version: 1,
      name: 'Tên mới',
      role: 'member',
      entityId: 'so-a',
      unitId: 'phong-1',
    });
    expect(next.name).toBe('Tên mới');
    expect(next.sessionsValidFrom).toBeUndefined();
  });

  it('a stale version is a conflict carrying the stored user; nothing is written', async () => {
    const e = await rejection(
      updateUser(deps, actors.admin, 'm1', {
        version: 3,
        role: 'leader',
        entityId: 'so-a',
        unitId: 'phong-1',
      }),
    );
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as unknown as ConflictError).current).toMatchObject({ userId: 'm1', version: 1 });
    expect(w.directoryCalls).toEqual([]);
    expect(w.users.get('m1')!.role).toBe('member');
  });

  it('an unknown user is not found', async () => {
    const e = await rejection(
      updateUser(deps, actors.admin, 'ghost', {
        version: 1,
        role: 'member',
        entityId: 'so-a',
        unitId: 'phong-1',
      }),
    );
    expect(e).toBeInstanceOf(NotFoundError);
  });

  it('a province-scoped admin may not move someone out of their province', async () => {
    const e = await rejection(
      updateUser(deps, actors.adminKH, 'm1', {
        version: 1,
        role: 'member',
        entityId: 'so-hn',
        unitId: undefined,
      }),
    );
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(w.users.get('m1')!.entityId).toBe('so-a');
  });
});

describe('setUserEnabled', () => {
  it('disabling ends sessions, tells the directory and audits user.disable', async () => {
    const next = await setUserEnabled(deps, actors.admin, 'm1', { version: 1, enabled: false });
    expect(next).toMatchObject({ enabled: false, sessionsValidFrom: NOW, version: 2 });
    expect(w.directoryCalls).toEqual([['setEnabled', 'm1@so.gov.vn', false]]);
    expect(w.audit.map((a) => a.action)).toEqual(['user.disable']);
  });

  it('enabling again does not move sessionsValidFrom', async () => {
    w.users.set(
      'm1',
      profileOf({ userId: 'm1', enabled: false, sessionsValidFrom: '2026-02-01T00:00:00.000Z' }),
    );
    const next = await setUserEnabled(deps, actors.admin, 'm1', { version: 1, enabled: true });
    expect(next).toMatchObject({ enabled: true, sessionsValidFrom: '2026-02-01T00:00:00.000Z' });
    expect(w.audit.map((a) => a.action)).toEqual(['user.enable']);
  });

  it('an admin cannot disable themselves', async () => {
    w.users.set(
      'u-admin',
      profileOf({ userId: 'u-admin', role: 'admin', entityId: undefined, unitId: undefined }),
    );
    const e = await rejection(setUserEnabled(deps, actors.admin, 'u-admin', { version: 1, enabled: false }));
    expect((e as unknown as ValidationError).issues.map((i) => i.field)).toEqual(['body.enabled']);
  });

  it('stale version → conflict; a concurrent change between read and write → conflict with the new copy', async () => {
    expect(
      await rejection(setUserEnabled(deps, actors.admin, 'm1', { version: 2, enabled: false })),
    ).toBeInstanceOf(ConflictError);
    const racing = { ...deps, users: { ...deps.users } };
    racing.users.update = async () => {
      w.users.set('m1', profileOf({ userId: 'm1', version: 2, name: 'Đổi giữa chừng' }));
      return false;
    };
    const e = await rejection(setUserEnabled(racing, actors.admin, 'm1', { version: 1, enabled: false }));
    expect((e as unknown as ConflictError).current).toMatchObject({ version: 2, name: 'Đổi giữa chừng' });
  });

  it('a reviewer cannot disable anyone', async () => {
    const e = await rejection(setUserEnabled(deps, actors.reviewer, 'm1', { version: 1, enabled: false }));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(w.users.get('m1')!.enabled).toBe(true);
  });
});
