import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Evidence } from '#domain/evidence.ts';
import type { EvidenceRepository, Page } from '#ports.ts';
import { documentClient, tableName } from './client.ts';
import {
  carryItem,
  evidenceItem,
  linkItem,
  revisionItem,
  revisionKey,
  shaItem,
} from './descriptors/evidence.ts';
import { batchGetEvidence, searchEvidence } from './evidence-search.ts';
import { changeWrites, purgeTransactions } from './evidence-writes.ts';
import { DB, getItem, queryAll } from './items.ts';
import { writeItems } from './kernel/write.ts';
import * as keys from './keys.ts';
import { cursor } from './keys.ts';
import { listEvidenceFacts } from './readiness-facts.ts';
import { TABLE } from './table.ts';

/** Any refusal of an evidence write: someone else changed it; the 409 carries it as stored now. */
const stale = (ids: Pick<Evidence, 'cycleId' | 'entityId' | 'evidenceId'>) => async () =>
  new ConflictError(
    {
      vi: 'Tài liệu kiểm chứng vừa được người khác thay đổi. Hãy tải lại và thử lại.',
      en: 'Someone else changed this evidence meanwhile. Reload and try again.',
    },
    await evidenceRepository.get(ids.cycleId, ids.entityId, ids.evidenceId),
  );

export const evidenceRepository: EvidenceRepository = {
  async save(change) {
    const ev = change.evidence;
    await writeItems(changeWrites(change), {
      audit: { entry: change.audit, scope: { cycleId: ev.cycleId, entityId: ev.entityId } },
      conflict: stale(ev),
    });
  },

  get: (cycleId, entityId, evidenceId) => getItem(evidenceItem, keys.evidence(cycleId, entityId, evidenceId)),

  getRevision: (r) => getItem(revisionItem, revisionKey(r)),

  async listRevisions(cycleId, entityId, evidenceId) {
    const { pk, skPrefix } = keys.evidenceRevisionPrefix(cycleId, entityId, evidenceId);
    return (await queryAll(pk, skPrefix)).map((i) => revisionItem.fromItem(i));
  },

  async recordScan(revision, expectedVersion) {
    const result = await writeItems([
      {
        put: revisionItem.toItem(revision),
        when: { version: expectedVersion, equals: { state: 'pending_upload' } },
      },
    ]);
    return result.committed;
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
      items: (res.Items ?? []).map((i) => revisionItem.fromItem(i)),
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
    const ids = (res.Items ?? []).map((i) => linkItem.fromItem(i).evidenceId);
    const found = await batchGetEvidence(cycleId, entityId, ids);
    return {
      items: ids.map((id) => found.get(id)).filter((e): e is Evidence => e !== undefined && !e.deletedAt),
      next: cursor.encode(res.LastEvaluatedKey),
    };
  },

  async listByEntity(cycleId, entityId) {
    const { pk, skPrefix } = keys.evidencePrefix(cycleId, entityId);
    return (await queryAll(pk, skPrefix)).map((i) => evidenceItem.fromItem(i)).filter((e) => !e.deletedAt);
  },

  listFactsByEntity: (cycleId, entityId) => listEvidenceFacts(cycleId, entityId),

  search: (q, limit, token) => searchEvidence(q, limit, token),

  async findBySha(cycleId, entityId, sha256) {
    const { pk, skPrefix } = keys.evidenceShaPrefix(cycleId, entityId, sha256);
    return (await queryAll(pk, skPrefix)).map((i) => shaItem.fromItem(i).evidenceId);
  },

  async findCarried(cycleId, entityId, fromCycleId, sourceEvidenceId) {
    const marker = await getItem(
      carryItem,
      keys.evidenceCarry(cycleId, entityId, fromCycleId, sourceEvidenceId),
    );
    return marker?.evidenceId;
  },

  async purge(ev, revisions, audit) {
    const transactions = purgeTransactions(ev, revisions);
    const scope = { cycleId: ev.cycleId, entityId: ev.entityId };
    for (const [i, writes] of transactions.entries()) {
      const last = i === transactions.length - 1;
      // Audit entries stay: the last transaction adds the entry that records the purge.
      await writeItems(writes, { ...(last ? { audit: { entry: audit, scope } } : {}), conflict: stale(ev) });
    }
  },
};
