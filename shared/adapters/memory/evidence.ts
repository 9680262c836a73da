/**
 * Evidence, its file revisions, criterion links, SHA-256 index and carry-forward markers: the same writes as
 * the DynamoDB adapter (its `changeWrites` and `purgeTransactions`), applied to the in-memory table.
 */
import {
  carryItem,
  evidenceItem,
  linkItem,
  revisionItem,
  revisionKey,
  shaItem,
} from '#adapters/dynamo/descriptors/evidence.ts';
import { changeWrites, purgeTransactions } from '#adapters/dynamo/evidence-writes.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import { evidenceFactReader } from '#adapters/dynamo/readiness-facts.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Evidence } from '#domain/evidence.ts';
import type { EvidenceQuery, EvidenceRepository } from '#ports.ts';
import { pageOf, readItem, writeItems } from './kernel.ts';
import type { Item, MemoryTable } from './table.ts';

type Ids = Pick<Evidence, 'cycleId' | 'entityId' | 'evidenceId'>;

/** The search's filter, as the DynamoDB adapter's FilterExpression states it. */
function matches(q: EvidenceQuery): (item: Item) => boolean {
  return (item) => {
    if (q.deleted === 'exclude' && item.deletedAt !== undefined) return false;
    if (q.deleted === 'only' && item.deletedAt === undefined) return false;
    if (q.unitId && item.unitId !== q.unitId) return false;
    if (q.state && item.state !== q.state) return false;
    const code = q.criterionCode;
    const listed = (list: unknown) => Array.isArray(list) && list.includes(code);
    if (code && !listed(item.criterionCodes) && !listed(item.unconfirmedCodes)) return false;
    return (q.tokens ?? []).every((t) => String(item.searchText ?? '').includes(t));
  };
}

type Reads = Omit<EvidenceRepository, 'save' | 'recordScan' | 'purge'>;

/** Reads by key, whole-partition lists and the paged ones (a criterion's links, the filtered search). */
function evidenceReads(db: MemoryTable): Reads {
  const get: Reads['get'] = async (cycleId, entityId, evidenceId) =>
    readItem(db, evidenceItem, keys.evidence(cycleId, entityId, evidenceId));
  return {
    get,
    getRevision: async (r) => readItem(db, revisionItem, revisionKey(r)),
    async listRevisions(cycleId, entityId, evidenceId) {
      const { pk, skPrefix } = keys.evidenceRevisionPrefix(cycleId, entityId, evidenceId);
      return db.queryAll({ partition: pk, prefix: skPrefix }).map((i) => revisionItem.fromItem(i));
    },
    // Oldest first, only what was requested before `before` (the sparse index sorts by request time).
    listUnsettled: async (before, limit, token) =>
      pageOf(
        revisionItem,
        db.queryPage(
          { index: 'gsi1', partition: keys.unsettledRevisionIndexPartition(), below: before },
          limit,
          token,
        ),
      ),
    async listByCriterion(cycleId, entityId, code, limit, token) {
      const { pk, skPrefix } = keys.evidenceLinkPrefix(cycleId, entityId, code);
      // Newest first: ULIDs sort by creation time. Deleted (or purged) evidence is skipped, not replaced.
      const links = pageOf(
        linkItem,
        db.queryPage({ partition: pk, prefix: skPrefix, forward: false }, limit, token),
      );
      const found = await Promise.all(links.items.map((l) => get(cycleId, entityId, l.evidenceId)));
      return { items: found.filter((e): e is Evidence => e !== undefined && !e.deletedAt), next: links.next };
    },
    async listByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.evidencePrefix(cycleId, entityId);
      return db
        .queryAll({ partition: pk, prefix: skPrefix })
        .map((i) => evidenceItem.fromItem(i))
        .filter((e) => !e.deletedAt);
    },
    async listFactsByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.evidencePrefix(cycleId, entityId);
      const factOf = evidenceFactReader();
      return db
        .queryAll({ partition: pk, prefix: skPrefix })
        .map((i) => factOf(pk, i))
        .filter((f) => f !== undefined);
    },
    async search(q, limit, token) {
      // Newest first, within the entity's partition or across the cycle (gsi1).
      const spec =
        q.entityId !== undefined
          ? { partition: keys.evidencePrefix(q.cycleId, q.entityId).pk, prefix: 'EV#', forward: false }
          : {
              index: 'gsi1' as const,
              partition: keys.evidenceCycleIndexPartition(q.cycleId),
              forward: false,
            };
      return pageOf(evidenceItem, db.queryPageFiltered(spec, limit, token, matches(q)));
    },
    async findBySha(cycleId, entityId, sha256) {
      const { pk, skPrefix } = keys.evidenceShaPrefix(cycleId, entityId, sha256);
      return db.queryAll({ partition: pk, prefix: skPrefix }).map((i) => shaItem.fromItem(i).evidenceId);
    },
    findCarried: async (cycleId, entityId, fromCycleId, sourceEvidenceId) =>
      readItem(db, carryItem, keys.evidenceCarry(cycleId, entityId, fromCycleId, sourceEvidenceId))
        ?.evidenceId,
  };
}

export function memoryEvidenceRepository(db: MemoryTable): EvidenceRepository {
  const reads = evidenceReads(db);
  /** Any refusal of an evidence write: someone else changed it; the 409 carries it as stored now. */
  const stale = (ids: Ids) => async () =>
    new ConflictError(
      {
        vi: 'Tài liệu kiểm chứng vừa được người khác thay đổi. Hãy tải lại và thử lại.',
        en: 'Someone else changed this evidence meanwhile. Reload and try again.',
      },
      await reads.get(ids.cycleId, ids.entityId, ids.evidenceId),
    );
  return {
    ...reads,
    async save(change) {
      const ev = change.evidence;
      await writeItems(db, changeWrites(change), {
        audit: { entry: change.audit, scope: { cycleId: ev.cycleId, entityId: ev.entityId } },
        conflict: stale(ev),
      });
    },
    async recordScan(revision, expectedVersion) {
      const when = { version: expectedVersion, equals: { state: 'pending_upload' } };
      return (await writeItems(db, [{ put: revisionItem.toItem(revision), when }])).committed;
    },
    async purge(ev, revisions, audit) {
      const transactions = purgeTransactions(ev, revisions);
      const scope = { cycleId: ev.cycleId, entityId: ev.entityId };
      for (const [i, writes] of transactions.entries()) {
        const last = i === transactions.length - 1;
        // Audit entries stay: the last transaction adds the entry that records the purge.
        await writeItems(db, writes, {
          ...(last ? { audit: { entry: audit, scope } } : {}),
          conflict: stale(ev),
        });
      }
    },
  };
}
