/** Opaque pagination cursors, checked against the Query they continue (re-exported by keys.ts). */
import { ValidationError } from '#domain/errors.ts';
import { TABLE } from './table.ts';

const badCursor = () =>
  new ValidationError([
    {
      field: 'query.cursor',
      message: { vi: 'Con trỏ phân trang không hợp lệ.', en: 'The pagination cursor is not valid.' },
    },
  ]);

/** What a client's cursor is checked against: the Query it continues (its index and key condition). */
export interface CursorQuery {
  IndexName?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** Key value sizes DynamoDB accepts (Developer Guide, "Constraints": partition key 1–2048 bytes, sort key 1–1024). */
const KEY_BYTES: Record<string, number> = {
  [TABLE.partitionKey]: 2048,
  [TABLE.sortKey]: 1024,
  [TABLE.gsi1.partitionKey]: 2048,
  [TABLE.gsi1.sortKey]: 1024,
};

/** The partition the key condition names (`pk = :x`, `#pk = :x`), and the sort-key prefix when it has one. */
function keyCondition(q: CursorQuery) {
  const expr = q.KeyConditionExpression ?? '';
  const name = (n: string) => (n.startsWith('#') ? (q.ExpressionAttributeNames?.[n] ?? n) : n);
  const values = q.ExpressionAttributeValues ?? {};
  const eq = /^\s*(#?\w+)\s*=\s*(:\w+)/.exec(expr);
  if (!eq) throw new Error(`cursor: unsupported key condition "${expr}"`);
  const begins = /begins_with\(\s*(#?\w+)\s*,\s*(:\w+)\s*\)/i.exec(expr);
  return {
    partition: { name: name(eq[1]!), value: values[eq[2]!] },
    ...(begins ? { prefix: { name: name(begins[1]!), value: String(values[begins[2]!]) } } : {}),
  };
}

/**
 * Opaque pagination cursors: the LastEvaluatedKey, base64url JSON. A cursor comes back from the client, so it is
 * input like any other: `decode` accepts only a key this very Query could have returned — exactly the table's
 * key attributes (and the index's, for an index Query), non-empty strings within DynamoDB's key sizes, in the
 * Query's partition and under its sort-key prefix. A forged key or another listing's cursor is a 400 on
 * `query.cursor`, never a DynamoDB ValidationException (docs/data-model.md).
 */
export const cursor = {
  encode: (key: Record<string, unknown> | undefined): string | undefined =>
    key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined,
  decode: (token: string | undefined, query: CursorQuery): Record<string, string> | undefined => {
    if (!token) return undefined;
    let v: unknown;
    try {
      v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      v = undefined;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw badCursor();
    const key = v as Record<string, unknown>;
    if (query.IndexName !== undefined && query.IndexName !== TABLE.gsi1.name)
      throw new Error(`cursor: unknown index ${query.IndexName}`);
    const names = [
      TABLE.partitionKey,
      TABLE.sortKey,
      ...(query.IndexName ? [TABLE.gsi1.partitionKey, TABLE.gsi1.sortKey] : []),
    ];
    const wellFormed =
      Object.keys(key).length === names.length &&
      names.every((n) => {
        const x = Object.hasOwn(key, n) ? key[n] : undefined;
        return typeof x === 'string' && x !== '' && Buffer.byteLength(x) <= KEY_BYTES[n]!;
      });
    if (!wellFormed) throw badCursor();
    const { partition, prefix } = keyCondition(query);
    if (key[partition.name] !== partition.value) throw badCursor();
    if (prefix && !String(key[prefix.name]).startsWith(prefix.value)) throw badCursor();
    return key as Record<string, string>;
  },
};
