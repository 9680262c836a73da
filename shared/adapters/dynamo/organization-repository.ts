/**
 * Provinces, entities and units. One export per method, so a function bundles only what it calls
 * (`import * as org`, then `{ getEntity: org.getEntity }`); `organizationRepository` gathers them.
 */
import type { OrganizationRepository } from '#ports.ts';
import { entityItem, provinceItem, unitItem } from './descriptors/records.ts';
import { getItem, queryAll, queryPage } from './items.ts';
import * as keys from './keys.ts';

export const getEntity: OrganizationRepository['getEntity'] = (entityId) =>
  getItem(entityItem, keys.entity(entityId));

export const listUnits: OrganizationRepository['listUnits'] = async (entityId) => {
  const { pk, skPrefix } = keys.unitPrefix(entityId);
  return (await queryAll(pk, skPrefix)).map((i) => unitItem.fromItem(i));
};

export const getProvince: OrganizationRepository['getProvince'] = (provinceId) =>
  getItem(provinceItem, keys.province(provinceId));

export const listEntities: OrganizationRepository['listEntities'] = (provinceId, limit, token) =>
  queryPage(
    entityItem,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.entityIndexPartition(provinceId) },
    },
    limit,
    token,
  );

export const organizationRepository: OrganizationRepository = {
  getEntity,
  listUnits,
  getProvince,
  listEntities,
};
