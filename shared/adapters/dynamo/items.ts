/** Small helpers every repository uses: paged queries, gets, the append-only audit put, seeding puts. */
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { AuditEntry, Page } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { cursor, keys, stripKeys } from './keys.ts';

export const DB = 'cơ sở dữ liệu (database)';

export async function queryAll(pk: string, skPrefix: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await guard(DB, () =>
      documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
          ExclusiveStartKey: start,
        }),
      ),
    );
    out.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

export async function getItem<T>(
  key: { pk: string; sk: string },
  opts: { consistent?: boolean } = {},
): Promise<T | undefined> {
  const res = await guard(DB, () =>
    documentClient().send(
      new GetCommand({
        TableName: tableName(),
        Key: key,
        ...(opts.consistent ? { ConsistentRead: true } : {}),
      }),
    ),
  );
  return res.Item ? stripKeys<T>(res.Item) : undefined;
}

export function auditPut(entityScope: { cycleId: string; entityId: string } | undefined, audit: AuditEntry) {
  const key = entityScope
    ? keys.audit(entityScope.cycleId, entityScope.entityId, audit.auditId)
    : keys.globalAudit(audit.auditId);
  // attribute_not_exists: an audit entry is written once and never overwritten.
  return {
    Put: {
      TableName: tableName(),
      Item: { ...key, _type: 'audit', ...audit },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Used by the seeder: idempotent puts that never overwrite what is already there. */
export async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (e) {
    if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

/** One page of a Query, keys stripped, with the opaque cursor of the next page (every list route uses this). */
export async function queryPage<T>(
  query: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  limit: number,
  token: string | undefined,
): Promise<Page<T>> {
  const res = await guard(DB, () =>
    documentClient().send(
      new QueryCommand({
        ...query,
        TableName: tableName(),
        Limit: limit,
        ExclusiveStartKey: cursor.decode(token, query),
      }),
    ),
  );
  return { items: (res.Items ?? []).map((i) => stripKeys<T>(i)), next: cursor.encode(res.LastEvaluatedKey) };
}

type AuditScope = { cycleId: string; entityId: string } | undefined;

/** Creates an item that must not exist yet, with its audit entry, in one transaction. */
export async function createWithAudit(item: Record<string, unknown>, audit: AuditEntry, scope?: AuditScope) {
  await guard(DB, () =>
    documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
          auditPut(scope, audit),
        ],
      }),
    ),
  );
}

/**
 * Replaces an item only while it is still at `expectedVersion`, with its audit entry, in one transaction.
 * Returns false when someone else wrote first (the caller answers 409 with the current state).
 */
export async function replaceAtVersion(
  item: Record<string, unknown>,
  expectedVersion: number,
  audit: AuditEntry,
  scope?: AuditScope,
): Promise<boolean> {
  try {
    await guard(DB, () =>
      documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName(),
                Item: item,
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              },
            },
            auditPut(scope, audit),
          ],
        }),
      ),
    );
    return true;
  } catch (e) {
    if ((e as { name?: string }).name === 'TransactionCanceledException') return false;
    throw e;
  }
}
