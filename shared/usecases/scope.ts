/**
 * Province-scoped admins and reviewers (`custom:scope` = `province:<name>`) can only be judged with the
 * entity's province, which the path does not carry: these helpers look it up (only for such actors) and hand
 * the completed resource to the policy. An unknown entity has no province, so the check cannot pass.
 */
import type { Actor, ActorScope } from '#domain/actor.ts';
import { ForbiddenError } from '#domain/errors.ts';
import { type Action, authorize, decide, type Resource } from '#domain/policy.ts';
import type { OrganizationRepository } from '#ports.ts';

export interface ScopeDeps {
  org: Pick<OrganizationRepository, 'getEntity'>;
}

/** The resource with its entity's province added when the actor's scope is a province (and it is missing). */
export async function resourceWithProvince(
  deps: ScopeDeps,
  actor: Actor,
  resource: Resource,
): Promise<Resource> {
  if (actor.scope?.kind !== 'province' || !resource.entityId || resource.province !== undefined)
    return resource;
  const province = (await deps.org.getEntity(resource.entityId))?.province;
  return province === undefined ? resource : { ...resource, province };
}

/** `authorize` with the entity's province looked up for province-scoped actors. */
export async function authorizeInScope(
  deps: ScopeDeps,
  actor: Actor,
  action: Action,
  resource: Resource,
): Promise<void> {
  authorize(actor, action, await resourceWithProvince(deps, actor, resource));
}

/** `decide(...).allow` with the entity's province looked up for province-scoped actors. */
export async function allowedInScope(
  deps: ScopeDeps,
  actor: Actor,
  action: Action,
  resource: Resource,
): Promise<boolean> {
  return decide(actor, action, await resourceWithProvince(deps, actor, resource)).allow;
}

/**
 * Keeps the items whose entity the actor may act on. Province-scoped actors need each entity's province:
 * one lookup per distinct entity of the page. Items without an entity are kept (as the callers' rules say).
 */
export async function filterInScope<T extends { entityId?: string }>(
  deps: ScopeDeps,
  actor: Actor,
  action: Action,
  items: readonly T[],
): Promise<T[]> {
  const provinces = new Map<string, string | undefined>();
  if (actor.scope?.kind === 'province')
    for (const id of new Set(items.flatMap((i) => (i.entityId ? [i.entityId] : []))))
      provinces.set(id, (await deps.org.getEntity(id))?.province);
  return items.filter(
    (i) =>
      !i.entityId ||
      decide(actor, action, { entityId: i.entityId, province: provinces.get(i.entityId) }).allow,
  );
}

/** Where a user's placement lets them act: members and leaders their entity; admins and reviewers their scope. */
export function reachOf(p: { role: Actor['role']; entityId?: string; scope?: ActorScope }): ActorScope {
  if (p.role === 'member' || p.role === 'leader')
    return { kind: 'entities', entityIds: p.entityId ? [p.entityId] : [] };
  return p.scope ?? { kind: 'all' };
}

/**
 * Whether `reach` lies inside the actor's own scope. A scoped admin may place people only inside it: never grant
 * (to someone else, or to themselves) a province, entity or "everything" they do not hold, nor manage someone
 * who reaches further than they do.
 */
export async function withinActorScope(deps: ScopeDeps, actor: Actor, reach: ActorScope): Promise<boolean> {
  const own = actor.scope ?? { kind: 'all' };
  if (own.kind === 'all') return true;
  if (reach.kind === 'all') return false;
  if (own.kind === 'entities')
    return reach.kind === 'entities' && reach.entityIds.every((e) => own.entityIds.includes(e));
  if (reach.kind === 'province') return reach.province === own.province;
  for (const e of reach.entityIds) if ((await deps.org.getEntity(e))?.province !== own.province) return false;
  return true;
}

export async function requireWithinActorScope(deps: ScopeDeps, actor: Actor, reach: ActorScope) {
  if (!(await withinActorScope(deps, actor, reach)))
    throw new ForbiddenError('OUT_OF_SCOPE', {
      vi: 'Bạn chỉ được giao quyền trong phạm vi của mình: không giao hay quản lý phạm vi rộng hơn.',
      en: 'You can only grant access inside your own scope: not manage or grant a wider one.',
    });
}
