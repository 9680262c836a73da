/** Evidence reads that are more than a Get: the filtered search (one entity or a whole cycle), batch gets. */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import { ValidationError } from '#domain/errors.ts';
import type { Evidence } from '#domain/evidence.ts';
import type { EvidenceQuery, Page } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { evidenceItem } from './descriptors/evidence.ts';
import { DB } from './items.ts';
import type { Item } from './kernel/descriptor.ts';
import * as keys from './keys.ts';
import { cursor } from './keys.ts';
import { TABLE } from './table.ts';

/** Reads this many evidence items per search page at most, then hands back a cursor to continue. */
const MAX_EVALUATED_PER_CALL = 1000;

const badCursor = () =>
  new ValidationError([
    {
      field: 'query.cursor',
      message: { vi: 'Con trỏ phân trang không hợp lệ.', en: 'The pagination cursor is not valid.' },
    },
  ]);

function filterFor(q: EvidenceQuery) {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (q.deleted === 'exclude') conditions.push('attribute_not_exists(deletedAt)');
  if (q.deleted === 'only') conditions.push('attribute_exists(deletedAt)');
  if (q.unitId) {
    conditions.push('unitId = :unit');
    values[':unit'] = q.unitId;
  }
  if (q.state) {
    names['#state'] = 'state';
    conditions.push('#state = :state');
    values[':state'] = q.state;
  }
  if (q.criterionCode) {
    conditions.push('(contains(criterionCodes, :code) OR contains(unconfirmedCodes, :code))');
    values[':code'] = q.criterionCode;
  }
  (q.tokens ?? []).forEach((t, i) => {
    conditions.push(`contains(searchText, :t${i})`);
    values[`:t${i}`] = t;
  });
  return { conditions, names, values };
}

/** One entity's partition, or the cycle's index (admins and reviewers). */
function keyConditionFor(q: EvidenceQuery) {
  return q.entityId !== undefined
    ? {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        values: { ':pk': keys.evidencePrefix(q.cycleId, q.entityId).pk, ':sk': 'EV#' },
      }
    : {
        IndexName: TABLE.gsi1.name,
        KeyConditionExpression: `${TABLE.gsi1.partitionKey} = :pk`,
        values: { ':pk': keys.evidenceCycleIndexPartition(q.cycleId) },
      };
}

export async function searchEvidence(
  q: EvidenceQuery,
  limit: number,
  token?: string,
): Promise<Page<Evidence>> {
  const { conditions, names, values } = filterFor(q);
  const byEntity = q.entityId !== undefined;
  const key = keyConditionFor(q);
  const index = key.IndexName ? { IndexName: key.IndexName } : {};
  const out: Item[] = [];
  let start: Record<string, unknown> | undefined = cursor.decode(token, {
    ...index,
    KeyConditionExpression: key.KeyConditionExpression,
    ExpressionAttributeValues: key.values,
  });
  let evaluated = 0;
  let next: Record<string, unknown> | undefined;
  while (true) {
    const res = await guard(DB, () =>
      documentClient()
        .send(
          new QueryCommand({
            TableName: tableName(),
            ...index,
            KeyConditionExpression: key.KeyConditionExpression,
            ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
            ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
            ExpressionAttributeValues: { ...key.values, ...values },
            ScanIndexForward: false,
            Limit: Math.max(limit * 2, 50),
            ExclusiveStartKey: start,
          }),
        )
        .catch((e) => {
          // A well-formed cursor from another listing (entity vs cycle-wide) is still the client's mistake.
          if (token && (e as { name?: string }).name === 'ValidationException') throw badCursor();
          throw e;
        }),
    );
    evaluated += res.ScannedCount ?? 0;
    for (const item of res.Items ?? []) {
      out.push(item);
      if (out.length === limit) break;
    }
    if (out.length === limit) {
      // Continue after the last item returned, not after the page: nothing is skipped.
      const last = out[out.length - 1]!;
      const resumeAt: Record<string, unknown> = { pk: last.pk, sk: last.sk };
      if (!byEntity) Object.assign(resumeAt, { gsi1pk: last.gsi1pk, gsi1sk: last.gsi1sk });
      next = res.LastEvaluatedKey || (res.Items ?? []).at(-1) !== last ? resumeAt : undefined;
      break;
    }
    if (!res.LastEvaluatedKey) break;
    start = res.LastEvaluatedKey;
    // Bounded work per request: a sparse filter returns a short page and a cursor, never a long scan.
    if (evaluated >= MAX_EVALUATED_PER_CALL) {
      next = res.LastEvaluatedKey;
      break;
    }
  }
  return { items: out.map((i) => evidenceItem.fromItem(i)), next: cursor.encode(next) };
}

/** The evidence of these ids (BatchGetItem, unprocessed keys retried with back-off). */
export async function batchGetEvidence(
  cycleId: string,
  entityId: string,
  ids: string[],
): Promise<Map<string, Evidence>> {
  const out = new Map<string, Evidence>();
  let pending = [...new Set(ids)].map((id) => keys.evidence(cycleId, entityId, id));
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    const batch = pending.splice(0, 100);
    const res = await guard(DB, () =>
      documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: batch } } })),
    );
    for (const item of res.Responses?.[tableName()] ?? []) {
      const ev = evidenceItem.fromItem(item);
      out.set(ev.evidenceId, ev);
    }
    const unprocessed = (res.UnprocessedKeys?.[tableName()]?.Keys ?? []) as typeof batch;
    pending = [...unprocessed, ...pending];
    if (unprocessed.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
  return out;
}
