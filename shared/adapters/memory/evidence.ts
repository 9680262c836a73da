/**
 * Evidence, its file revisions, criterion links, SHA-256 index and carry-forward markers: the items of an
 * entity's cycle partition, written together with the audit entry as one all-or-nothing change.
 */
import { keys } from '#adapters/dynamo/keys.ts';
import { ConflictError } from '#domain/errors.ts';
import { type Evidence, type EvidenceRevision, searchTextOf } from '#domain/evidence.ts';
import type { EvidenceChange, EvidenceQuery, EvidenceRepository } from '#ports.ts';
import { auditWrite, expecting } from './items.ts';
import { absent, type Condition, type Item, type MemoryTable, type Write } from './table.ts';

/** Attributes only the data layer uses. */
const toEvidence = (item: Item): Evidence => {
  const { pk: _p, sk: _s, gsi1pk: _gp, gsi1sk: _gs, _type, searchText: _t, ...rest } = item;
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

type RevisionRef = Pick<EvidenceRevision, 'cycleId' | 'entityId' | 'evidenceId' | 'fileId' | 'revision'>;
const revisionKey = (r: RevisionRef) =>
  keys.evidenceRevision(r.cycleId, r.entityId, r.evidenceId, r.fileId, r.revision);

/** While unsettled a revision carries the sparse index keys the upload redrive queries. */
const UNSETTLED: ReadonlySet<string> = new Set(['pending_upload', 'scanning']);
const revisionItem = (r: EvidenceRevision): Item => ({
  ...revisionKey(r),
  ...(UNSETTLED.has(r.state) ? keys.unsettledRevisionIndex(r.createdAt, r) : {}),
  _type: 'evidence-revision',
  ...r,
});

const revisionAt =
  (version: number, state: string): Condition =>
  (current) =>
    current?.version === version && current.state === state;

const stale = (current: Evidence | undefined) =>
  new ConflictError(
    {
      vi: 'Tài liệu kiểm chứng vừa được người khác thay đổi. Hãy tải lại và thử lại.',
      en: 'Someone else changed this evidence meanwhile. Reload and try again.',
    },
    current,
  );

/** DynamoDB's TransactWriteItems limit; the DynamoDB adapter refuses a bigger change before sending it. */
function checkSize(writes: readonly Write[]) {
  if (writes.length > 100) throw new Error(`transaction of ${writes.length} items exceeds DynamoDB's 100`);
}

/** Every item of one change, in the order the DynamoDB adapter writes them. */
function writesOf(change: EvidenceChange): Write[] {
  const ev = change.evidence;
  const { cycleId, entityId, evidenceId } = ev;
  return [
    { put: evidenceItem(ev), condition: expecting(change.expectedVersion) },
    ...(change.revisions ?? []).map(({ revision, expected }) => ({
      put: revisionItem(revision),
      condition: expected ? revisionAt(expected.version, expected.state) : absent,
    })),
    ...(change.putLinks ?? []).map((link) => ({
      put: {
        ...keys.evidenceLink(cycleId, entityId, link.criterionCode, link.evidenceId),
        _type: 'evidence-link',
        ...link,
      },
    })),
    ...(change.deleteLinks ?? []).map((code) => ({
      delete: keys.evidenceLink(cycleId, entityId, code, evidenceId),
    })),
    ...(change.shaIndex ?? []).map((s) => ({
      put: {
        ...keys.evidenceSha(cycleId, entityId, s.sha256, evidenceId),
        _type: 'evidence-sha',
        evidenceId,
        fileId: s.fileId,
        revision: s.revision,
      },
    })),
    ...(change.carryMarker
      ? [
          {
            put: {
              ...keys.evidenceCarry(
                cycleId,
                entityId,
                change.carryMarker.fromCycleId,
                change.carryMarker.sourceEvidenceId,
              ),
              _type: 'evidence-carry',
              evidenceId,
            },
            condition: absent,
          },
        ]
      : []),
    auditWrite({ cycleId, entityId }, change.audit),
  ];
}

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

/** Everything `purge` removes besides the evidence item: revisions, links, SHA entries, the carry marker. */
function childrenOf(ev: Evidence, revisions: readonly EvidenceRevision[]) {
  const { cycleId, entityId, evidenceId } = ev;
  return [
    ...revisions.map(revisionKey),
    ...[...new Set([...ev.criterionCodes, ...ev.unconfirmedCodes])].map((code) =>
      keys.evidenceLink(cycleId, entityId, code, evidenceId),
    ),
    ...[...new Set(revisions.map((r) => r.sha256).filter((s): s is string => !!s))].map((sha) =>
      keys.evidenceSha(cycleId, entityId, sha, evidenceId),
    ),
    ...(ev.carriedFrom
      ? [keys.evidenceCarry(cycleId, entityId, ev.carriedFrom.cycleId, ev.carriedFrom.evidenceId)]
      : []),
  ];
}

type Lookups = Omit<EvidenceRepository, 'save' | 'recordScan' | 'purge' | 'listByCriterion' | 'search'>;

/** Reads by key and whole-partition lists. */
function evidenceLookups(db: MemoryTable): Lookups {
  return {
    async get(cycleId, entityId, evidenceId) {
      const item = db.get(keys.evidence(cycleId, entityId, evidenceId));
      return item && toEvidence(item);
    },
    getRevision: async (r) => db.read<EvidenceRevision>(revisionKey(r)),
    async listRevisions(cycleId, entityId, evidenceId) {
      const { pk, skPrefix } = keys.evidenceRevisionPrefix(cycleId, entityId, evidenceId);
      return db.list<EvidenceRevision>({ partition: pk, prefix: skPrefix });
    },
    // Oldest first, only what was requested before `before` (the sparse index sorts by request time).
    listUnsettled: async (before, limit, token) =>
      db.queryPage<EvidenceRevision>(
        { index: 'gsi1', partition: keys.unsettledRevisionIndexPartition(), below: before },
        limit,
        token,
      ),
    async listByEntity(cycleId, entityId) {
      const { pk, skPrefix } = keys.evidencePrefix(cycleId, entityId);
      return db
        .queryAll({ partition: pk, prefix: skPrefix })
        .map(toEvidence)
        .filter((e) => !e.deletedAt);
    },
    async findBySha(cycleId, entityId, sha256) {
      const { pk, skPrefix } = keys.evidenceShaPrefix(cycleId, entityId, sha256);
      return db.queryAll({ partition: pk, prefix: skPrefix }).map((i) => String(i.evidenceId));
    },
    async findCarried(cycleId, entityId, fromCycleId, sourceEvidenceId) {
      return db.read<{ evidenceId: string }>(
        keys.evidenceCarry(cycleId, entityId, fromCycleId, sourceEvidenceId),
      )?.evidenceId;
    },
  };
}

/** Paged reads: a criterion's links and the filtered search. */
function evidenceSearches(
  db: MemoryTable,
  get: Lookups['get'],
): Pick<EvidenceRepository, 'listByCriterion' | 'search'> {
  return {
    async listByCriterion(cycleId, entityId, code, limit, token) {
      const { pk, skPrefix } = keys.evidenceLinkPrefix(cycleId, entityId, code);
      // Newest first: ULIDs sort by creation time. Deleted (or purged) evidence is skipped, not replaced.
      const links = db.queryPage<{ evidenceId: string }>(
        { partition: pk, prefix: skPrefix, forward: false },
        limit,
        token,
      );
      const found = await Promise.all(links.items.map((l) => get(cycleId, entityId, l.evidenceId)));
      return { items: found.filter((e): e is Evidence => e !== undefined && !e.deletedAt), next: links.next };
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
      const page = db.queryPageFiltered<Item>(spec, limit, token, matches(q));
      return { items: page.items.map(toEvidence), next: page.next };
    },
  };
}

export function memoryEvidenceRepository(db: MemoryTable): EvidenceRepository {
  const lookups = evidenceLookups(db);
  const get = lookups.get;
  return {
    ...lookups,
    ...evidenceSearches(db, get),
    async save(change) {
      const writes = writesOf(change);
      checkSize(writes);
      const ev = change.evidence;
      if (db.transact(writes).length) throw stale(await get(ev.cycleId, ev.entityId, ev.evidenceId));
    },
    async recordScan(revision, expectedVersion) {
      const write = { put: revisionItem(revision), condition: revisionAt(expectedVersion, 'pending_upload') };
      return db.transact([write]).length === 0;
    },
    async purge(ev, revisions, audit) {
      // The evidence must still be the deleted one the admin confirmed, at the version they saw.
      const stillDeleted: Condition = (current) =>
        current?.version === ev.version && current.deletedAt !== undefined;
      const writes: Write[] = [
        { delete: keys.evidence(ev.cycleId, ev.entityId, ev.evidenceId), condition: stillDeleted },
        ...childrenOf(ev, revisions).map((key) => ({ delete: key })),
        auditWrite({ cycleId: ev.cycleId, entityId: ev.entityId }, audit),
      ];
      if (db.transact(writes).length) throw stale(await get(ev.cycleId, ev.entityId, ev.evidenceId));
    },
  };
}
