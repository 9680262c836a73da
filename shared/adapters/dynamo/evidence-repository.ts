import { BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import { ConflictError, ValidationError } from '#domain/errors.ts';
import { type Evidence, type EvidenceRevision, searchTextOf } from '#domain/evidence.ts';
import type { EvidenceQuery, EvidenceRepository, Page } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import { auditPut, DB, getItem, queryAll } from './items.ts';
import { cursor, keys, stripKeys } from './keys.ts';
import { TABLE } from './table.ts';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** Attributes only the data layer uses. */
const toEvidence = (item: Item): Evidence => {
  const { searchText: _s, ...rest } = stripKeys<Item>(item);
  return rest as Evidence;
};

const evidenceItem = (ev: Evidence): Item => ({
  ...keys.evidence(ev.cycleId, ev.entityId, ev.evidenceId),
  ...keys.evidenceCycleIndex(ev.cycleId, ev.evidenceId),
  _type: 'evidence',
  // Folded once at write time so search is a filter on one attribute.
  searchText: searchTextOf(ev),
  ...ev,
});

const revisionKey = (
  r: Pick<EvidenceRevision, 'cycleId' | 'entityId' | 'evidenceId' | 'fileId' | 'revision'>,
) => keys.evidenceRevision(r.cycleId, r.entityId, r.evidenceId, r.fileId, r.revision);

/** A revision as stored: while unsettled it carries the sparse index keys the upload redrive queries. */
const UNSETTLED: ReadonlySet<string> = new Set(['pending_upload', 'scanning']);
const revisionItem = (r: EvidenceRevision): Item => ({
  ...revisionKey(r),
  ...(UNSETTLED.has(r.state) ? keys.unsettledRevisionIndex(r.createdAt, r) : {}),
  _type: 'evidence-revision',
  ...r,
});

const isCancelled = (e: unknown) =>
  ['TransactionCanceledException', 'ConditionalCheckFailedException'].includes(
    (e as { name?: string }).name ?? '',
  );

const badCursor = () =>
  new ValidationError([
    {
      field: 'query.cursor',
      message: { vi: 'Con trỏ phân trang không hợp lệ.', en: 'The pagination cursor is not valid.' },
    },
  ]);

const stale = (current: Evidence | undefined) =>
  new ConflictError(
    {
      vi: 'Tài liệu kiểm chứng vừa được người khác thay đổi. Hãy tải lại và thử lại.',
      en: 'Someone else changed this evidence meanwhile. Reload and try again.',
    },
    current,
  );

async function transact(items: TransactItem[]): Promise<void> {
  if (items.length > 100) throw new Error(`transaction of ${items.length} items exceeds DynamoDB's 100`);
  await guard(DB, () => documentClient().send(new TransactWriteCommand({ TransactItems: items })));
}

/** Writes this many evidence items per search page at most, then hands back a cursor to continue. */
const MAX_EVALUATED_PER_CALL = 1000;

function filterFor(q: EvidenceQuery) {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (q.deleted === 'exclude') conditions.push('attribute_not_exists(deletedAt)');
  if (q.deleted === 'only') conditions.push('attribute_exists(deletedAt)');
  if (q.unitId) {
    conditions.push('unitId = :unit');
    values[':unit'] = q.unitId;
  }
  if (q.state) {
    names['#state'] = 'state';
    conditions.push('#state = :state');
    values[':state'] = q.state;
  }
  if (q.criterionCode) {
    conditions.push('(contains(criterionCodes, :code) OR contains(unconfirmedCodes, :code))');
    values[':code'] = q.criterionCode;
  }
  (q.tokens ?? []).forEach((t, i) => {
    conditions.push(`contains(searchText, :t${i})`);
    values[`:t${i}`] = t;
  });
  return { conditions, names, values };
}

export const evidenceRepository: EvidenceRepository = {
  async save(change) {
    const ev = change.evidence;
    const scope = { cycleId: ev.cycleId, entityId: ev.entityId };
    const items: TransactItem[] = [
      {
        Put: {
          TableName: tableName(),
          Item: evidenceItem(ev),
          ...(change.expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': change.expectedVersion },
              }),
        },
      },
      ...(change.revisions ?? []).map(({ revision, expected }) => ({
        Put: {
          TableName: tableName(),
          Item: revisionItem(revision),
          ...(expected
            ? {
                ConditionExpression: '#v = :v AND #s = :s',
                ExpressionAttributeNames: { '#v': 'version', '#s': 'state' },
                ExpressionAttributeValues: { ':v': expected.version, ':s': expected.state },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      })),
      ...(change.putLinks ?? []).map((link) => ({
        Put: {
          TableName: tableName(),
          Item: {
            ...keys.evidenceLink(ev.cycleId, ev.entityId, link.criterionCode, link.evidenceId),
            _type: 'evidence-link',
            ...link,
          },
        },
      })),
      ...(change.deleteLinks ?? []).map((code) => ({
        Delete: {
          TableName: tableName(),
          Key: keys.evidenceLink(ev.cycleId, ev.entityId, code, ev.evidenceId),
        },
      })),
      ...(change.shaIndex ?? []).map((s) => ({
        Put: {
          TableName: tableName(),
          Item: {
            ...keys.evidenceSha(ev.cycleId, ev.entityId, s.sha256, ev.evidenceId),
            _type: 'evidence-sha',
            evidenceId: ev.evidenceId,
            fileId: s.fileId,
            revision: s.revision,
          },
        },
      })),
      ...(change.carryMarker
        ? [
            {
              Put: {
                TableName: tableName(),
                Item: {
                  ...keys.evidenceCarry(
                    ev.cycleId,
                    ev.entityId,
                    change.carryMarker.fromCycleId,
                    change.carryMarker.sourceEvidenceId,
                  ),
                  _type: 'evidence-carry',
                  evidenceId: ev.evidenceId,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]
        : []),
      auditPut(scope, change.audit),
    ];
    try {
      await transact(items);
    } catch (e) {
      if (!isCancelled(e)) throw e;
      throw stale(await this.get(ev.cycleId, ev.entityId, ev.evidenceId));
    }
  },

  async get(cycleId, entityId, evidenceId) {
    const item = await getItem<Item>(keys.evidence(cycleId, entityId, evidenceId));
    return item && toEvidence(item);
  },

  getRevision: (r) => getItem<EvidenceRevision>(revisionKey(r)),

  async listRevisions(cycleId, entityId, evidenceId) {
    const { pk, skPrefix } = keys.evidenceRevisionPrefix(cycleId, entityId, evidenceId);
    return (await queryAll(pk, skPrefix)).map((i) => stripKeys<EvidenceRevision>(i));
  },

  async recordScan(revision, expectedVersion) {
    try {
      await transact([
        {
          Put: {
            TableName: tableName(),
            Item: revisionItem(revision),
            ConditionExpression: '#v = :v AND #s = :pending',
            ExpressionAttributeNames: { '#v': 'version', '#s': 'state' },
            ExpressionAttributeValues: { ':v': expectedVersion, ':pending': 'pending_upload' },
          },
        },
      ]);
      return true;
    } catch (e) {
      if (isCancelled(e)) return false;
      throw e;
    }
  },

  async listUnsettled(before, limit, token) {
    const query = {
      IndexName: TABLE.gsi1.name,
      KeyConditionExpression: '#pk = :pk AND #sk < :before',
      ExpressionAttributeNames: { '#pk': TABLE.gsi1.partitionKey, '#sk': TABLE.gsi1.sortKey },
      ExpressionAttributeValues: { ':pk': keys.unsettledRevisionIndexPartition(), ':before': before },
    };
    const res = await guard(DB, () =>
      documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          ...query,
          Limit: limit,
          ExclusiveStartKey: cursor.decode(token, query),
        }),
      ),
    );
    return {
      items: (res.Items ?? []).map((i) => stripKeys<EvidenceRevision>(i)),
      next: cursor.encode(res.LastEvaluatedKey),
    };
  },

  async listByCriterion(cycleId, entityId, code, limit, token): Promise<Page<Evidence>> {
    const { pk, skPrefix } = keys.evidenceLinkPrefix(cycleId, entityId, code);
    const query = {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
    };
    const res = await guard(DB, () =>
      documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          ...query,
          // Newest first: ULIDs sort by creation time.
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: cursor.decode(token, query),
        }),
      ),
    );
    const ids = (res.Items ?? []).map((i) => String(i.evidenceId));
    const found = await batchGetEvidence(cycleId, entityId, ids);
    return {
      items: ids.map((id) => found.get(id)).filter((e): e is Evidence => e !== undefined && !e.deletedAt),
      next: cursor.encode(res.LastEvaluatedKey),
    };
  },

  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.evidencePrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map(toEvidence).filter((e) => !e.deletedAt);
  },

  async search(q, limit, token) {
    const { conditions, names, values } = filterFor(q);
    const byEntity = q.entityId !== undefined;
    const key = byEntity
      ? {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          values: { ':pk': keys.evidencePrefix(q.cycleId, q.entityId!).pk, ':sk': 'EV#' },
        }
      : {
          IndexName: TABLE.gsi1.name,
          KeyConditionExpression: `${TABLE.gsi1.partitionKey} = :pk`,
          values: { ':pk': keys.evidenceCycleIndexPartition(q.cycleId) },
        };
    const out: Item[] = [];
    let start: Record<string, unknown> | undefined = cursor.decode(token, {
      ...(byEntity ? {} : { IndexName: key.IndexName }),
      KeyConditionExpression: key.KeyConditionExpression,
      ExpressionAttributeValues: key.values,
    });
    let evaluated = 0;
    let next: Record<string, unknown> | undefined;
    while (true) {
      const res = await guard(DB, () =>
        documentClient()
          .send(
            new QueryCommand({
              TableName: tableName(),
              ...(byEntity ? {} : { IndexName: key.IndexName }),
              KeyConditionExpression: key.KeyConditionExpression,
              ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
              ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
              ExpressionAttributeValues: { ...key.values, ...values },
              ScanIndexForward: false,
              Limit: Math.max(limit * 2, 50),
              ExclusiveStartKey: start,
            }),
          )
          .catch((e) => {
            // A well-formed cursor from another listing (entity vs cycle-wide) is still the client's mistake.
            if (token && (e as { name?: string }).name === 'ValidationException') throw badCursor();
            throw e;
          }),
      );
      evaluated += res.ScannedCount ?? 0;
      for (const item of res.Items ?? []) {
        out.push(item);
        if (out.length === limit) break;
      }
      if (out.length === limit) {
        // Continue after the last item returned, not after the page: nothing is skipped.
        const last = out[out.length - 1]!;
        const resumeAt: Record<string, unknown> = { pk: last.pk, sk: last.sk };
        if (!byEntity) Object.assign(resumeAt, { gsi1pk: last.gsi1pk, gsi1sk: last.gsi1sk });
        next = res.LastEvaluatedKey || (res.Items ?? []).at(-1) !== last ? resumeAt : undefined;
        break;
      }
      if (!res.LastEvaluatedKey) break;
      start = res.LastEvaluatedKey;
      // Bounded work per request: a sparse filter returns a short page and a cursor, never a long scan.
      if (evaluated >= MAX_EVALUATED_PER_CALL) {
        next = res.LastEvaluatedKey;
        break;
      }
    }
    return { items: out.map(toEvidence), next: cursor.encode(next) };
  },

  async findBySha(cycleId, entityId, sha256) {
    const { pk, skPrefix } = keys.evidenceShaPrefix(cycleId, entityId, sha256);
    return (await queryAll(pk, skPrefix)).map((i) => String(i.evidenceId));
  },

  async findCarried(cycleId, entityId, fromCycleId, sourceEvidenceId) {
    const marker = await getItem<{ evidenceId: string }>(
      keys.evidenceCarry(cycleId, entityId, fromCycleId, sourceEvidenceId),
    );
    return marker?.evidenceId;
  },

  async purge(ev, revisions, audit) {
    const children = [
      ...revisions.map(revisionKey),
      ...[...new Set([...ev.criterionCodes, ...ev.unconfirmedCodes])].map((code) =>
        keys.evidenceLink(ev.cycleId, ev.entityId, code, ev.evidenceId),
      ),
      ...[...new Set(revisions.map((r) => r.sha256).filter((s): s is string => !!s))].map((sha) =>
        keys.evidenceSha(ev.cycleId, ev.entityId, sha, ev.evidenceId),
      ),
      ...(ev.carriedFrom
        ? [keys.evidenceCarry(ev.cycleId, ev.entityId, ev.carriedFrom.cycleId, ev.carriedFrom.evidenceId)]
        : []),
    ];
    // Every chunk re-checks that the evidence is still the deleted one the admin confirmed.
    const stillDeleted = {
      TableName: tableName(),
      Key: keys.evidence(ev.cycleId, ev.entityId, ev.evidenceId),
      ConditionExpression: '#v = :v AND attribute_exists(deletedAt)',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': ev.version },
    };
    const deletes = children.map((Key) => ({ Delete: { TableName: tableName(), Key } }));
    try {
      while (deletes.length > 97)
        await transact([{ ConditionCheck: stillDeleted }, ...deletes.splice(0, 98)]);
      await transact([
        { Delete: stillDeleted },
        ...deletes,
        auditPut({ cycleId: ev.cycleId, entityId: ev.entityId }, audit),
      ]);
    } catch (e) {
      if (!isCancelled(e)) throw e;
      throw stale(await this.get(ev.cycleId, ev.entityId, ev.evidenceId));
    }
  },
};

async function batchGetEvidence(
  cycleId: string,
  entityId: string,
  ids: string[],
): Promise<Map<string, Evidence>> {
  const out = new Map<string, Evidence>();
  let pending = [...new Set(ids)].map((id) => keys.evidence(cycleId, entityId, id));
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    const batch = pending.splice(0, 100);
    const res = await guard(DB, () =>
      documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: batch } } })),
    );
    for (const item of res.Responses?.[tableName()] ?? []) {
      const ev = toEvidence(item);
      out.set(ev.evidenceId, ev);
    }
    const unprocessed = (res.UnprocessedKeys?.[tableName()]?.Keys ?? []) as typeof batch;
    pending = [...unprocessed, ...pending];
    if (unprocessed.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
  return out;
}
