/** Reads of the append-only audit trail. Nothing in the code base updates or deletes an audit item. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { AuditRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { DB } from './items.ts';
import { auditItem } from './kernel/audit.ts';
import * as keys from './keys.ts';
import { cursor } from './keys.ts';
import { TABLE } from './table.ts';

async function page(input: ConstructorParameters<typeof QueryCommand>[0], token?: string) {
  const res = await guard(DB, () =>
    documentClient().send(new QueryCommand({ ...input, ExclusiveStartKey: cursor.decode(token, input) })),
  );
  return {
    items: (res.Items ?? []).map((i) => auditItem.fromItem(i)),
    next: cursor.encode(res.LastEvaluatedKey),
  };
}

export const auditRepository: AuditRepository = {
  listByEntity(cycleId, entityId, order, limit, token) {
    const { pk, skPrefix } = keys.auditPrefix(cycleId, entityId);
    return page(
      {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        ScanIndexForward: order === 'asc',
        Limit: limit,
      },
      token,
    );
  },
  listByCriterion(cycleId, entityId, code, order, limit, token) {
    return page(
      {
        TableName: tableName(),
        IndexName: TABLE.gsi1.name,
        KeyConditionExpression: `${TABLE.gsi1.partitionKey} = :p`,
        ExpressionAttributeValues: { ':p': keys.criterionAuditIndexPartition(cycleId, entityId, code) },
        ScanIndexForward: order === 'asc',
        Limit: limit,
      },
      token,
    );
  },
};
