/** Reminder outbox records and what the mail provider reported about them, keyed by (date, key). */
import { keys } from '#adapters/dynamo/keys.ts';
import { type OutboxMessage, PROVIDER_EVENT_TYPES, type ProviderRecord } from '#domain/outbox.ts';
import type { OutboxRepository, ProviderRecordRepository } from '#ports.ts';
import { absent, type Item, type MemoryTable } from './table.ts';

export function memoryOutboxRepository(db: MemoryTable): OutboxRepository {
  const repo: OutboxRepository = {
    async record(message) {
      // The idempotency step: the first writer wins, every later run reads what it wrote.
      const put = { ...keys.outbox(message.date, message.key), _type: 'outbox', ...message };
      if (db.transact([{ put, condition: absent }]).length === 0) return { created: true };
      return { created: false, existing: (await repo.get(message.date, message.key))! };
    },
    get: async (date, key) => db.read<OutboxMessage>(keys.outbox(date, key)),
    async update(date, key, expectedVersion, patch) {
      const current = db.get(keys.outbox(date, key));
      if (!current || current.version !== expectedVersion) return false;
      // The record's identity never changes; a field patched to undefined is removed.
      const { key: _k, date: _d, version: _v, ...fields } = patch;
      const next: Item = { ...current, version: expectedVersion + 1 };
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined) delete next[name];
        else next[name] = value;
      }
      db.put(next);
      return true;
    },
    async listByDate(date, limit, token) {
      const { pk, skPrefix } = keys.outboxPrefix(date);
      return db.queryPage<OutboxMessage>({ partition: pk, prefix: skPrefix }, limit, token);
    },
  };
  return repo;
}

/** One attribute per event type: the first time of each type is kept, so a retried event changes nothing. */
const attr = (type: string) => `ev_${type}`;

export function memoryProviderRecordRepository(db: MemoryTable): ProviderRecordRepository {
  return {
    async note(date, key, event) {
      const itemKey = keys.providerRecord(date, key);
      const current = db.get(itemKey) ?? { ...itemKey };
      const next: Item = { ...current, date, key, _type: 'provider' };
      next[attr(event.type)] ??= event.at;
      if (event.providerMessageId) next.providerMessageId ??= event.providerMessageId;
      db.put(next);
    },
    async get(date, key) {
      const item = db.get(keys.providerRecord(date, key));
      if (!item) return undefined;
      const events: ProviderRecord['events'] = {};
      for (const type of PROVIDER_EVENT_TYPES) {
        const at = item[attr(type)];
        if (typeof at === 'string') events[type] = at;
      }
      return {
        date,
        key,
        events,
        ...(typeof item.providerMessageId === 'string' ? { providerMessageId: item.providerMessageId } : {}),
      };
    },
  };
}
