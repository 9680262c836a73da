import type { Actor } from '#domain/actor.ts';
import { NotFoundError } from '#domain/errors.ts';
import type { Entity, Unit } from '#domain/organization.ts';
import { authorize, authorizeBeforeLoad, decide } from '#domain/policy.ts';
import type { OrganizationRepository, Page } from '#ports.ts';

const entityNotFound = (entityId: string) =>
  new NotFoundError({
    vi: `Không tìm thấy đơn vị được đánh giá "${entityId}".`,
    en: `Assessed entity "${entityId}" not found.`,
  });

/** Entities of a province; members and leaders see only their own. */
export async function listEntities(
  deps: { org: Pick<OrganizationRepository, 'getProvince' | 'listEntities'> },
  actor: Actor,
  provinceId: string,
  limit: number,
  cursor?: string,
): Promise<Page<Entity>> {
  authorize(actor, 'org:read');
  if (!(await deps.org.getProvince(provinceId)))
    throw new NotFoundError({
      vi: `Không có tỉnh "${provinceId}".`,
      en: `Province "${provinceId}" not found.`,
    });
  const page = await deps.org.listEntities(provinceId, limit, cursor);
  return {
    ...page,
    items: page.items.filter(
      (e) => decide(actor, 'org:read', { entityId: e.entityId, province: e.province }).allow,
    ),
  };
}

export async function getEntity(
  deps: { org: Pick<OrganizationRepository, 'getEntity' | 'listUnits'> },
  actor: Actor,
  entityId: string,
): Promise<{ entity: Entity; units: Unit[] }> {
  authorizeBeforeLoad(actor, 'org:read', entityId);
  const [entity, units] = await Promise.all([deps.org.getEntity(entityId), deps.org.listUnits(entityId)]);
  // A province-scoped actor is refused an unknown entity (no province) like one of another province.
  authorize(actor, 'org:read', { entityId, province: entity?.province });
  if (!entity) throw entityNotFound(entityId);
  return { entity, units };
}
