import type { Entity, Unit } from '../../domain/organization.ts';
import type { OrganizationRepository } from '../../ports.ts';
import { getItem, queryAll } from './items.ts';
import { keys, stripKeys } from './keys.ts';

export const organizationRepository: OrganizationRepository = {
  getEntity: (entityId) => getItem<Entity>(keys.entity(entityId)),
  async listUnits(entityId) {
    const { pk, skPrefix } = keys.unitPrefix(entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<Unit>(i));
  },
};
