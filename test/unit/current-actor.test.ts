/** The caller's reach comes from the stored profile as it is now; the token only says who they are. */
import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '#domain/errors.ts';
import type { UserProfile } from '#domain/user.ts';
import { currentActor } from '#usecases/current-actor.ts';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const T = NOW.getTime() / 1000;

const profile = (p: Partial<UserProfile> = {}): UserProfile => ({
  userId: 'u-1',
  email: 'chuyenvien@so.gov.vn',
  name: 'Phạm Thị Chuyên Viên',
  role: 'member',
  entityId: 'so-a',
  unitId: 'phong-1',
  enabled: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...p,
});

const depsWith = (stored: UserProfile | undefined) => {
  const reads: string[] = [];
  return {
    reads,
    deps: {
      users: {
        get: async (userId: string) => {
          reads.push(userId);
          return stored;
        },
      },
      clock: { now: () => NOW },
    },
  };
};

// The claims a token carried when it was issued: a leader of another entity, whatever the profile says now.
const claims = (c: Record<string, unknown> = {}) => ({
  sub: 'u-1',
  email: 'chuyenvien@so.gov.vn',
  iat: String(T - 600),
  exp: String(T + 3000),
  'cognito:groups': '[leader]',
  'custom:entity_id': 'so-b',
  'custom:unit_id': 'phong-9',
  ...c,
});

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UnauthenticatedError);
  return e as UnauthenticatedError;
};

describe('currentActor', () => {
  it('takes role, entity, unit from the profile and identity from the token, in one read by sub', async () => {
    const { deps, reads } = depsWith(profile());
    expect(await currentActor(deps, claims())).toEqual({
      userId: 'u-1',
      email: 'chuyenvien@so.gov.vn',
      name: 'Phạm Thị Chuyên Viên',
      role: 'member',
      entityId: 'so-a',
      unitId: 'phong-1',
    });
    expect(reads).toEqual(['u-1']);
  });

  it('admins and reviewers carry the profile scope; absent means everything', async () => {
    const scoped = depsWith(
      profile({
        role: 'reviewer',
        entityId: undefined,
        unitId: undefined,
        scope: { kind: 'province', province: 'Ninh Thuận' },
      }),
    );
    expect((await currentActor(scoped.deps, claims())).scope).toEqual({
      kind: 'province',
      province: 'Ninh Thuận',
    });
    const all = depsWith(
      profile({
        role: 'admin',
        entityId: undefined,
        unitId: undefined,
        mfa: { enabled: true, checkedAt: NOW.toISOString() },
      }),
    );
    expect((await currentActor(all.deps, claims({ 'custom:scope': 'province:Khánh Hòa' }))).scope).toEqual({
      kind: 'all',
    });
  });

  it('no profile (unknown or deleted) → 401 UNAUTHENTICATED', async () => {
    expect((await refusal(currentActor(depsWith(undefined).deps, claims()))).code).toBe('UNAUTHENTICATED');
  });

  it('a disabled profile → 401 ACCOUNT_DISABLED, whatever the token says', async () => {
    const e = await refusal(currentActor(depsWith(profile({ enabled: false })).deps, claims()));
    expect(e.code).toBe('ACCOUNT_DISABLED');
    expect(e.detail.vi).toContain('khoá');
  });

  it('a token issued before sessionsValidFrom → 401 ACCESS_CHANGED; one from that second or later acts', async () => {
    const changedAt = new Date((T - 300) * 1000 + 400).toISOString();
    const deps = depsWith(profile({ sessionsValidFrom: changedAt })).deps;
    const e = await refusal(currentActor(deps, claims({ iat: String(T - 301) })));
    expect(e.code).toBe('ACCESS_CHANGED');
    expect(e.detail).toEqual({
      vi: 'Quyền truy cập của bạn vừa thay đổi, vui lòng đăng nhập lại.',
      en: 'Your access has changed, please sign in again.',
    });
    expect((await currentActor(deps, claims({ iat: String(T - 300) }))).role).toBe('member');
    expect((await currentActor(deps, claims({ iat: T - 10 }))).role).toBe('member');
  });

  it('a token without exp or iat, or expired, is refused before any read', async () => {
    const { deps, reads } = depsWith(profile());
    for (const c of [claims({ exp: undefined }), claims({ iat: undefined }), claims({ exp: String(T - 1) })])
      expect((await refusal(currentActor(deps, c))).code).toBe('UNAUTHENTICATED');
    expect(reads).toEqual([]);
  });
});

describe('admins act only with a second factor the directory confirmed after their sign-in', () => {
  const SIGNED_IN = T - 600;
  const admin = (mfa?: UserProfile['mfa'], p: Partial<UserProfile> = {}) =>
    depsWith(profile({ role: 'admin', entityId: undefined, unitId: undefined, mfa, ...p })).deps;
  const at = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();
  const signedIn = (c: Record<string, unknown> = {}) =>
    claims({ iat: String(T - 60), auth_time: String(SIGNED_IN), ...c });
  const mfaRefusal = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ForbiddenError);
    expect((e as ForbiddenError).reason).toBe('MFA_REQUIRED');
    expect((e as ForbiddenError).detail.vi).toContain('xác thực hai bước');
    expect((e as ForbiddenError).detail.en).toContain('two-step');
  };

  it('TOTP on, checked at or after the sign-in → acts (refreshed tokens keep auth_time)', async () => {
    for (const checked of [SIGNED_IN, SIGNED_IN + 30])
      expect((await currentActor(admin({ enabled: true, checkedAt: at(checked) }), signedIn())).role).toBe(
        'admin',
      );
  });

  it('no record, TOTP off, or checked before this sign-in → 403 MFA_REQUIRED', async () => {
    await mfaRefusal(currentActor(admin(undefined), signedIn()));
    await mfaRefusal(currentActor(admin({ enabled: false, checkedAt: at(SIGNED_IN + 30) }), signedIn()));
    // Switched off and signed in again without a code: the old "on" predates this sign-in.
    await mfaRefusal(currentActor(admin({ enabled: true, checkedAt: at(SIGNED_IN - 1) }), signedIn()));
  });

  it('without auth_time, iat stands in (never earlier than the sign-in)', async () => {
    const mfa = { enabled: true, checkedAt: at(T - 120) };
    expect((await currentActor(admin(mfa), claims({ iat: String(T - 120) }))).role).toBe('admin');
    await mfaRefusal(currentActor(admin(mfa), claims({ iat: String(T - 60) })));
  });

  it('a token whose amr lists the methods must list mfa (as an array or as API Gateway passes it)', async () => {
    const mfa = { enabled: true, checkedAt: at(SIGNED_IN + 30) };
    await mfaRefusal(currentActor(admin(mfa), signedIn({ amr: ['pwd'] })));
    await mfaRefusal(currentActor(admin(mfa), signedIn({ amr: '[pwd]' })));
    expect((await currentActor(admin(mfa), signedIn({ amr: ['pwd', 'otp', 'mfa'] }))).role).toBe('admin');
    expect((await currentActor(admin(mfa), signedIn({ amr: '[pwd otp mfa]' }))).role).toBe('admin');
  });

  it('the enrolment routes let an admin without MFA through; other roles never need it', async () => {
    expect((await currentActor(admin(undefined), signedIn(), { allowWithoutMfa: true })).role).toBe('admin');
    for (const role of ['reviewer', 'leader', 'member'] as const)
      expect((await currentActor(depsWith(profile({ role })).deps, signedIn())).role).toBe(role);
  });

  it('revocation comes first: a disabled admin without MFA hears 401, not 403', async () => {
    const e = await refusal(currentActor(admin(undefined, { enabled: false }), signedIn()));
    expect(e.code).toBe('ACCOUNT_DISABLED');
  });
});
