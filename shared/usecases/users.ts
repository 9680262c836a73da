import { type Actor, actorRef } from '#domain/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { type InviteUser, scopeClaim, type UpdateUser, type UserProfile } from '#domain/user.ts';
import type {
  Clock,
  IdGenerator,
  OrganizationRepository,
  Page,
  UserDirectory,
  UserRepository,
} from '#ports.ts';
import { authorizeInScope, filterInScope, reachOf, requireWithinActorScope } from './scope.ts';

interface Deps {
  users: UserRepository;
  directory: UserDirectory;
  org: OrganizationRepository;
  clock: Clock;
  ids: IdGenerator;
}

const userNotFound = (userId: string) =>
  new NotFoundError({ vi: `Không tìm thấy người dùng "${userId}".`, en: `User "${userId}" not found.` });

const stale = (current: UserProfile) =>
  new ConflictError(
    {
      vi: 'Người dùng vừa được người khác cập nhật. Hãy xem lại thông tin mới nhất rồi lưu lại.',
      en: 'Someone else just changed this user. Review the latest details and save again.',
    },
    current,
  );

/** The entity and unit a user is placed in must exist, and the unit must belong to the entity. */
async function checkPlacement(org: OrganizationRepository, p: { entityId?: string; unitId?: string }) {
  if (!p.entityId) return;
  const entity = await org.getEntity(p.entityId);
  if (!entity)
    throw new ValidationError([
      {
        field: 'body.entityId',
        message: { vi: `Không có cơ quan "${p.entityId}".`, en: `Entity "${p.entityId}" does not exist.` },
      },
    ]);
  if (p.unitId && !(await org.listUnits(p.entityId)).some((u) => u.unitId === p.unitId))
    throw new ValidationError([
      {
        field: 'body.unitId',
        message: {
          vi: `Phòng/đơn vị "${p.unitId}" không thuộc cơ quan này.`,
          en: `Unit "${p.unitId}" does not belong to this entity.`,
        },
      },
    ]);
}

/** Role, entity, unit or scope differ: what the caller may reach is no longer what their tokens were issued for. */
function placementChanged(
  current: Pick<UserProfile, 'role' | 'entityId' | 'unitId' | 'scope'>,
  next: Pick<UserProfile, 'role' | 'entityId' | 'unitId' | 'scope'>,
): boolean {
  return (
    current.role !== next.role ||
    current.entityId !== next.entityId ||
    current.unitId !== next.unitId ||
    scopeClaim(current.scope) !== scopeClaim(next.scope)
  );
}

const auditOf = (
  deps: Deps,
  actor: Actor,
  action: string,
  subject: string,
  before?: unknown,
  after?: unknown,
) => ({
  auditId: deps.ids.next(),
  at: deps.clock.now().toISOString(),
  actor: actorRef(actor),
  action,
  subject,
  before,
  after,
});

export async function listUsers(
  deps: { users: Pick<UserRepository, 'list'>; org: Pick<OrganizationRepository, 'getEntity'> },
  actor: Actor,
  filter: { entityId?: string },
  limit: number,
  cursor?: string,
): Promise<Page<UserProfile>> {
  // Leaders see their own entity's people (asking for another entity is refused, not ignored); admins whom
  // their scope reaches (a province: its entities' people).
  const entityId = filter.entityId ?? (actor.role === 'leader' ? actor.entityId : undefined);
  await authorizeInScope(deps, actor, 'user:read', { entityId });
  const page = await deps.users.list({ entityId }, limit, cursor);
  return { ...page, items: await filterInScope(deps, actor, 'user:read', page.items) };
}

export async function inviteUser(deps: Deps, actor: Actor, input: InviteUser): Promise<UserProfile> {
  await authorizeInScope(deps, actor, 'user:admin', { entityId: input.entityId });
  await requireWithinActorScope(deps, actor, reachOf(input));
  await checkPlacement(deps.org, input);
  if (await deps.users.findByEmail(input.email))
    throw new ConflictError({
      vi: `Đã có tài khoản với thư điện tử ${input.email}.`,
      en: `An account with e-mail ${input.email} already exists.`,
    });
  const { userId } = await deps.directory.invite(input);
  const now = deps.clock.now().toISOString();
  const user: UserProfile = { userId, ...input, enabled: true, createdAt: now, updatedAt: now, version: 1 };
  await deps.users.create(user, auditOf(deps, actor, 'user.invite', `user/${userId}`, undefined, user));
  return user;
}

export async function updateUser(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: UpdateUser,
): Promise<UserProfile> {
  const current = await deps.users.get(userId);
  if (!current) throw userNotFound(userId);
  // Both where the user is and where they are moved to must be in the admin's reach.
  await authorizeInScope(deps, actor, 'user:admin', { entityId: current.entityId });
  await authorizeInScope(deps, actor, 'user:admin', { entityId: input.entityId });
  // Nor may a scoped admin manage someone who reaches further, or widen anyone's reach (their own included).
  await requireWithinActorScope(deps, actor, reachOf(current));
  await requireWithinActorScope(deps, actor, reachOf(input));
  if (current.version !== input.version) throw stale(current);
  await checkPlacement(deps.org, input);
  const { version: _v, ...changes } = input;
  const now = deps.clock.now().toISOString();
  const next: UserProfile = {
    ...current,
    ...changes,
    name: input.name ?? current.name,
    // Placement is replaced as a whole: a reviewer promoted to member loses the scope, and so on.
    entityId: input.entityId,
    unitId: input.unitId,
    scope: input.scope,
    // A new role or placement ends the sessions that knew the old one (docs/access.md, "Revocation").
    ...(placementChanged(current, input) ? { sessionsValidFrom: now } : {}),
    updatedAt: now,
    version: current.version + 1,
  };
  await deps.directory.update(current.email, next);
  const ok = await deps.users.update(
    next,
    current.version,
    auditOf(deps, actor, 'user.update', `user/${userId}`, current, next),
  );
  if (!ok) throw stale((await deps.users.get(userId)) ?? current);
  return next;
}

export async function setUserEnabled(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: { version: number; enabled: boolean },
): Promise<UserProfile> {
  const current = await deps.users.get(userId);
  if (!current) throw userNotFound(userId);
  await authorizeInScope(deps, actor, 'user:admin', { entityId: current.entityId });
  await requireWithinActorScope(deps, actor, reachOf(current));
  if (userId === actor.userId && !input.enabled)
    throw new ValidationError([
      {
        field: 'body.enabled',
        message: {
          vi: 'Bạn không thể tự khoá tài khoản của mình.',
          en: 'You cannot disable your own account.',
        },
      },
    ]);
  if (current.version !== input.version) throw stale(current);
  const now = deps.clock.now().toISOString();
  const next: UserProfile = {
    ...current,
    enabled: input.enabled,
    // Disabling ends every session; enabling again does not bring the old tokens back.
    ...(input.enabled ? {} : { sessionsValidFrom: now }),
    updatedAt: now,
    version: current.version + 1,
  };
  await deps.directory.setEnabled(current.email, input.enabled);
  const action = input.enabled ? 'user.enable' : 'user.disable';
  const ok = await deps.users.update(
    next,
    current.version,
    auditOf(deps, actor, action, `user/${userId}`, current, next),
  );
  if (!ok) throw stale((await deps.users.get(userId)) ?? current);
  return next;
}
