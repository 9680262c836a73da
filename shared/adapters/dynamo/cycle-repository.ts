import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Cycle } from '../../domain/cycle.ts';
import { ConflictError } from '../../domain/errors.ts';
import type { CycleRepository } from '../../ports.ts';
import { guard } from '../guard.ts';
import { documentClient, tableName } from './client.ts';
import { auditPut, DB, getItem, queryPage } from './items.ts';
import { keys } from './keys.ts';

export const cycleRepository: CycleRepository = {
  get: (cycleId) => getItem<Cycle>(keys.cycle(cycleId)),
  async list(limit, token) {
    return queryPage<Cycle>(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': keys.cycleIndexPartition() },
        ScanIndexForward: false,
      },
      limit,
      token,
    );
  },
  async create(cycle, audit) {
    await guard(DB, () =>
      documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName(),
                Item: {
                  ...keys.cycle(cycle.cycleId),
                  ...keys.cycleIndex(cycle.year, cycle.cycleId),
                  _type: 'cycle',
                  ...cycle,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            auditPut(undefined, audit),
          ],
        }),
      ),
    );
  },
  async update(cycle, expectedVersion, audit) {
    try {
      await guard(DB, () =>
        documentClient().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName(),
                  Item: {
                    ...keys.cycle(cycle.cycleId),
                    ...keys.cycleIndex(cycle.year, cycle.cycleId),
                    _type: 'cycle',
                    ...cycle,
                  },
                  ConditionExpression: '#v = :v',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':v': expectedVersion },
                },
              },
              auditPut(undefined, audit),
            ],
          }),
        ),
      );
    } catch (e) {
      if ((e as { name?: string }).name !== 'TransactionCanceledException') throw e;
      throw new ConflictError(
        {
          vi: 'Kỳ đánh giá vừa được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
          en: 'Someone else changed this cycle meanwhile. Review the current version and try again.',
        },
        await cycleRepository.get(cycle.cycleId),
      );
    }
  },
};
