import type { OrganizationRepository } from '#ports.ts';
import { entityItem, provinceItem, unitItem } from './descriptors/records.ts';
import { getItem, queryAll, queryPage } from './items.ts';
import * as keys from './keys.ts';

export const organizationRepository: OrganizationRepository = {
  getEntity: (entityId) => getItem(entityItem, keys.entity(entityId)),
  async listUnits(entityId) {
    const { pk, skPrefix } = keys.unitPrefix(entityId);
    return (await queryAll(pk, skPrefix)).map((i) => unitItem.fromItem(i));
  },
  getProvince: (provinceId) => getItem(provinceItem, keys.province(provinceId)),
  async listEntities(provinceId, limit, token) {
    return queryPage(
      entityItem,
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
