/**
 * Province-scoped admins and reviewers (`custom:scope` = `province:<name>`) can only be judged with the
 * entity's province, which the path does not carry: these helpers look it up (only for such actors) and hand
 * the completed resource to the policy. An unknown entity has no province, so the check cannot pass.
 */
import type { Actor } from '../domain/actor.ts';
import { type Action, authorize, decide, type Resource } from '../domain/policy.ts';
import type { OrganizationRepository } from '../ports.ts';

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
