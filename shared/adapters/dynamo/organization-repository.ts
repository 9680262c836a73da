import type { Entity, Province, Unit } from '#domain/organization.ts';
import type { OrganizationRepository } from '#ports.ts';
import { getItem, queryAll, queryPage } from './items.ts';
import { keys, stripKeys } from './keys.ts';

export const organizationRepository: OrganizationRepository = {
  getEntity: (entityId) => getItem<Entity>(keys.entity(entityId)),
  async listUnits(entityId) {
    const { pk, skPrefix } = keys.unitPrefix(entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<Unit>(i));
  },
  getProvince: (provinceId) => getItem<Province>(keys.province(provinceId)),
  async listEntities(provinceId, limit, token) {
    return queryPage<Entity>(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': keys.entityIndexPartition(provinceId) },
      },
      limit,
      token,
    );
  },
};
