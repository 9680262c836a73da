/** Small read helpers every repository uses (paged queries, gets), each item through its `fromItem`. */
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { Page } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import type { Item, ItemDescriptor, Key } from './kernel/descriptor.ts';
import { writeItems } from './kernel/write.ts';
import { cursor } from './keys.ts';

export const DB = 'cơ sở dữ liệu (database)';

/** Every item of a partition under a sort-key prefix (all pages), as stored. */
export async function queryAll(pk: string, skPrefix: string): Promise<Item[]> {
  const out: Item[] = [];
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
    out.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** One item by its key, validated by its descriptor; undefined when absent. */
export async function getItem<T>(
  type: ItemDescriptor<T, never>,
  key: Key,
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
  return res.Item ? type.fromItem(res.Item) : undefined;
}

/** Used by the seeder: idempotent puts that never overwrite what is already there. */
export async function putIfAbsent(item: Item): Promise<boolean> {
  return (await writeItems([{ put: item, when: { absent: true } }])).committed;
}

/** One page of a Query, each item validated, with the opaque cursor of the next page (every list route uses this). */
export async function queryPage<T>(
  type: ItemDescriptor<T, never>,
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
  return { items: (res.Items ?? []).map((i) => type.fromItem(i)), next: cursor.encode(res.LastEvaluatedKey) };
}
