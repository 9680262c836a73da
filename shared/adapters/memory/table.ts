/**
 * The single table, in memory: items under the same keys as in DynamoDB (`#adapters/dynamo/keys.ts`), sort
 * keys compared as UTF-8 bytes, Query pages that stop at `limit` and hand back the last key as the cursor, and
 * all-or-nothing transactions whose conditions fail by index. Repositories built on it therefore list in the
 * same order, page with the same cursors (a forged one is the same 400) and conflict on the same writes.
 */
import type { Item, Key } from '#adapters/dynamo/kernel/descriptor.ts';
import type { Condition, Write } from '#adapters/dynamo/kernel/write.ts';
import { type CursorQuery, cursor } from '#adapters/dynamo/keys.ts';
import { TABLE } from '#adapters/dynamo/table.ts';
import type { Page } from '#ports.ts';

export type { Item, Key };

export interface QuerySpec {
  /** Query the gsi1 index instead of the table. */
  index?: 'gsi1';
  partition: string;
  /** Sort-key condition: a prefix, an inclusive range, or strictly below a value. */
  prefix?: string;
  between?: [string, string];
  below?: string;
  /** Ascending sort key unless false (ScanIndexForward). */
  forward?: boolean;
}

const names = (index?: 'gsi1') =>
  index ? { pk: TABLE.gsi1.partitionKey, sk: TABLE.gsi1.sortKey } : { pk: 'pk', sk: 'sk' };

/** DynamoDB orders string sort keys by their UTF-8 bytes (not UTF-16 code units as `<` would). */
export const compareKeys = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The document client's `removeUndefinedValues`, and a copy so callers never share state with the store. */
function stored<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(stored) as T;
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    const out: Item = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stored(v);
    return out as T;
  }
  return structuredClone(value);
}

/** What the shared cursor check needs to know about a Query: its index, partition and sort-key prefix. */
function cursorQuery(spec: QuerySpec): CursorQuery {
  const n = names(spec.index);
  return {
    ...(spec.index ? { IndexName: TABLE.gsi1.name } : {}),
    KeyConditionExpression: `${n.pk} = :p${spec.prefix !== undefined ? ` AND begins_with(${n.sk}, :s)` : ''}`,
    ExpressionAttributeValues: {
      ':p': spec.partition,
      ...(spec.prefix !== undefined ? { ':s': spec.prefix } : {}),
    },
  };
}

const id = (key: Key) => `${key.pk}\u0000${key.sk}`;
const keyOfWrite = (w: Write): Key =>
  'put' in w ? (w.put as unknown as Key) : 'update' in w ? w.update : 'delete' in w ? w.delete : w.check;

/** A kernel condition against the item as stored now (DynamoDB: a missing item fails every test but `absent`). */
function holds(when: Condition | undefined, current: Item | undefined): boolean {
  if (!when) return true;
  if (when.absent) return current === undefined;
  if (!current) return false;
  if ((when.exists ?? []).some((attr) => current[attr] === undefined)) return false;
  const equals = { ...(when.version !== undefined ? { version: when.version } : {}), ...when.equals };
  return Object.entries(equals).every(
    ([attr, value]) => JSON.stringify(current[attr]) === JSON.stringify(value),
  );
}

/** An UpdateItem: creates the item when absent; a versioned update moves `version` on; undefined removes. */
function updated(w: Extract<Write, { update: Key }>, current: Item | undefined): Item {
  const next: Item = { ...(current ?? w.update) };
  if (w.when?.version !== undefined) next.version = w.when.version + 1;
  for (const [attr, value] of Object.entries(w.set ?? {})) {
    if (value === undefined) delete next[attr];
    else next[attr] = value;
  }
  for (const [attr, value] of Object.entries(w.setIfAbsent ?? {})) next[attr] ??= value;
  return next;
}

export class MemoryTable {
  readonly #items = new Map<string, Item>();

  /** The stored item, key attributes included (a copy). */
  get(key: Key): Item | undefined {
    const item = this.#items.get(id(key));
    return item && stored(item);
  }

  /** A put outside any condition (seeding). */
  put(item: Item): void {
    this.#items.set(id(item as unknown as Key), stored(item));
  }

  /**
   * Applies every write or none, like a TransactWriteItems: returns the indexes whose condition failed (empty
   * when all were written). Two writes to one item are refused as DynamoDB refuses them.
   */
  apply(writes: readonly Write[]): number[] {
    const ids = writes.map((w) => id(keyOfWrite(w)));
    if (new Set(ids).size !== ids.length)
      throw Object.assign(new Error('Transaction request cannot include multiple operations on one item'), {
        name: 'ValidationException',
      });
    const failed = writes.flatMap((w, i) => (holds(w.when, this.#items.get(ids[i]!)) ? [] : [i]));
    if (failed.length) return failed;
    writes.forEach((w, i) => {
      if ('put' in w) this.put(w.put);
      else if ('delete' in w) this.#items.delete(ids[i]!);
      else if ('update' in w) this.put(updated(w, this.#items.get(ids[i]!)));
    });
    return [];
  }

  /** Every item of the Query's key condition, in its order (the whole result, no paging). */
  queryAll(spec: QuerySpec): Item[] {
    const n = names(spec.index);
    const matches = [...this.#items.values()].filter((item) => {
      if (item[n.pk] !== spec.partition || typeof item[n.sk] !== 'string') return false;
      const sk = item[n.sk] as string;
      if (spec.prefix !== undefined && !sk.startsWith(spec.prefix)) return false;
      if (spec.between && (compareKeys(sk, spec.between[0]) < 0 || compareKeys(sk, spec.between[1]) > 0))
        return false;
      return spec.below === undefined || compareKeys(sk, spec.below) < 0;
    });
    const direction = spec.forward === false ? -1 : 1;
    matches.sort(
      (a, b) =>
        direction *
        (compareKeys(a[n.sk] as string, b[n.sk] as string) || compareKeys(String(a.sk), String(b.sk))),
    );
    return matches.map(stored);
  }

  /**
   * One page of stored items: those after the cursor's key, stopping at `limit` read; the next cursor is the
   * last key read whenever the limit stopped the page (as DynamoDB's LastEvaluatedKey, even if nothing follows).
   */
  queryPage(spec: QuerySpec, limit: number, token?: string): Page<Item> {
    const items = this.#from(spec, token).slice(0, limit);
    const last = items.length === limit && limit > 0 ? items[items.length - 1] : undefined;
    return { items, next: cursor.encode(last && this.keyOf(last, spec.index)) };
  }

  /**
   * Up to `limit` items that pass `keep`, however many were read to find them; the cursor is the last item
   * returned once the page is full (the review queue's and evidence search's resumable filtered pages).
   */
  queryPageFiltered(
    spec: QuerySpec,
    limit: number,
    token: string | undefined,
    keep: (item: Item) => boolean,
  ): Page<Item> {
    const out: Item[] = [];
    for (const item of this.#from(spec, token)) {
      if (out.length >= limit) break;
      if (keep(item)) out.push(item);
    }
    const last = out.length === limit && limit > 0 ? out[out.length - 1] : undefined;
    return { items: out, next: cursor.encode(last && this.keyOf(last, spec.index)) };
  }

  /** The Query's items after the cursor's key (a cursor is checked as the DynamoDB adapters check it). */
  #from(spec: QuerySpec, token: string | undefined): Item[] {
    const start = cursor.decode(token, cursorQuery(spec));
    const all = this.queryAll(spec);
    if (!start) return all;
    const at = all.findIndex((i) => this.#sameKey(i, start, spec.index));
    return at >= 0 ? all.slice(at + 1) : this.#after(all, start, spec);
  }

  /** The item's key attributes as a LastEvaluatedKey names them (table key, plus the index key for an index). */
  keyOf(item: Item, index?: 'gsi1'): Record<string, string> {
    const key: Record<string, string> = { pk: String(item.pk), sk: String(item.sk) };
    if (index) {
      key[TABLE.gsi1.partitionKey] = String(item[TABLE.gsi1.partitionKey]);
      key[TABLE.gsi1.sortKey] = String(item[TABLE.gsi1.sortKey]);
    }
    return key;
  }

  #sameKey(item: Item, key: Record<string, string>, index?: 'gsi1') {
    return Object.entries(this.keyOf(item, index)).every(([k, v]) => key[k] === v);
  }

  /** A cursor whose item is gone since: continue after where it sorted. */
  #after(all: Item[], start: Record<string, string>, spec: QuerySpec): Item[] {
    const n = names(spec.index);
    const direction = spec.forward === false ? -1 : 1;
    const startSk = start[n.sk] ?? '';
    return all.filter((i) => {
      const c = compareKeys(i[n.sk] as string, startSk) || compareKeys(String(i.sk), start.sk ?? '');
      return direction * c > 0;
    });
  }
}
