/**
 * The write kernel: every write of the data layer goes through `writeItems` — puts, updates, deletes and
 * condition checks with their conditions, optimistic versions, the append-only audit entry, DynamoDB's
 * 100-item transaction limit, and the one place where a failed condition becomes a `ConflictError`
 * (docs/data-model.md, "The write kernel").
 */
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import { ConflictError, type Message } from '#domain/errors.ts';
import { documentClient, tableName } from '../client.ts';
import { type AuditPlacement, auditWrite } from './audit.ts';
import type { Item, Key } from './descriptor.ts';

const DB = 'cơ sở dữ liệu (database)';

/** DynamoDB's limit of writes per TransactWriteItems; callers that write more plan batches (`batches`). */
export const MAX_TRANSACTION_WRITES = 100;

/**
 * What must hold for a write to happen; every listed part must hold. `absent`: the item does not exist yet
 * (a create); `version`: optimistic concurrency — the stored `version` is this one; `equals`: attributes hold
 * these values (a state machine step, a published framework that never matches `draft`); `exists`: these
 * attributes are present.
 */
export interface Condition {
  absent?: true;
  version?: number;
  equals?: Record<string, unknown>;
  exists?: readonly string[];
}

/** `label` names the write for the caller when its condition fails (a criterion code, an assignment id). */
export type Write = { label?: string } & (
  | { put: Item; when?: Condition }
  /**
   * A partial update: `set` (undefined values are removed), `setIfAbsent` (kept when already there). When the
   * condition has a `version`, the update also moves `version` to the next one (optimistic concurrency).
   */
  | { update: Key; set?: Item; setIfAbsent?: Item; when?: Condition }
  | { delete: Key; when?: Condition }
  | { check: Key; when: Condition }
);

export type WriteResult =
  | { committed: true }
  /** `failed`: the writes whose condition failed; empty when other writers kept winning (contended). */
  | { committed: false; failed: Write[]; indexes: number[] };

export interface WriteOptions {
  /** The append-only audit entry, written once in the same transaction (always the last write). */
  audit?: AuditPlacement;
  /** Turns a refusal into the domain's conflict (→ 409 with the current state); then nothing is returned. */
  conflict?: (failed: Write[]) => ConflictError | Promise<ConflictError>;
  /** Attempts when DynamoDB cancels for a concurrent transaction on the same item (nobody's condition failed). */
  attempts?: number;
}

type Expr = { expression: string; names: Record<string, string>; values: Record<string, unknown> };

function conditionOf(c: Condition | undefined): Partial<Expr> {
  if (!c) return {};
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let n = 0;
  const name = (attr: string) => {
    const p = `#c${n++}`;
    names[p] = attr;
    return p;
  };
  if (c.absent) parts.push(`attribute_not_exists(${name('pk')})`);
  for (const attr of c.exists ?? []) parts.push(`attribute_exists(${name(attr)})`);
  const equals = { ...(c.version !== undefined ? { version: c.version } : {}), ...c.equals };
  for (const [attr, value] of Object.entries(equals)) {
    const v = `:c${n}`;
    parts.push(`${name(attr)} = ${v}`);
    values[v] = value;
  }
  return { expression: parts.join(' AND '), names, values };
}

function updateOf(w: Extract<Write, { update: Key }>): Expr {
  const sets: string[] = [];
  const removes: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let n = 0;
  const add = (attr: string, value: unknown, ifAbsent: boolean) => {
    const [p, v] = [`#u${n}`, `:u${n++}`];
    names[p] = attr;
    if (value === undefined) return removes.push(p);
    values[v] = value;
    return sets.push(ifAbsent ? `${p} = if_not_exists(${p}, ${v})` : `${p} = ${v}`);
  };
  if (w.when?.version !== undefined) add('version', w.when.version + 1, false);
  for (const [attr, value] of Object.entries(w.set ?? {})) add(attr, value, false);
  for (const [attr, value] of Object.entries(w.setIfAbsent ?? {})) add(attr, value, true);
  const expression = `${sets.length ? `SET ${sets.join(', ')}` : ''}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`;
  return { expression: expression.trim(), names, values };
}

/** The SDK's shape of one write: the condition's and the update's placeholders never collide (#c/#u). */
function requestOf(w: Write): Request {
  const c = conditionOf(w.when);
  const expr = (extra?: Expr) => {
    const names = { ...c.names, ...extra?.names };
    const values = { ...c.values, ...extra?.values };
    return {
      ...(c.expression ? { ConditionExpression: c.expression } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    };
  };
  const TableName = tableName();
  if ('put' in w) return { Put: { TableName, Item: w.put, ...expr() } };
  if ('delete' in w) return { Delete: { TableName, Key: w.delete, ...expr() } };
  if ('check' in w)
    return {
      ConditionCheck: { TableName, Key: w.check, ...expr(), ConditionExpression: c.expression ?? '' },
    };
  const u = updateOf(w);
  return { Update: { TableName, Key: w.update, UpdateExpression: u.expression, ...expr(u) } };
}

type Request = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write without an audit entry needs no transaction (half the cost); its refusal is the same. */
async function sendOne(request: Request): Promise<number[]> {
  const send = () => {
    if (request.Put) return documentClient().send(new PutCommand(request.Put));
    if (request.Delete) return documentClient().send(new DeleteCommand(request.Delete));
    const update = request.Update!;
    return documentClient().send(new UpdateCommand({ ...update, UpdateExpression: update.UpdateExpression }));
  };
  try {
    await guard(DB, send);
    return [];
  } catch (e) {
    if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return [0];
    throw e;
  }
}

/** The indexes whose condition failed; `CONTENDED` when only other transactions were in the way; else rethrows. */
function cancelled(e: unknown): number[] {
  if ((e as { name?: string }).name !== 'TransactionCanceledException') throw e;
  const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
  if (failed.length) return failed;
  if (!reasons.some((r) => r.Code === 'TransactionConflict')) throw e;
  return CONTENDED;
}
const CONTENDED: number[] = [-1];

async function sendAll(requests: Request[], attempts: number): Promise<number[]> {
  for (let attempt = 1; ; attempt++) {
    const failed =
      requests.length === 1 && !requests[0]!.ConditionCheck
        ? await sendOne(requests[0]!)
        : await guard(DB, () => documentClient().send(new TransactWriteCommand({ TransactItems: requests })))
            .then(() => [])
            .catch(cancelled);
    // A concurrent transaction touched the same item before anyone's condition was judged: try again, so a
    // race ends as one winner and one conflict, never as two failures.
    if (failed !== CONTENDED || attempt >= attempts) return failed;
    await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
  }
}

/**
 * Performs the writes as one unit: a single write alone, several (or any with an audit entry) as one
 * TransactWriteItems. More than 100 writes is a programming error, refused before anything is sent: a caller
 * that may write more plans its batches with `batches`.
 */
export async function writeItems(writes: readonly Write[], options: WriteOptions = {}): Promise<WriteResult> {
  const all = options.audit ? [...writes, auditWrite(options.audit)] : [...writes];
  if (all.length === 0) return { committed: true };
  if (all.length > MAX_TRANSACTION_WRITES)
    throw new Error(
      `a transaction of ${all.length} writes exceeds DynamoDB's ${MAX_TRANSACTION_WRITES}; plan batches`,
    );
  const indexes = await sendAll(all.map(requestOf), options.attempts ?? 4);
  if (!indexes.length) return { committed: true };
  const failed = indexes.flatMap((i) => (all[i] ? [all[i]] : []));
  if (options.conflict) throw await options.conflict(failed);
  return { committed: false, failed, indexes };
}

/**
 * Packs groups of writes that must stay together into transactions of at most `MAX_TRANSACTION_WRITES`,
 * leaving room for `reserved` writes per transaction (its audit entry, a shared condition check).
 */
export function batches<T>(groups: readonly T[], sizeOf: (g: T) => number, reserved = 0): T[][] {
  const room = MAX_TRANSACTION_WRITES - reserved;
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const g of groups) {
    const n = sizeOf(g);
    if (n > room) throw new Error(`a group of ${n} writes cannot fit one transaction (${room} free)`);
    if (size + n > room) {
      out.push(current);
      [current, size] = [[], 0];
    }
    current.push(g);
    size += n;
  }
  if (current.length) out.push(current);
  return out;
}

/** The usual refusal: a `ConflictError` carrying the record as stored now (→ 409 with the current state). */
export const conflictWith =
  (message: Message, current: () => Promise<unknown>) => async (): Promise<ConflictError> =>
    new ConflictError(message, await current());
