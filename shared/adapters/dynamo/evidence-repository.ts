import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Evidence } from '../../domain/evidence.ts';
import type { EvidenceRepository, Page } from '../../ports.ts';
import { guard } from '../guard.ts';
import { documentClient, tableName } from './client.ts';
import { auditPut, DB, getItem, queryAll } from './items.ts';
import { cursor, keys, stripKeys } from './keys.ts';

export const evidenceRepository: EvidenceRepository = {
  async createPending(ev, audit) {
    const scope = { cycleId: ev.cycleId, entityId: ev.entityId };
    await guard(DB, () =>
      documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName(),
                Item: { ...keys.evidence(ev.cycleId, ev.entityId, ev.evidenceId), _type: 'evidence', ...ev },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...ev.criterionCodes.map((code) => ({
              Put: {
                TableName: tableName(),
                Item: {
                  ...keys.evidenceLink(ev.cycleId, ev.entityId, code, ev.evidenceId),
                  _type: 'evidence-link',
                  evidenceId: ev.evidenceId,
                  criterionCode: code,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
            auditPut(scope, audit),
          ],
        }),
      ),
    );
  },

  get: (cycleId, entityId, evidenceId) => getItem<Evidence>(keys.evidence(cycleId, entityId, evidenceId)),

  async listByCriterion(cycleId, entityId, code, limit, token): Promise<Page<Evidence>> {
    const { pk, skPrefix } = keys.evidenceLinkPrefix(cycleId, entityId, code);
    const res = await guard(DB, () =>
      documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
          // Newest first: ULIDs sort by creation time.
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: cursor.decode(token),
        }),
      ),
    );
    const ids = (res.Items ?? []).map((i) => String(i.evidenceId));
    const items = await Promise.all(ids.map((evidenceId) => this.get(cycleId, entityId, evidenceId)));
    return {
      items: items.filter((e): e is Evidence => e !== undefined),
      next: cursor.encode(res.LastEvaluatedKey),
    };
  },

  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.evidencePrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<Evidence>(i));
  },

  async finalize(ev, expectedVersion, audit) {
    try {
      await guard(DB, () =>
        documentClient().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName(),
                  Item: {
                    ...keys.evidence(ev.cycleId, ev.entityId, ev.evidenceId),
                    _type: 'evidence',
                    ...ev,
                  },
                  ConditionExpression: '#v = :v AND #s = :pending',
                  ExpressionAttributeNames: { '#v': 'version', '#s': 'state' },
                  ExpressionAttributeValues: { ':v': expectedVersion, ':pending': 'pending_upload' },
                },
              },
              auditPut({ cycleId: ev.cycleId, entityId: ev.entityId }, audit),
            ],
          }),
        ),
      );
      return true;
    } catch (e) {
      if ((e as { name?: string }).name === 'TransactionCanceledException') return false;
      throw e;
    }
  },
};
