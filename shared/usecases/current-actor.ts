/**
 * Who may act on this request: the token proves the identity, the stored profile says what that person may do
 * now. One strongly consistent read per request, so disabling, deleting, demoting or moving a user takes effect
 * on their next request instead of when their token expires (docs/access.md, "Revocation").
 */
import { type Actor, identityFromClaims } from '#domain/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '#domain/errors.ts';
import type { UserProfile } from '#domain/user.ts';
import type { Clock, UserRepository } from '#ports.ts';

export interface CurrentActorDeps {
  /** Must read the latest write (a strongly consistent read in DynamoDB). */
  users: Pick<UserRepository, 'get'>;
  clock: Clock;
}

export const NO_ACCOUNT = {
  vi: 'Tài khoản không còn tồn tại. Liên hệ quản trị viên.',
  en: 'This account no longer exists. Contact your administrator.',
};
export const ACCOUNT_DISABLED = {
  vi: 'Tài khoản của bạn đã bị khoá. Liên hệ quản trị viên.',
  en: 'Your account has been disabled. Contact your administrator.',
};
export const ACCESS_CHANGED = {
  vi: 'Quyền truy cập của bạn vừa thay đổi, vui lòng đăng nhập lại.',
  en: 'Your access has changed, please sign in again.',
};

export const MFA_REQUIRED = {
  vi: 'Quản trị viên phải đăng nhập với xác thực hai bước (ứng dụng xác thực). Hãy bật hoặc xác nhận lại ở trang Bảo mật.',
  en: 'Administrators must sign in with two-step verification (an authenticator app). Turn it on or confirm it on the Security page.',
};

/** Roles that may act only after a second factor (docs/access.md, "MFA"). */
export const MFA_ROLES: ReadonlySet<UserProfile['role']> = new Set(['admin']);

/**
 * Whether this sign-in may act for a role that needs two-step sign-in: the directory said TOTP was on when it
 * was last asked, and it was asked after this sign-in (so switching TOTP off and signing in again is caught at
 * the next check); a token whose `amr` lists the methods must list `mfa`. Without `auth_time`, `iat` stands in
 * (a sign-in is never later than the token it produced).
 */
export function mfaSatisfied(
  profile: Pick<UserProfile, 'mfa'>,
  token: { issuedAt: number; authTime?: number; methods?: string[] },
): boolean {
  if (!profile.mfa?.enabled) return false;
  if (token.methods && !token.methods.includes('mfa')) return false;
  const signedInAt = token.authTime ?? token.issuedAt;
  return Math.floor(Date.parse(profile.mfa.checkedAt) / 1000) >= signedInAt;
}

export interface CurrentActorOptions {
  /** The route serves enrolment itself (who am I, check my MFA): an admin without MFA may call it. */
  allowWithoutMfa?: boolean;
}

export async function currentActor(
  deps: CurrentActorDeps,
  claims: Record<string, unknown> | undefined,
  options: CurrentActorOptions = {},
): Promise<Actor> {
  const token = identityFromClaims(claims, deps.clock.now());
  const profile = await deps.users.get(token.userId);
  if (!profile) throw new UnauthenticatedError(NO_ACCOUNT);
  if (!profile.enabled) throw new UnauthenticatedError(ACCOUNT_DISABLED, 'ACCOUNT_DISABLED');
  // `iat` has whole seconds: a token of the same second as the change still acts, with the reach read below.
  if (profile.sessionsValidFrom && token.issuedAt < Math.floor(Date.parse(profile.sessionsValidFrom) / 1000))
    throw new UnauthenticatedError(ACCESS_CHANGED, 'ACCESS_CHANGED');
  // After the revocation checks: a disabled or changed account hears that first.
  if (MFA_ROLES.has(profile.role) && !options.allowWithoutMfa && !mfaSatisfied(profile, token))
    throw new ForbiddenError('MFA_REQUIRED', MFA_REQUIRED);
  const wide = profile.role === 'admin' || profile.role === 'reviewer';
  return {
    userId: token.userId,
    email: token.email ?? profile.email,
    name: token.name ?? profile.name,
    role: profile.role,
    ...(profile.entityId ? { entityId: profile.entityId } : {}),
    ...(profile.unitId ? { unitId: profile.unitId } : {}),
    // Absent means everything, for the roles that carry a scope at all.
    ...(wide ? { scope: profile.scope ?? { kind: 'all' } } : {}),
  };
}
