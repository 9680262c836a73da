import type { OutboxRepository } from '#ports.ts';
import { outboxItem } from './descriptors/records.ts';
import { getItem, queryPage } from './items.ts';
import { writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const outboxRepository: OutboxRepository = {
  async record(message) {
    // The idempotency step: the first writer wins, every later run reads what it wrote.
    const result = await writeItems([{ put: outboxItem.toItem(message), when: { absent: true } }]);
    if (result.committed) return { created: true };
    const existing = await outboxRepository.get(message.date, message.key);
    if (!existing) throw new Error(`outbox ${message.date}/${message.key}: refused, yet not there`);
    return { created: false, existing };
  },

  get: (date, key) => getItem(outboxItem, keys.outbox(date, key)),

  async update(date, key, expectedVersion, patch) {
    const { key: _k, date: _d, version: _v, ...fields } = patch;
    // A versioned update: the kernel moves `version` to expectedVersion + 1; undefined fields are removed.
    const result = await writeItems([
      { update: keys.outbox(date, key), set: fields, when: { exists: ['pk'], version: expectedVersion } },
    ]);
    return result.committed;
  },

  async listByDate(date, limit, token) {
    const { pk, skPrefix } = keys.outboxPrefix(date);
    return queryPage(
      outboxItem,
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
      },
      limit,
      token,
    );
  },
};
