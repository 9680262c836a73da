import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { ReviewQueueItem } from '#domain/scoring.ts';
import type { ReviewQueueRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { reviewQueueItem } from './descriptors/scoring.ts';
import { DB } from './items.ts';
import * as keys from './keys.ts';
import { cursor } from './keys.ts';
import { TABLE } from './table.ts';

/** Queries per page at most, when a scope filter leaves most of the queue out (the cursor carries on). */
const MAX_QUERIES = 10;
/** DynamoDB's IN takes at most 100 operands. */
const IN_MAX = 100;

function filterFor(f: { entityIds?: readonly string[]; province?: string }) {
  const parts: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  if (f.entityIds) {
    names['#e'] = 'entityId';
    const groups: string[] = [];
    for (let i = 0; i < f.entityIds.length; i += IN_MAX) {
      const ids = f.entityIds.slice(i, i + IN_MAX).map((id, j) => {
        values[`:e${i + j}`] = id;
        return `:e${i + j}`;
      });
      groups.push(`#e IN (${ids.join(', ')})`);
    }
    parts.push(`(${groups.join(' OR ')})`);
  }
  if (f.province !== undefined) {
    names['#p'] = 'province';
    values[':p'] = f.province;
    parts.push('#p = :p');
  }
  return parts.length
    ? { FilterExpression: parts.join(' AND '), ExpressionAttributeNames: names, values }
    : { values };
}

export const reviewQueueRepository: ReviewQueueRepository = {
  async list(cycleId, filter, limit, token) {
    // An empty entity list matches nothing; asked anyway, DynamoDB would refuse the unused `#e` name.
    if (filter.entityIds?.length === 0) return { items: [] };
    const { values, ...filterExpr } = filterFor(filter);
    const items: ReviewQueueItem[] = [];
    let start: Record<string, unknown> | undefined = cursor.decode(token, {
      IndexName: TABLE.gsi1.name,
      KeyConditionExpression: `${TABLE.gsi1.partitionKey} = :q`,
      ExpressionAttributeValues: { ':q': keys.reviewQueueIndexPartition(cycleId) },
    });
    for (let q = 0; q < MAX_QUERIES && items.length < limit; q++) {
      // Limit = what is still missing, so a page never overshoots and the cursor is exact.
      const res = await guard(DB, () =>
        documentClient().send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: TABLE.gsi1.name,
            KeyConditionExpression: `${TABLE.gsi1.partitionKey} = :q`,
            ExpressionAttributeValues: { ':q': keys.reviewQueueIndexPartition(cycleId), ...values },
            ...filterExpr,
            ScanIndexForward: true,
            Limit: limit - items.length,
            ExclusiveStartKey: start,
          }),
        ),
      );
      items.push(...(res.Items ?? []).map((i) => reviewQueueItem.fromItem(i)));
      start = res.LastEvaluatedKey;
      if (!start) break;
    }
    return { items, next: cursor.encode(start) };
  },
};
