import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Cycle } from '../../domain/cycle.ts';
import type { Evidence } from '../../domain/evidence.ts';
import type { Framework } from '../../domain/framework.ts';
import type { Entity, Unit } from '../../domain/organization.ts';
import type { ScoreFact } from '../../domain/readiness.ts';
import type {
  AuditEntry,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  OrganizationRepository,
  Page,
  ScoreRepository,
} from '../../ports.ts';
import { guard } from '../guard.ts';
import { documentClient, tableName } from './client.ts';
import { cursor, keys, stripKeys } from './keys.ts';

const DB = 'cơ sở dữ liệu (database)';

async function queryAll(pk: string, skPrefix: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await guard(DB, () =>
      documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
          ExclusiveStartKey: start,
        }),
      ),
    );
    out.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

async function getItem<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  const res = await guard(DB, () =>
    documentClient().send(new GetCommand({ TableName: tableName(), Key: key })),
  );
  return res.Item ? stripKeys<T>(res.Item) : undefined;
}

function auditPut(entityScope: { cycleId: string; entityId: string } | undefined, audit: AuditEntry) {
  const key = entityScope
    ? keys.audit(entityScope.cycleId, entityScope.entityId, audit.auditId)
    : keys.globalAudit(audit.auditId);
  // attribute_not_exists: an audit entry is written once and never overwritten.
  return {
    Put: {
      TableName: tableName(),
      Item: { ...key, _type: 'audit', ...audit },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export const organizationRepository: OrganizationRepository = {
  getEntity: (entityId) => getItem<Entity>(keys.entity(entityId)),
  async listUnits(entityId) {
    const { pk, skPrefix } = keys.unitPrefix(entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<Unit>(i));
  },
};

export const frameworkRepository: FrameworkRepository = {
  get: (frameworkId, version) => getItem<Framework>(keys.framework(frameworkId, version)),
};

export const cycleRepository: CycleRepository = {
  get: (cycleId) => getItem<Cycle>(keys.cycle(cycleId)),
  async list(limit, token) {
    const res = await guard(DB, () =>
      documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': keys.cycleIndexPartition() },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: cursor.decode(token),
        }),
      ),
    );
    return {
      items: (res.Items ?? []).map((i) => stripKeys<Cycle>(i)),
      next: cursor.encode(res.LastEvaluatedKey),
    };
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
};

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

export const scoreRepository: ScoreRepository = {
  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.scorePrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<ScoreFact>(i));
  },
};

/** Used by the seeder: idempotent puts that never overwrite what is already there. */
export async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (e) {
    if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}
