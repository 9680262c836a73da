import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import { PROVIDER_EVENT_TYPES, type ProviderRecord } from '#domain/outbox.ts';
import type { ProviderRecordRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { DB, getItem } from './items.ts';
import { keys } from './keys.ts';

/** One top-level attribute per event type (`ev_Send`…): `if_not_exists` keeps the first time, so a retried event changes nothing. */
const attr = (type: string) => `ev_${type}`;

export const providerRecordRepository: ProviderRecordRepository = {
  async note(date, key, event) {
    const names: Record<string, string> = { '#ev': attr(event.type), '#date': 'date', '#key': 'key' };
    const values: Record<string, unknown> = { ':at': event.at, ':date': date, ':key': key, ':t': 'provider' };
    const sets = ['#ev = if_not_exists(#ev, :at)', '#date = :date', '#key = :key', '#type = :t'];
    names['#type'] = '_type';
    if (event.providerMessageId) {
      names['#pid'] = 'providerMessageId';
      values[':pid'] = event.providerMessageId;
      sets.push('#pid = if_not_exists(#pid, :pid)');
    }
    await guard(DB, () =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.providerRecord(date, key),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      ),
    );
  },

  async get(date, key) {
    const item = await getItem<Record<string, unknown>>(keys.providerRecord(date, key));
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
