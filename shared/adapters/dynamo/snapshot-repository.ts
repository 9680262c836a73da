import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { ReadinessSnapshot } from '#domain/readiness.ts';
import type { SnapshotRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { DB } from './items.ts';
import { keys, stripKeys } from './keys.ts';

export const snapshotRepository: SnapshotRepository = {
  async putIfAbsent(s) {
    try {
      await guard(DB, () =>
        documentClient().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.snapshot(s.cycleId, s.entityId, s.date), _type: 'readiness-snapshot', ...s },
            // One snapshot per entity and day: a second run the same day writes nothing.
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return true;
    } catch (e) {
      if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  },

  async list(cycleId, entityId, from, to) {
    const { pk } = keys.snapshotPrefix(cycleId, entityId);
    const lo = keys.snapshot(cycleId, entityId, from ?? '0000-00-00').sk;
    const hi = keys.snapshot(cycleId, entityId, to ?? '9999-99-99').sk;
    const out: ReadinessSnapshot[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await guard(DB, () =>
        documentClient().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
            ExpressionAttributeValues: { ':pk': pk, ':lo': lo, ':hi': hi },
            ExclusiveStartKey: start,
          }),
        ),
      );
      out.push(...(res.Items ?? []).map((i) => stripKeys<ReadinessSnapshot>(i)));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  },
};
