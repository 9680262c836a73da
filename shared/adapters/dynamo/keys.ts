/**
 * Key builders, one place per entity. Nothing else in the code base spells a key.
 * `CE` = one entity inside one cycle: the partition that holds its evidence, scores and audit trail, so the
 * readiness of an entity is a single Query.
 */
import { ValidationError } from '#domain/errors.ts';
import { TABLE } from './table.ts';

const badCursor = () =>
  new ValidationError([
    {
      field: 'query.cursor',
      message: { vi: 'Con trỏ phân trang không hợp lệ.', en: 'The pagination cursor is not valid.' },
    },
  ]);

const ce = (cycleId: string, entityId: string) => `CE#${cycleId}#${entityId}`;

export const keys = {
  entity: (entityId: string) => ({ pk: `ENTITY#${entityId}`, sk: 'META' }),
  unit: (entityId: string, unitId: string) => ({ pk: `ENTITY#${entityId}`, sk: `UNIT#${unitId}` }),
  unitPrefix: (entityId: string) => ({ pk: `ENTITY#${entityId}`, skPrefix: 'UNIT#' }),
  province: (provinceId: string) => ({ pk: `PROVINCE#${provinceId}`, sk: 'META' }),
  /** Entities of a province by type then id (gsi1 on the entity item): listing them is one Query. */
  entityIndex: (provinceId: string, type: string, entityId: string) => ({
    gsi1pk: `PROVINCE#${provinceId}#ENTITIES`,
    gsi1sk: `${type}#${entityId}`,
  }),
  entityIndexPartition: (provinceId: string) => `PROVINCE#${provinceId}#ENTITIES`,

  framework: (frameworkId: string, version: number) => ({
    pk: `FRAMEWORK#${frameworkId}`,
    sk: `V#${String(version).padStart(4, '0')}`,
  }),
  frameworkVersionPrefix: (frameworkId: string) => ({ pk: `FRAMEWORK#${frameworkId}`, skPrefix: 'V#' }),
  /** One item per framework: latest and latest published version, listed through gsi1. */
  frameworkHead: (frameworkId: string) => ({ pk: `FRAMEWORK#${frameworkId}`, sk: 'HEAD' }),
  frameworkIndex: (frameworkId: string) => ({ gsi1pk: 'FRAMEWORKS', gsi1sk: frameworkId }),
  frameworkIndexPartition: () => 'FRAMEWORKS',

  cycle: (cycleId: string) => ({ pk: `CYCLE#${cycleId}`, sk: 'META' }),
  /** All cycles, newest year first when read backwards. */
  cycleIndex: (year: number, cycleId: string) => ({ gsi1pk: 'CYCLES', gsi1sk: `${year}#${cycleId}` }),
  cycleIndexPartition: () => 'CYCLES',

  evidence: (cycleId: string, entityId: string, evidenceId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `EV#${evidenceId}`,
  }),
  evidencePrefix: (cycleId: string, entityId: string) => ({ pk: ce(cycleId, entityId), skPrefix: 'EV#' }),
  /** Link of an evidence to one criterion: listing a criterion's evidence is one Query on this prefix. */
  evidenceLink: (cycleId: string, entityId: string, criterionCode: string, evidenceId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `LINK#${criterionCode}#${evidenceId}`,
  }),
  evidenceLinkPrefix: (cycleId: string, entityId: string, criterionCode: string) => ({
    pk: ce(cycleId, entityId),
    skPrefix: `LINK#${criterionCode}#`,
  }),
  /** All evidence of a cycle across entities, newest first (gsi1; admins and reviewers). */
  evidenceCycleIndex: (cycleId: string, evidenceId: string) => ({
    gsi1pk: `EVCYCLE#${cycleId}`,
    gsi1sk: evidenceId,
  }),
  evidenceCycleIndexPartition: (cycleId: string) => `EVCYCLE#${cycleId}`,
  /** One uploaded revision of one file of an evidence; all of an evidence's revisions share a prefix. */
  evidenceRevision: (
    cycleId: string,
    entityId: string,
    evidenceId: string,
    fileId: string,
    revision: number,
  ) => ({
    pk: ce(cycleId, entityId),
    sk: `EVF#${evidenceId}#${fileId}#${String(revision).padStart(5, '0')}`,
  }),
  evidenceRevisionPrefix: (cycleId: string, entityId: string, evidenceId: string) => ({
    pk: ce(cycleId, entityId),
    skPrefix: `EVF#${evidenceId}#`,
  }),
  /**
   * Revisions not settled yet (`pending_upload`, `scanning`), oldest first: the upload redrive's work list. Sparse
   * gsi1 on the revision item: the keys are written only while it is unsettled and vanish with the Put that
   * settles it, so the redrive reads what is stuck and nothing else (docs/evidence.md, "Recovery").
   */
  unsettledRevisionIndex: (
    createdAt: string,
    r: { cycleId: string; entityId: string; evidenceId: string; fileId: string; revision: number },
  ) => ({
    gsi1pk: 'UPLOADS_UNSETTLED',
    gsi1sk: `${createdAt}#${r.cycleId}#${r.entityId}#${r.evidenceId}#${r.fileId}#${String(r.revision).padStart(5, '0')}`,
  }),
  unsettledRevisionIndexPartition: () => 'UPLOADS_UNSETTLED',
  /** SHA-256 → evidence within an entity's cycle: duplicate detection is one Query on this prefix. */
  evidenceSha: (cycleId: string, entityId: string, sha256: string, evidenceId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `SHA#${sha256}#${evidenceId}`,
  }),
  evidenceShaPrefix: (cycleId: string, entityId: string, sha256: string) => ({
    pk: ce(cycleId, entityId),
    skPrefix: `SHA#${sha256}#`,
  }),
  /** "Evidence X of cycle F was carried into this partition": makes carry-forward idempotent. */
  evidenceCarry: (cycleId: string, entityId: string, fromCycleId: string, sourceEvidenceId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `CARRY#${fromCycleId}#${sourceEvidenceId}`,
  }),

  score: (cycleId: string, entityId: string, criterionCode: string) => ({
    pk: ce(cycleId, entityId),
    sk: `SCORE#${criterionCode}`,
  }),
  scorePrefix: (cycleId: string, entityId: string) => ({ pk: ce(cycleId, entityId), skPrefix: 'SCORE#' }),

  /** Reviewers' queue: one item per criterion awaiting them; gsi1 lists a cycle's queue oldest first. */
  reviewQueue: (cycleId: string, entityId: string, criterionCode: string) => ({
    pk: `REVIEWQ#${cycleId}`,
    sk: `${entityId}#${criterionCode}`,
  }),
  reviewQueueIndex: (cycleId: string, queuedAt: string, entityId: string, criterionCode: string) => ({
    gsi1pk: `REVIEWQ#${cycleId}`,
    gsi1sk: `${queuedAt}#${entityId}#${criterionCode}`,
  }),
  reviewQueueIndexPartition: (cycleId: string) => `REVIEWQ#${cycleId}`,
  /** A criterion's comment thread (append-only), oldest first by ULID. */
  comment: (cycleId: string, entityId: string, criterionCode: string, commentId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `COMMENT#${criterionCode}#${commentId}`,
  }),
  commentPrefix: (cycleId: string, entityId: string, criterionCode: string) => ({
    pk: ce(cycleId, entityId),
    skPrefix: `COMMENT#${criterionCode}#`,
  }),
  /** Reopen record of one unit's self-assessment, or of the whole entity's (`*`). */
  submission: (cycleId: string, entityId: string, unitId: string | undefined) => ({
    pk: ce(cycleId, entityId),
    sk: `SUBM#${unitId ?? '*'}`,
  }),
  submissionPrefix: (cycleId: string, entityId: string) => ({ pk: ce(cycleId, entityId), skPrefix: 'SUBM#' }),
  /** Imported survey points of one survey criterion. */
  surveyImport: (cycleId: string, entityId: string, criterionCode: string) => ({
    pk: ce(cycleId, entityId),
    sk: `SURVEY#${criterionCode}`,
  }),
  surveyImportPrefix: (cycleId: string, entityId: string) => ({
    pk: ce(cycleId, entityId),
    skPrefix: 'SURVEY#',
  }),
  /** Daily readiness snapshot (one per entity and day in Asia/Ho_Chi_Minh). */
  snapshot: (cycleId: string, entityId: string, date: string) => ({
    pk: ce(cycleId, entityId),
    sk: `SNAP#${date}`,
  }),
  snapshotPrefix: (cycleId: string, entityId: string) => ({ pk: ce(cycleId, entityId), skPrefix: 'SNAP#' }),

  /** A task of one unit, inside its entity's cycle partition. */
  assignment: (cycleId: string, entityId: string, assignmentId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `ASSIGN#${assignmentId}`,
  }),
  assignmentPrefix: (cycleId: string, entityId: string) => ({
    pk: ce(cycleId, entityId),
    skPrefix: 'ASSIGN#',
  }),
  /** A unit's tasks by due date (gsi1): "what does my unit owe, soonest first" is one Query. */
  assignmentUnitIndex: (
    cycleId: string,
    entityId: string,
    unitId: string,
    dueDate: string,
    assignmentId: string,
  ) => ({
    gsi1pk: `UNITTASKS#${cycleId}#${entityId}#${unitId}`,
    gsi1sk: `${dueDate}#${assignmentId}`,
  }),
  assignmentUnitIndexPartition: (cycleId: string, entityId: string, unitId: string) =>
    `UNITTASKS#${cycleId}#${entityId}#${unitId}`,

  audit: (cycleId: string, entityId: string, auditId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `AUDIT#${auditId}`,
  }),
  auditPrefix: (cycleId: string, entityId: string) => ({ pk: ce(cycleId, entityId), skPrefix: 'AUDIT#' }),
  /** A criterion's audit entries (gsi1 on the entity-scope entry): its trail is one Query. */
  criterionAuditIndex: (cycleId: string, entityId: string, criterionCode: string, auditId: string) => ({
    gsi1pk: `AUDITC#${cycleId}#${entityId}#${criterionCode}`,
    gsi1sk: auditId,
  }),
  criterionAuditIndexPartition: (cycleId: string, entityId: string, criterionCode: string) =>
    `AUDITC#${cycleId}#${entityId}#${criterionCode}`,
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'META' }),
  /** All users in one index partition, sorted by entity then e-mail: list all, or one entity's by prefix. */
  userIndex: (entityId: string | undefined, email: string) => ({
    gsi1pk: 'USERS',
    gsi1sk: `${entityId ?? '_'}#${email}`,
  }),
  userIndexPartition: () => 'USERS',
  /** Uniqueness guard: one account per e-mail. */
  userEmail: (email: string) => ({ pk: `USER_EMAIL#${email}`, sk: 'META' }),

  /**
   * Reminder outbox: one item per (recipient, date, kind) — the idempotency record and the stored message.
   * A day's messages share a partition, so "what went out on 08/04" is one Query.
   */
  outbox: (date: string, key: string) => ({ pk: `OUTBOX#${date}`, sk: `MSG#${key}` }),
  outboxPrefix: (date: string) => ({ pk: `OUTBOX#${date}`, skPrefix: 'MSG#' }),
  /** What the mail provider reported about an outbox message (SES events; the local mailbox), next to it. */
  providerRecord: (date: string, key: string) => ({ pk: `OUTBOX#${date}`, sk: `PROVIDER#${key}` }),

  /** The self-assessment report's texts and header of one entity in one cycle (versioned). */
  reportTexts: (cycleId: string, entityId: string) => ({ pk: ce(cycleId, entityId), sk: 'REPORT' }),
  /** An export job (docs/dossier.md); `ttl` removes it in AWS after it expired. */
  exportJob: (jobId: string) => ({ pk: `EXPORT#${jobId}`, sk: 'META' }),
  /** Key (hash of scope, parts and data versions) → the job last made for it: requests are idempotent. */
  exportKey: (key: string) => ({ pk: `EXPORTKEY#${key}`, sk: 'META' }),

  /** Audit of things that belong to no entity (a cycle's creation, user administration). */
  globalAudit: (auditId: string) => ({ pk: 'AUDIT', sk: `AUDIT#${auditId}` }),
} as const;

/** What a client's cursor is checked against: the Query it continues (its index and key condition). */
export interface CursorQuery {
  IndexName?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** Key value sizes DynamoDB accepts (Developer Guide, "Constraints": partition key 1–2048 bytes, sort key 1–1024). */
const KEY_BYTES: Record<string, number> = {
  [TABLE.partitionKey]: 2048,
  [TABLE.sortKey]: 1024,
  [TABLE.gsi1.partitionKey]: 2048,
  [TABLE.gsi1.sortKey]: 1024,
};

/** The partition the key condition names (`pk = :x`, `#pk = :x`), and the sort-key prefix when it has one. */
function keyCondition(q: CursorQuery) {
  const expr = q.KeyConditionExpression ?? '';
  const name = (n: string) => (n.startsWith('#') ? (q.ExpressionAttributeNames?.[n] ?? n) : n);
  const values = q.ExpressionAttributeValues ?? {};
  const eq = /^\s*(#?\w+)\s*=\s*(:\w+)/.exec(expr);
  if (!eq) throw new Error(`cursor: unsupported key condition "${expr}"`);
  const begins = /begins_with\(\s*(#?\w+)\s*,\s*(:\w+)\s*\)/i.exec(expr);
  return {
    partition: { name: name(eq[1]!), value: values[eq[2]!] },
    ...(begins ? { prefix: { name: name(begins[1]!), value: String(values[begins[2]!]) } } : {}),
  };
}

/**
 * Opaque pagination cursors: the LastEvaluatedKey, base64url JSON. A cursor comes back from the client, so it is
 * input like any other: `decode` accepts only a key this very Query could have returned — exactly the table's
 * key attributes (and the index's, for an index Query), non-empty strings within DynamoDB's key sizes, in the
 * Query's partition and under its sort-key prefix. A forged key or another listing's cursor is a 400 on
 * `query.cursor`, never a DynamoDB ValidationException (docs/data-model.md).
 */
export const cursor = {
  encode: (key: Record<string, unknown> | undefined): string | undefined =>
    key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined,
  decode: (token: string | undefined, query: CursorQuery): Record<string, string> | undefined => {
    if (!token) return undefined;
    let v: unknown;
    try {
      v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      v = undefined;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw badCursor();
    const key = v as Record<string, unknown>;
    if (query.IndexName !== undefined && query.IndexName !== TABLE.gsi1.name)
      throw new Error(`cursor: unknown index ${query.IndexName}`);
    const names = [
      TABLE.partitionKey,
      TABLE.sortKey,
      ...(query.IndexName ? [TABLE.gsi1.partitionKey, TABLE.gsi1.sortKey] : []),
    ];
    const wellFormed =
      Object.keys(key).length === names.length &&
      names.every((n) => {
        const x = Object.hasOwn(key, n) ? key[n] : undefined;
        return typeof x === 'string' && x !== '' && Buffer.byteLength(x) <= KEY_BYTES[n]!;
      });
    if (!wellFormed) throw badCursor();
    const { partition, prefix } = keyCondition(query);
    if (key[partition.name] !== partition.value) throw badCursor();
    if (prefix && !String(key[prefix.name]).startsWith(prefix.value)) throw badCursor();
    return key as Record<string, string>;
  },
};
