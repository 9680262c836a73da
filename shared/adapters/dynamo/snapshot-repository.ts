import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { ReadinessSnapshot } from '#domain/readiness.ts';
import type { SnapshotRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { snapshotItem } from './descriptors/scoring.ts';
import { DB } from './items.ts';
import { writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const snapshotRepository: SnapshotRepository = {
  async putIfAbsent(s) {
    // One snapshot per entity and day: a second run the same day writes nothing.
    return (await writeItems([{ put: snapshotItem.toItem(s), when: { absent: true } }])).committed;
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
      out.push(...(res.Items ?? []).map((i) => snapshotItem.fromItem(i)));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  },
};
