/**
 * Two-step sign-in (TOTP) as the API knows it: the profile records what the identity provider reported and
 * when, so the per-request check (current-actor.ts) needs no call to Cognito. Only these use cases write it,
 * and only from the provider's answer, never from the client. docs/access.md, "MFA".
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import { ConflictError, NotFoundError } from '#domain/errors.ts';
import type { MfaStatus, UserProfile } from '#domain/user.ts';
import type { Clock, IdGenerator, UserDirectory, UserRepository } from '#ports.ts';
import { MFA_ROLES } from './current-actor.ts';
import { authorizeInScope, reachOf, requireWithinActorScope, type ScopeDeps } from './scope.ts';

interface Deps {
  users: UserRepository;
  directory: Pick<UserDirectory, 'mfaEnabled' | 'resetMfa'>;
  clock: Clock;
  ids: IdGenerator;
}

const audit = (deps: Deps, actor: Actor, action: string, user: UserProfile, next: UserProfile) => ({
  auditId: deps.ids.next(),
  at: deps.clock.now().toISOString(),
  actor: actorRef(actor),
  action,
  subject: `user/${user.userId}`,
  before: { mfa: user.mfa },
  after: { mfa: next.mfa },
});

const noProfile = () =>
  new NotFoundError({ vi: 'Không tìm thấy hồ sơ người dùng.', en: 'User profile not found.' });

/**
 * Asks the directory whether the caller has TOTP on and records the answer with the time of asking. The web
 * app calls it after enrolling and whenever the API answers MFA_REQUIRED (an admin's new sign-in). A
 * concurrent change of the profile (an admin editing it) is retried on the fresh copy, not refused.
 */
export async function checkMyMfa(deps: Deps, actor: Actor): Promise<MfaStatus> {
  for (let attempt = 0; ; attempt++) {
    const current = await deps.users.get(actor.userId);
    if (!current) throw noProfile();
    const enabled = await deps.directory.mfaEnabled(current.email);
    const now = deps.clock.now().toISOString();
    const next: UserProfile = {
      ...current,
      mfa: { enabled, checkedAt: now },
      ...(current.mfa?.enabled !== enabled ? { updatedAt: now } : {}),
      version: current.version + 1,
    };
    const action =
      current.mfa?.enabled === enabled ? 'user.mfa-check' : enabled ? 'user.mfa-on' : 'user.mfa-off';
    if (await deps.users.update(next, current.version, audit(deps, actor, action, current, next)))
      return { enabled, required: MFA_ROLES.has(current.role), checkedAt: now };
    if (attempt >= 2)
      throw new ConflictError({
        vi: 'Hồ sơ của bạn đang được cập nhật. Vui lòng thử lại.',
        en: 'Your profile is being updated. Please try again.',
      });
  }
}

/** An admin turns a user's TOTP off (a lost phone); the user signs in with the password and enrols again. */
export async function resetUserMfa(
  deps: Deps & ScopeDeps,
  actor: Actor,
  userId: string,
  input: { version: number },
): Promise<UserProfile> {
  const current = await deps.users.get(userId);
  if (!current)
    throw new NotFoundError({
      vi: `Không tìm thấy người dùng "${userId}".`,
      en: `User "${userId}" not found.`,
    });
  await authorizeInScope(deps, actor, 'user:admin', { entityId: current.entityId });
  await requireWithinActorScope(deps, actor, reachOf(current));
  const stale = (u: UserProfile) =>
    new ConflictError(
      {
        vi: 'Người dùng vừa được người khác cập nhật. Hãy xem lại thông tin mới nhất rồi thử lại.',
        en: 'Someone else just changed this user. Review the latest details and try again.',
      },
      u,
    );
  if (current.version !== input.version) throw stale(current);
  await deps.directory.resetMfa(current.email);
  const now = deps.clock.now().toISOString();
  const next: UserProfile = {
    ...current,
    mfa: { enabled: false, checkedAt: now },
    updatedAt: now,
    version: current.version + 1,
  };
  if (!(await deps.users.update(next, current.version, audit(deps, actor, 'user.mfa-reset', current, next))))
    throw stale((await deps.users.get(userId)) ?? current);
  return next;
}
