/**
 * Key builders, one place per entity. Nothing else in the code base spells a key.
 * `CE` = one entity inside one cycle: the partition that holds its evidence, scores and audit trail, so the
 * readiness of an entity is a single Query.
 *
 * One export per builder, called through a namespace import (`import * as keys from './keys.ts'`): a function's
 * bundle then carries only the builders it calls (esbuild cannot drop an object's unused properties).
 * Pagination cursors are in cursor.ts (re-exported here).
 */
export { type CursorQuery, cursor } from './cursor.ts';

const ce = (cycleId: string, entityId: string) => `CE#${cycleId}#${entityId}`;

export const entity = (entityId: string) => ({ pk: `ENTITY#${entityId}`, sk: 'META' });

export const unit = (entityId: string, unitId: string) => ({
  pk: `ENTITY#${entityId}`,
  sk: `UNIT#${unitId}`,
});

export const unitPrefix = (entityId: string) => ({ pk: `ENTITY#${entityId}`, skPrefix: 'UNIT#' });

export const province = (provinceId: string) => ({ pk: `PROVINCE#${provinceId}`, sk: 'META' });

/** Entities of a province by type then id (gsi1 on the entity item): listing them is one Query. */
export const entityIndex = (provinceId: string, type: string, entityId: string) => ({
  gsi1pk: `PROVINCE#${provinceId}#ENTITIES`,
  gsi1sk: `${type}#${entityId}`,
});

export const entityIndexPartition = (provinceId: string) => `PROVINCE#${provinceId}#ENTITIES`;

export const framework = (frameworkId: string, version: number) => ({
  pk: `FRAMEWORK#${frameworkId}`,
  sk: `V#${String(version).padStart(4, '0')}`,
});

export const frameworkVersionPrefix = (frameworkId: string) => ({
  pk: `FRAMEWORK#${frameworkId}`,
  skPrefix: 'V#',
});

/** One item per framework: latest and latest published version, listed through gsi1. */
export const frameworkHead = (frameworkId: string) => ({ pk: `FRAMEWORK#${frameworkId}`, sk: 'HEAD' });

export const frameworkIndex = (frameworkId: string) => ({ gsi1pk: 'FRAMEWORKS', gsi1sk: frameworkId });

export const frameworkIndexPartition = () => 'FRAMEWORKS';

export const cycle = (cycleId: string) => ({ pk: `CYCLE#${cycleId}`, sk: 'META' });

/** All cycles, newest year first when read backwards. */
export const cycleIndex = (year: number, cycleId: string) => ({
  gsi1pk: 'CYCLES',
  gsi1sk: `${year}#${cycleId}`,
});

export const cycleIndexPartition = () => 'CYCLES';

export const evidence = (cycleId: string, entityId: string, evidenceId: string) => ({
  pk: ce(cycleId, entityId),
  sk: `EV#${evidenceId}`,
});

export const evidencePrefix = (cycleId: string, entityId: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: 'EV#',
});

/** Link of an evidence to one criterion: listing a criterion's evidence is one Query on this prefix. */
export const evidenceLink = (
  cycleId: string,
  entityId: string,
  criterionCode: string,
  evidenceId: string,
) => ({
  pk: ce(cycleId, entityId),
  sk: `LINK#${criterionCode}#${evidenceId}`,
});

export const evidenceLinkPrefix = (cycleId: string, entityId: string, criterionCode: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: `LINK#${criterionCode}#`,
});

/** All evidence of a cycle across entities, newest first (gsi1; admins and reviewers). */
export const evidenceCycleIndex = (cycleId: string, evidenceId: string) => ({
  gsi1pk: `EVCYCLE#${cycleId}`,
  gsi1sk: evidenceId,
});

export const evidenceCycleIndexPartition = (cycleId: string) => `EVCYCLE#${cycleId}`;

/** One uploaded revision of one file of an evidence; all of an evidence's revisions share a prefix. */
export const evidenceRevision = (
  cycleId: string,
  entityId: string,
  evidenceId: string,
  fileId: string,
  revision: number,
) => ({
  pk: ce(cycleId, entityId),
  sk: `EVF#${evidenceId}#${fileId}#${String(revision).padStart(5, '0')}`,
});

export const evidenceRevisionPrefix = (cycleId: string, entityId: string, evidenceId: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: `EVF#${evidenceId}#`,
});

/**
 * Revisions not settled yet (`pending_upload`, `scanning`), oldest first: the upload redrive's work list. Sparse
 * gsi1 on the revision item: the keys are written only while it is unsettled and vanish with the Put that
 * settles it, so the redrive reads what is stuck and nothing else (docs/evidence.md, "Recovery").
 */
export const unsettledRevisionIndex = (
  createdAt: string,
  r: { cycleId: string; entityId: string; evidenceId: string; fileId: string; revision: number },
) => ({
  gsi1pk: 'UPLOADS_UNSETTLED',
  gsi1sk: `${createdAt}#${r.cycleId}#${r.entityId}#${r.evidenceId}#${r.fileId}#${String(r.revision).padStart(5, '0')}`,
});

export const unsettledRevisionIndexPartition = () => 'UPLOADS_UNSETTLED';

/** SHA-256 → evidence within an entity's cycle: duplicate detection is one Query on this prefix. */
export const evidenceSha = (cycleId: string, entityId: string, sha256: string, evidenceId: string) => ({
  pk: ce(cycleId, entityId),
  sk: `SHA#${sha256}#${evidenceId}`,
});

export const evidenceShaPrefix = (cycleId: string, entityId: string, sha256: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: `SHA#${sha256}#`,
});

/** "Evidence X of cycle F was carried into this partition": makes carry-forward idempotent. */
export const evidenceCarry = (
  cycleId: string,
  entityId: string,
  fromCycleId: string,
  sourceEvidenceId: string,
) => ({
  pk: ce(cycleId, entityId),
  sk: `CARRY#${fromCycleId}#${sourceEvidenceId}`,
});

export const score = (cycleId: string, entityId: string, criterionCode: string) => ({
  pk: ce(cycleId, entityId),
  sk: `SCORE#${criterionCode}`,
});

export const scorePrefix = (cycleId: string, entityId: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: 'SCORE#',
});

/** Reviewers' queue: one item per criterion awaiting them; gsi1 lists a cycle's queue oldest first. */
export const reviewQueue = (cycleId: string, entityId: string, criterionCode: string) => ({
  pk: `REVIEWQ#${cycleId}`,
  sk: `${entityId}#${criterionCode}`,
});

export const reviewQueueIndex = (
  cycleId: string,
  queuedAt: string,
  entityId: string,
  criterionCode: string,
) => ({
  gsi1pk: `REVIEWQ#${cycleId}`,
  gsi1sk: `${queuedAt}#${entityId}#${criterionCode}`,
});

export const reviewQueueIndexPartition = (cycleId: string) => `REVIEWQ#${cycleId}`;

/** A criterion's comment thread (append-only), oldest first by ULID. */
export const comment = (cycleId: string, entityId: string, criterionCode: string, commentId: string) => ({
  pk: ce(cycleId, entityId),
  sk: `COMMENT#${criterionCode}#${commentId}`,
});

export const commentPrefix = (cycleId: string, entityId: string, criterionCode: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: `COMMENT#${criterionCode}#`,
});

/** Reopen record of one unit's self-assessment, or of the whole entity's (`*`). */
export const submission = (cycleId: string, entityId: string, unitId: string | undefined) => ({
  pk: ce(cycleId, entityId),
  sk: `SUBM#${unitId ?? '*'}`,
});

export const submissionPrefix = (cycleId: string, entityId: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: 'SUBM#',
});

/** Imported survey points of one survey criterion. */
export const surveyImport = (cycleId: string, entityId: string, criterionCode: string) => ({
  pk: ce(cycleId, entityId),
  sk: `SURVEY#${criterionCode}`,
});

export const surveyImportPrefix = (cycleId: string, entityId: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: 'SURVEY#',
});

/** Daily readiness snapshot (one per entity and day in Asia/Ho_Chi_Minh). */
export const snapshot = (cycleId: string, entityId: string, date: string) => ({
  pk: ce(cycleId, entityId),
  sk: `SNAP#${date}`,
});

export const snapshotPrefix = (cycleId: string, entityId: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: 'SNAP#',
});

/** A task of one unit, inside its entity's cycle partition. */
export const assignment = (cycleId: string, entityId: string, assignmentId: string) => ({
  pk: ce(cycleId, entityId),
  sk: `ASSIGN#${assignmentId}`,
});

export const assignmentPrefix = (cycleId: string, entityId: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: 'ASSIGN#',
});

/** A unit's tasks by due date (gsi1): "what does my unit owe, soonest first" is one Query. */
export const assignmentUnitIndex = (
  cycleId: string,
  entityId: string,
  unitId: string,
  dueDate: string,
  assignmentId: string,
) => ({
  gsi1pk: `UNITTASKS#${cycleId}#${entityId}#${unitId}`,
  gsi1sk: `${dueDate}#${assignmentId}`,
});

export const assignmentUnitIndexPartition = (cycleId: string, entityId: string, unitId: string) =>
  `UNITTASKS#${cycleId}#${entityId}#${unitId}`;

export const audit = (cycleId: string, entityId: string, auditId: string) => ({
  pk: ce(cycleId, entityId),
  sk: `AUDIT#${auditId}`,
});

export const auditPrefix = (cycleId: string, entityId: string) => ({
  pk: ce(cycleId, entityId),
  skPrefix: 'AUDIT#',
});

/** A criterion's audit entries (gsi1 on the entity-scope entry): its trail is one Query. */
export const criterionAuditIndex = (
  cycleId: string,
  entityId: string,
  criterionCode: string,
  auditId: string,
) => ({
  gsi1pk: `AUDITC#${cycleId}#${entityId}#${criterionCode}`,
  gsi1sk: auditId,
});

export const criterionAuditIndexPartition = (cycleId: string, entityId: string, criterionCode: string) =>
  `AUDITC#${cycleId}#${entityId}#${criterionCode}`;

export const user = (userId: string) => ({ pk: `USER#${userId}`, sk: 'META' });

/** All users in one index partition, sorted by entity then e-mail: list all, or one entity's by prefix. */
export const userIndex = (entityId: string | undefined, email: string) => ({
  gsi1pk: 'USERS',
  gsi1sk: `${entityId ?? '_'}#${email}`,
});

export const userIndexPartition = () => 'USERS';

/** Uniqueness guard: one account per e-mail. */
export const userEmail = (email: string) => ({ pk: `USER_EMAIL#${email}`, sk: 'META' });

/**
 * Reminder outbox: one item per (recipient, date, kind) — the idempotency record and the stored message.
 * A day's messages share a partition, so "what went out on 08/04" is one Query.
 */
export const outbox = (date: string, key: string) => ({ pk: `OUTBOX#${date}`, sk: `MSG#${key}` });

export const outboxPrefix = (date: string) => ({ pk: `OUTBOX#${date}`, skPrefix: 'MSG#' });

/** What the mail provider reported about an outbox message (SES events; the local mailbox), next to it. */
export const providerRecord = (date: string, key: string) => ({
  pk: `OUTBOX#${date}`,
  sk: `PROVIDER#${key}`,
});

/** The self-assessment report's texts and header of one entity in one cycle (versioned). */
export const reportTexts = (cycleId: string, entityId: string) => ({
  pk: ce(cycleId, entityId),
  sk: 'REPORT',
});

/** An export job (docs/dossier.md); `ttl` removes it in AWS after it expired. */
export const exportJob = (jobId: string) => ({ pk: `EXPORT#${jobId}`, sk: 'META' });

/** Key (hash of scope, parts and data versions) → the job last made for it: requests are idempotent. */
export const exportKey = (key: string) => ({ pk: `EXPORTKEY#${key}`, sk: 'META' });

/** Audit of things that belong to no entity (a cycle's creation, user administration). */
export const globalAudit = (auditId: string) => ({ pk: 'AUDIT', sk: `AUDIT#${auditId}` });

/** All builders as one object, for scripts and tests that take `{ keys }`; a bundle that does not use it drops it. */
export const keys = {
  entity,
  unit,
  unitPrefix,
  province,
  entityIndex,
  entityIndexPartition,
  framework,
  frameworkVersionPrefix,
  frameworkHead,
  frameworkIndex,
  frameworkIndexPartition,
  cycle,
  cycleIndex,
  cycleIndexPartition,
  evidence,
  evidencePrefix,
  evidenceLink,
  evidenceLinkPrefix,
  evidenceCycleIndex,
  evidenceCycleIndexPartition,
  evidenceRevision,
  evidenceRevisionPrefix,
  unsettledRevisionIndex,
  unsettledRevisionIndexPartition,
  evidenceSha,
  evidenceShaPrefix,
  evidenceCarry,
  score,
  scorePrefix,
  reviewQueue,
  reviewQueueIndex,
  reviewQueueIndexPartition,
  comment,
  commentPrefix,
  submission,
  submissionPrefix,
  surveyImport,
  surveyImportPrefix,
  snapshot,
  snapshotPrefix,
  assignment,
  assignmentPrefix,
  assignmentUnitIndex,
  assignmentUnitIndexPartition,
  audit,
  auditPrefix,
  criterionAuditIndex,
  criterionAuditIndexPartition,
  user,
  userIndex,
  userIndexPartition,
  userEmail,
  outbox,
  outboxPrefix,
  providerRecord,
  reportTexts,
  exportJob,
  exportKey,
  globalAudit,
};
