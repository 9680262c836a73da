/** Reminder outbox records and what the mail provider reported about them, keyed by (date, key). */
import { eventAttribute, outboxItem, providerRecordItem } from '#adapters/dynamo/descriptors/records.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import { PROVIDER_EVENT_TYPES, type ProviderRecord } from '#domain/outbox.ts';
import type { OutboxRepository, ProviderRecordRepository } from '#ports.ts';
import { pageOf, readItem, writeItems } from './kernel.ts';
import type { MemoryTable } from './table.ts';

export function memoryOutboxRepository(db: MemoryTable): OutboxRepository {
  const repo: OutboxRepository = {
    async record(message) {
      // The idempotency step: the first writer wins, every later run reads what it wrote.
      const result = await writeItems(db, [{ put: outboxItem.toItem(message), when: { absent: true } }]);
      if (result.committed) return { created: true };
      const existing = await repo.get(message.date, message.key);
      if (!existing) throw new Error(`outbox ${message.date}/${message.key}: refused, yet not there`);
      return { created: false, existing };
    },
    get: async (date, key) => readItem(db, outboxItem, keys.outbox(date, key)),
    async update(date, key, expectedVersion, patch) {
      const { key: _k, date: _d, version: _v, ...fields } = patch;
      // A versioned update: `version` moves to expectedVersion + 1; undefined fields are removed.
      const result = await writeItems(db, [
        { update: keys.outbox(date, key), set: fields, when: { exists: ['pk'], version: expectedVersion } },
      ]);
      return result.committed;
    },
    async listByDate(date, limit, token) {
      const { pk, skPrefix } = keys.outboxPrefix(date);
      return pageOf(outboxItem, db.queryPage({ partition: pk, prefix: skPrefix }, limit, token));
    },
  };
  return repo;
}

export function memoryProviderRecordRepository(db: MemoryTable): ProviderRecordRepository {
  return {
    async note(date, key, event) {
      // Set-if-absent keeps the first time of each event type, so a retried event changes nothing.
      await writeItems(db, [
        {
          update: keys.providerRecord(date, key),
          set: { date, key, _type: providerRecordItem.type },
          setIfAbsent: {
            [eventAttribute(event.type)]: event.at,
            ...(event.providerMessageId ? { providerMessageId: event.providerMessageId } : {}),
          },
        },
      ]);
    },
    async get(date, key) {
      const item = readItem(db, providerRecordItem, keys.providerRecord(date, key));
      if (!item) return undefined;
      const events: ProviderRecord['events'] = {};
      for (const type of PROVIDER_EVENT_TYPES) {
        const at = item[eventAttribute(type)];
        if (typeof at === 'string') events[type] = at;
      }
      return {
        date,
        key,
        events,
        ...(item.providerMessageId !== undefined ? { providerMessageId: item.providerMessageId } : {}),
      };
    },
  };
}
