import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { OutboxMessage } from '#domain/outbox.ts';
import type { OutboxRepository } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { DB, getItem, queryPage } from './items.ts';
import { keys } from './keys.ts';

const isConditionFailure = (e: unknown) =>
  (e as { name?: string }).name === 'ConditionalCheckFailedException';

export const outboxRepository: OutboxRepository = {
  async record(message) {
    try {
      await guard(DB, () =>
        documentClient().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.outbox(message.date, message.key), _type: 'outbox', ...message },
            // The idempotency step: the first writer wins, every later run reads what it wrote.
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return { created: true };
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const existing = await outboxRepository.get(message.date, message.key);
      if (!existing) throw e;
      return { created: false, existing };
    }
  },

  get: (date, key) => getItem<OutboxMessage>(keys.outbox(date, key)),

  async update(date, key, expectedVersion, patch) {
    const { key: _k, date: _d, version: _v, ...fields } = patch;
    const sets: string[] = ['#version = :next'];
    const removes: string[] = [];
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':expected': expectedVersion, ':next': expectedVersion + 1 };
    for (const [i, [name, value]] of Object.entries(fields).entries()) {
      names[`#f${i}`] = name;
      if (value === undefined) removes.push(`#f${i}`);
      else {
        sets.push(`#f${i} = :f${i}`);
        values[`:f${i}`] = value;
      }
    }
    try {
      await guard(DB, () =>
        documentClient().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.outbox(date, key),
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        ),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  },

  async listByDate(date, limit, token) {
    const { pk, skPrefix } = keys.outboxPrefix(date);
    return queryPage<OutboxMessage>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
      },
      limit,
      token,
    );
  },
};
