import { beforeAll, describe, expect, it } from 'vitest';
import type { OutboxRepository, ProviderRecordRepository } from '#ports.ts';
import { allPages, outboxMessage, uid } from './fixtures.ts';

export function describeOutboxContract(make: () => Promise<{ outbox: OutboxRepository }>) {
  describe('OutboxRepository contract', () => {
    let outbox: OutboxRepository;
    beforeAll(async () => {
      ({ outbox } = await make());
    });

    it('records once per (date, key): a second run gets the stored message', async () => {
      const date = '2026-03-02';
      const m = outboxMessage(date, uid('k'));
      expect(await outbox.record(m)).toEqual({ created: true });
      expect(await outbox.record({ ...m, subject: 'khác' })).toEqual({ created: false, existing: m });
      expect(await outbox.get(date, m.key)).toEqual(m);
      expect(await outbox.get('2026-03-03', m.key)).toBeUndefined();
    });

    it('patches at the version, bumping it; removes fields patched to undefined; false when stale or missing', async () => {
      const date = '2026-03-02';
      const m = outboxMessage(date, uid('k'), { leaseUntil: '2026-03-02T04:00:00.000Z' });
      await outbox.record(m);
      const patch = {
        status: 'sent' as const,
        attempts: 1,
        leaseUntil: undefined,
        version: 99,
        key: 'other',
      };
      expect(await outbox.update(date, m.key, 1, patch)).toBe(true);
      const { leaseUntil: _l, ...rest } = m;
      expect(await outbox.get(date, m.key)).toEqual({ ...rest, status: 'sent', attempts: 1, version: 2 });
      expect(await outbox.update(date, m.key, 1, { attempts: 2 })).toBe(false);
      expect(await outbox.update(date, uid('k'), 1, { attempts: 2 })).toBe(false);
      expect(await outbox.get(date, `${m.key}-none`)).toBeUndefined();
    });

    it('lists a day’s messages by key, in pages', async () => {
      const date = `2099-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
      const keys = [uid('k'), uid('k'), uid('k')];
      for (const k of [keys[2]!, keys[0]!, keys[1]!]) await outbox.record(outboxMessage(date, k));
      const { items } = await allPages((c) => outbox.listByDate(date, 2, c), 2);
      expect(items.map((m) => m.key).filter((k) => keys.includes(k))).toEqual(keys);
    });
  });
}

export function describeProviderRecordContract(
  make: () => Promise<{ providerRecords: ProviderRecordRepository }>,
) {
  describe('ProviderRecordRepository contract', () => {
    let records: ProviderRecordRepository;
    beforeAll(async () => {
      ({ records } = { records: (await make()).providerRecords });
    });

    it('keeps the first time of each event type and the first provider id', async () => {
      const [date, key] = ['2026-03-02', uid('k')];
      expect(await records.get(date, key)).toBeUndefined();
      await records.note(date, key, {
        type: 'Send',
        at: '2026-03-02T01:00:00.000Z',
        providerMessageId: 'p-1',
      });
      await records.note(date, key, {
        type: 'Send',
        at: '2026-03-02T02:00:00.000Z',
        providerMessageId: 'p-2',
      });
      await records.note(date, key, { type: 'Delivery', at: '2026-03-02T03:00:00.000Z' });
      expect(await records.get(date, key)).toEqual({
        date,
        key,
        events: { Send: '2026-03-02T01:00:00.000Z', Delivery: '2026-03-02T03:00:00.000Z' },
        providerMessageId: 'p-1',
      });
      await records.note(date, `${key}-b`, { type: 'Bounce', at: '2026-03-02T01:00:00.000Z' });
      expect(await records.get(date, `${key}-b`)).toEqual({
        date,
        key: `${key}-b`,
        events: { Bounce: '2026-03-02T01:00:00.000Z' },
      });
    });
  });
}
