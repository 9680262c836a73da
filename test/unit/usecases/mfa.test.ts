/** Two-step sign-in: the profile records what the directory says, when; an admin's reset turns it off. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '#domain/errors.ts';
import { checkMyMfa, resetUserMfa } from '#usecases/mfa.ts';
import { actors, memoryPorts, NOW, profileOf, rejection, type World, world } from './support.ts';

let w: World;
let deps: ReturnType<typeof memoryPorts>;
beforeEach(() => {
  w = world();
  deps = memoryPorts(w);
  w.users.set(
    'u-admin',
    profileOf({ userId: 'u-admin', role: 'admin', entityId: undefined, unitId: undefined }),
  );
  w.users.set('u-member-a1', profileOf({ userId: 'u-member-a1' }));
  w.users.set('hn', profileOf({ userId: 'hn', entityId: 'so-hn', unitId: undefined }));
});

describe('checkMyMfa', () => {
  it("records the directory's 'on' with the time of asking, audits user.mfa-on; admins require it", async () => {
    w.mfa.set('u-admin@so.gov.vn', true);
    expect(await checkMyMfa(deps, actors.admin)).toEqual({ enabled: true, required: true, checkedAt: NOW });
    expect(w.users.get('u-admin')).toMatchObject({
      mfa: { enabled: true, checkedAt: NOW },
      updatedAt: NOW,
      version: 2,
    });
    expect(w.audit).toEqual([
      expect.objectContaining({
        action: 'user.mfa-on',
        subject: 'user/u-admin',
        before: { mfa: undefined },
        after: { mfa: { enabled: true, checkedAt: NOW } },
      }),
    ]);
  });

  it('the same answer again is a check (updatedAt unchanged); a member is not required', async () => {
    w.users.set(
      'u-member-a1',
      profileOf({ userId: 'u-member-a1', mfa: { enabled: false, checkedAt: '2026-02-01T00:00:00.000Z' } }),
    );
    expect(await checkMyMfa(deps, actors.memberA1)).toEqual({
      enabled: false,
      required: false,
      checkedAt: NOW,
    });
    expect(w.users.get('u-member-a1')).toMatchObject({ updatedAt: '2026-01-01T00:00:00.000Z', version: 2 });
    expect(w.audit.map((a) => a.action)).toEqual(['user.mfa-check']);
  });

  it('retries on a concurrent profile change and succeeds on the fresh copy', async () => {
    let failures = 1;
    const racing = { ...deps, users: { ...deps.users } };
    racing.users.update = async (u, v, a) => (failures-- > 0 ? false : deps.users.update(u, v, a));
    expect((await checkMyMfa(racing, actors.admin)).enabled).toBe(false);
    expect(w.users.get('u-admin')!.version).toBe(2);
  });

  it('gives up with a conflict after three lost races', async () => {
    const racing = { ...deps, users: { ...deps.users, update: async () => false } };
    expect(await rejection(checkMyMfa(racing, actors.admin))).toBeInstanceOf(ConflictError);
  });

  it('no profile → not found', async () => {
    expect(await rejection(checkMyMfa(deps, actors.leaderB))).toBeInstanceOf(NotFoundError);
  });
});

describe('resetUserMfa', () => {
  beforeEach(() => {
    w.mfa.set('u-member-a1@so.gov.vn', true);
    w.users.set(
      'u-member-a1',
      profileOf({
        userId: 'u-member-a1',
        mfa: { enabled: true, checkedAt: '2026-02-01T00:00:00.000Z' },
        version: 4,
      }),
    );
  });

  it('turns TOTP off in the directory and the profile, version + 1, audited', async () => {
    const next = await resetUserMfa(deps, actors.admin, 'u-member-a1', { version: 4 });
    expect(next).toMatchObject({ mfa: { enabled: false, checkedAt: NOW }, updatedAt: NOW, version: 5 });
    expect(w.mfa.get('u-member-a1@so.gov.vn')).toBe(false);
    expect(w.directoryCalls).toEqual([['resetMfa', 'u-member-a1@so.gov.vn']]);
    expect(w.audit).toEqual([
      expect.objectContaining({ action: 'user.mfa-reset', subject: 'user/u-member-a1' }),
    ]);
  });

  it('stale version → conflict, and the directory is not touched', async () => {
    const e = await rejection(resetUserMfa(deps, actors.admin, 'u-member-a1', { version: 3 }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as unknown as ConflictError).current).toMatchObject({ version: 4 });
    expect(w.directoryCalls).toEqual([]);
  });

  it('unknown user → not found; leaders and out-of-province admins → forbidden', async () => {
    expect(await rejection(resetUserMfa(deps, actors.admin, 'ghost', { version: 1 }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(resetUserMfa(deps, actors.leaderA, 'u-member-a1', { version: 4 }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rejection(resetUserMfa(deps, actors.adminKH, 'hn', { version: 1 }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(w.directoryCalls).toEqual([]);
  });
});
