/**
 * The write kernel's in-memory twin: the same `Write`s (built by the DynamoDB adapters' descriptors and
 * planners), the same conditions, audit entry, 100-write limit and refusal, applied to the in-memory table;
 * reads go through the same descriptors, so a record the DynamoDB adapter would call corrupt is corrupt here.
 */

import { auditWrite } from '#adapters/dynamo/kernel/audit.ts';
import type { ItemDescriptor } from '#adapters/dynamo/kernel/descriptor.ts';
import {
  MAX_TRANSACTION_WRITES,
  type Write,
  type WriteOptions,
  type WriteResult,
} from '#adapters/dynamo/kernel/write.ts';
import type { Page } from '#ports.ts';
import type { Key, MemoryTable } from './table.ts';

export async function writeItems(
  db: MemoryTable,
  writes: readonly Write[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const all = options.audit ? [...writes, auditWrite(options.audit)] : [...writes];
  if (all.length === 0) return { committed: true };
  if (all.length > MAX_TRANSACTION_WRITES)
    throw new Error(
      `a transaction of ${all.length} writes exceeds DynamoDB's ${MAX_TRANSACTION_WRITES}; plan batches`,
    );
  const indexes = db.apply(all);
  if (!indexes.length) return { committed: true };
  const failed = indexes.flatMap((i) => (all[i] ? [all[i]] : []));
  if (options.conflict) throw await options.conflict(failed);
  return { committed: false, failed, indexes };
}

/** One item by its key, through its descriptor; undefined when absent. */
export function readItem<T>(db: MemoryTable, type: ItemDescriptor<T, never>, key: Key): T | undefined {
  const item = db.get(key);
  return item ? type.fromItem(item) : undefined;
}

/** A page of stored items as values. */
export const pageOf = <T>(type: ItemDescriptor<T, never>, page: Page<Record<string, unknown>>): Page<T> => ({
  items: page.items.map((i) => type.fromItem(i)),
  next: page.next,
});
