import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Entity, Province, Unit } from '../../domain/organization.ts';
import type { OrganizationRepository } from '../../ports.ts';
import { guard } from '../guard.ts';
import { documentClient, tableName } from './client.ts';
import { DB, getItem, queryAll } from './items.ts';
import { cursor, keys, stripKeys } from './keys.ts';

export const organizationRepository: OrganizationRepository = {
  getEntity: (entityId) => getItem<Entity>(keys.entity(entityId)),
  async listUnits(entityId) {
    const { pk, skPrefix } = keys.unitPrefix(entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<Unit>(i));
  },
  getProvince: (provinceId) => getItem<Province>(keys.province(provinceId)),
  async listEntities(provinceId, limit, token) {
    const res = await guard(DB, () =>
      documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': keys.entityIndexPartition(provinceId) },
          Limit: limit,
          ExclusiveStartKey: cursor.decode(token),
        }),
      ),
    );
    return {
      items: (res.Items ?? []).map((i) => stripKeys<Entity>(i)),
      next: cursor.encode(res.LastEvaluatedKey),
    };
  },
};
