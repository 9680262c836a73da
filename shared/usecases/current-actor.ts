/**
 * Who may act on this request: the token proves the identity, the stored profile says what that person may do
 * now. One strongly consistent read per request, so disabling, deleting, demoting or moving a user takes effect
 * on their next request instead of when their token expires (docs/access.md, "Revocation").
 */
import { type Actor, identityFromClaims } from '../domain/actor.ts';
import { UnauthenticatedError } from '../domain/errors.ts';
import type { Clock, UserRepository } from '../ports.ts';

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

export async function currentActor(
  deps: CurrentActorDeps,
  claims: Record<string, unknown> | undefined,
): Promise<Actor> {
  const token = identityFromClaims(claims, deps.clock.now());
  const profile = await deps.users.get(token.userId);
  if (!profile) throw new UnauthenticatedError(NO_ACCOUNT);
  if (!profile.enabled) throw new UnauthenticatedError(ACCOUNT_DISABLED, 'ACCOUNT_DISABLED');
  // `iat` has whole seconds: a token of the same second as the change still acts, with the reach read below.
  if (profile.sessionsValidFrom && token.issuedAt < Math.floor(Date.parse(profile.sessionsValidFrom) / 1000))
    throw new UnauthenticatedError(ACCESS_CHANGED, 'ACCESS_CHANGED');
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
