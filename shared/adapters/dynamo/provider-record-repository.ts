import { PROVIDER_EVENT_TYPES, type ProviderRecord } from '#domain/outbox.ts';
import type { ProviderRecordRepository } from '#ports.ts';
import { eventAttribute, providerRecordItem } from './descriptors/records.ts';
import { getItem } from './items.ts';
import { writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';

export const providerRecordRepository: ProviderRecordRepository = {
  async note(date, key, event) {
    // `if_not_exists` keeps the first time of each event type, so a retried event changes nothing.
    await writeItems([
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
    const item = await getItem(providerRecordItem, keys.providerRecord(date, key));
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
