/**
 * Ports: what the use cases need from the outside world. Adapters in `shared/adapters/` implement them
 * (DynamoDB, S3); tests may pass in-memory ones for pure unit tests.
 */
import type { Actor } from './domain/actor.ts';
import type { Assignment } from './domain/assignment.ts';
import type { Cycle } from './domain/cycle.ts';
import type { ExportJob } from './domain/dossier.ts';
import type { Evidence, EvidenceRevision, EvidenceState, FileState } from './domain/evidence.ts';
import type { Framework, FrameworkDocument, FrameworkProblem } from './domain/framework.ts';
import type { ScanVerdict, StreamingScan } from './domain/malware.ts';
import type { Entity, Province, Unit } from './domain/organization.ts';
import type { OutboxMessage, ProviderEventType, ProviderRecord } from './domain/outbox.ts';
import type { ReadinessSnapshot } from './domain/readiness.ts';
import type { ReportTexts } from './domain/report.ts';
import type { ReportModel } from './domain/report-model.ts';
import type { CouncilMeta, CouncilRow, ScoreTable, ScoreTableMeta } from './domain/score-table.ts';
import type { Comment, ReviewQueueItem, Score, Submission, SurveyImport } from './domain/scoring.ts';
import type { UserProfile } from './domain/user.ts';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

/** One append-only record of who changed what (docs/scoring.md). */
export interface AuditEntry {
  auditId: string;
  at: string;
  actor: Pick<Actor, 'userId' | 'role' | 'name'>;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; absent on the last page. */
  next?: string;
}

export interface OrganizationRepository {
  getEntity(entityId: string): Promise<Entity | undefined>;
  listUnits(entityId: string): Promise<Unit[]>;
  getProvince(provinceId: string): Promise<Province | undefined>;
  /** Entities of a province, by type then id. */
  listEntities(provinceId: string, limit: number, cursor?: string): Promise<Page<Entity>>;
}

/** One per framework: what lists show, and the numbers the version rules need. */
export interface FrameworkHead {
  frameworkId: string;
  name: { vi: string; en: string };
  index: Framework['index'];
  provenance: Framework['provenance'];
  latestVersion: number;
  latestPublishedVersion?: number;
  updatedAt: string;
  /** Optimistic-concurrency counter of the head item. */
  revision: number;
}

/** A version without its nodes (lists). */
export type FrameworkVersionSummary = Omit<Framework, 'nodes' | 'mapping' | 'bands'> & { nodeCount: number };

export interface FrameworkRepository {
  get(frameworkId: string, version: number): Promise<Framework | undefined>;
  getHead(frameworkId: string): Promise<FrameworkHead | undefined>;
  listHeads(limit: number, cursor?: string): Promise<Page<FrameworkHead>>;
  listVersions(frameworkId: string, limit: number, cursor?: string): Promise<Page<FrameworkVersionSummary>>;
  /**
   * Writes a version, its head and the audit entry in one transaction. The version must not exist
   * (`expectedRevision` absent) or be a draft still at `expectedRevision`; the head must be at
   * `expectedHeadRevision` (absent: must not exist). A published version is never overwritten: a failed
   * condition throws `ConflictError` with the version as stored.
   */
  save(
    framework: Framework,
    head: FrameworkHead,
    expected: { revision?: number; headRevision?: number },
    audit: AuditEntry,
  ): Promise<void>;
}

export interface CycleRepository {
  get(cycleId: string): Promise<Cycle | undefined>;
  list(limit: number, cursor?: string): Promise<Page<Cycle>>;
  /** Creates the cycle and its audit entry in one transaction. */
  create(cycle: Cycle, audit: AuditEntry): Promise<void>;
  /** Replaces the cycle if it is still at `expectedVersion` (else `ConflictError` with the current cycle). */
  update(cycle: Cycle, expectedVersion: number, audit: AuditEntry): Promise<void>;
}

export interface AssignmentRepository {
  get(cycleId: string, entityId: string, assignmentId: string): Promise<Assignment | undefined>;
  listByEntity(cycleId: string, entityId: string, limit: number, cursor?: string): Promise<Page<Assignment>>;
  /** A unit's tasks, soonest due first. */
  listByUnit(
    cycleId: string,
    entityId: string,
    unitId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Assignment>>;
  listAll(cycleId: string, entityId: string): Promise<Assignment[]>;
  /** Replaces the assignment if still at `expectedVersion` (else `ConflictError` with the current one). */
  update(assignment: Assignment, expectedVersion: number, audit: AuditEntry): Promise<void>;
  /**
   * Creates assignments that must not exist yet, in transactions of up to 99 with one audit entry each
   * (`auditFor(batch)`); reports progress after each batch. Batches already written stay written.
   */
  createMany(
    assignments: readonly Assignment[],
    auditFor: (batch: readonly Assignment[], index: number) => AuditEntry,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void>;
}

export type Progress = (done: number, total: number) => void;

/** The one-sheet .xlsx form of a framework (adapter: shared/adapters/xlsx/framework-sheet.ts). */
export interface FrameworkSheetCodec {
  read(
    bytes: Uint8Array,
    onProgress?: Progress,
  ): Promise<{
    document: Record<string, unknown>;
    nodeRows: number[];
    metaRows: Record<string, number>;
    problems: FrameworkProblem[];
  }>;
  write(doc: FrameworkDocument): Promise<Uint8Array>;
  template(): Promise<Uint8Array>;
  withRows(
    problems: FrameworkProblem[],
    read: { document: Record<string, unknown>; nodeRows: number[]; metaRows: Record<string, number> },
  ): FrameworkProblem[];
}

/** The one-sheet .xlsx form of a list of assignments (adapter: shared/adapters/xlsx/assignment-sheet.ts). */
export interface AssignmentSheetCodec {
  read(
    bytes: Uint8Array,
    onProgress?: Progress,
  ): Promise<{
    rows: { row: number; values: Partial<Record<string, string>> }[];
    problems: { row?: number; field: string; message: { vi: string; en: string } }[];
  }>;
  write(
    rows: readonly Assignment[],
    unitName?: (unitId: string) => string,
    primaryFrameworkId?: string,
  ): Promise<Uint8Array>;
  template(): Promise<Uint8Array>;
}

/** One criterion link of an evidence. Carried-forward links await a member's confirmation. */
export interface EvidenceLink {
  evidenceId: string;
  criterionCode: string;
  needsConfirmation: boolean;
  linkedBy: string;
  linkedAt: string;
}

/**
 * Everything one evidence operation writes, committed as one transaction with its audit entry. Conditions:
 * the evidence must still be at `expectedVersion` (absent: must not exist yet), each revision at its
 * `expected` version and state (absent: must not exist yet), the carry-forward marker must not exist.
 */
export interface EvidenceChange {
  evidence: Evidence;
  expectedVersion?: number;
  revisions?: { revision: EvidenceRevision; expected?: { version: number; state: FileState } }[];
  putLinks?: EvidenceLink[];
  deleteLinks?: string[];
  /** SHA-256 index entries of available revisions (duplicate detection within the entity's cycle). */
  shaIndex?: { sha256: string; fileId: string; revision: number }[];
  /** Records that this evidence was carried from `sourceEvidenceId` of `fromCycleId` (once per target). */
  carryMarker?: { fromCycleId: string; sourceEvidenceId: string };
  audit: AuditEntry;
}

export interface EvidenceQuery {
  cycleId: string;
  /** Absent: every entity of the cycle (admins and reviewers). */
  entityId?: string;
  unitId?: string;
  criterionCode?: string;
  /** Folded tokens that must all occur in the title, document number, issuer or file names. */
  tokens?: string[];
  state?: EvidenceState;
  deleted: 'exclude' | 'include' | 'only';
}

export interface EvidenceRepository {
  /** Commits a change; a failed condition throws `ConflictError` carrying the evidence as stored now. */
  save(change: EvidenceChange): Promise<void>;
  get(cycleId: string, entityId: string, evidenceId: string): Promise<Evidence | undefined>;
  getRevision(ref: {
    cycleId: string;
    entityId: string;
    evidenceId: string;
    fileId: string;
    revision: number;
  }): Promise<EvidenceRevision | undefined>;
  /** Every revision of every file of an evidence, oldest first. */
  listRevisions(cycleId: string, entityId: string, evidenceId: string): Promise<EvidenceRevision[]>;
  /** Stores a scan verdict on a revision still at `expectedVersion`; false when it moved on meanwhile. */
  recordScan(revision: EvidenceRevision, expectedVersion: number): Promise<boolean>;
  /**
   * Revisions still `pending_upload` or `scanning` that were requested before `before` (ISO time), oldest
   * first, from the sparse index the upload redrive reads (never a table scan).
   */
  listUnsettled(before: string, limit: number, cursor?: string): Promise<Page<EvidenceRevision>>;
  /** Links of a criterion, newest evidence first, skipping deleted evidence. */
  listByCriterion(
    cycleId: string,
    entityId: string,
    criterionCode: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Evidence>>;
  /** All evidence of an entity in a cycle that is not deleted (readiness). */
  listByEntity(cycleId: string, entityId: string): Promise<Evidence[]>;
  search(query: EvidenceQuery, limit: number, cursor?: string): Promise<Page<Evidence>>;
  /** Evidence of the entity's cycle holding a revision with this SHA-256. */
  findBySha(cycleId: string, entityId: string, sha256: string): Promise<string[]>;
  /** The evidence a previous carry-forward created from `sourceEvidenceId`, if any. */
  findCarried(
    cycleId: string,
    entityId: string,
    fromCycleId: string,
    sourceEvidenceId: string,
  ): Promise<string | undefined>;
  /** Removes the evidence's items (revisions, links, index entries); audit entries stay. */
  purge(evidence: Evidence, revisions: readonly EvidenceRevision[], audit: AuditEntry): Promise<void>;
}

/**
 * One criterion's change, committed as one transaction: the score (conditional on `expectedVersion`; absent:
 * it must not exist yet), its queue entry (put or delete), an optional comment and the audit entry.
 */
export interface ScoreWrite {
  score: Score;
  expectedVersion?: number;
  queue?: { put: ReviewQueueItem } | { delete: true };
  comment?: Comment;
  audit: AuditEntry;
}

export interface ScoreRepository {
  get(cycleId: string, entityId: string, criterionCode: string): Promise<Score | undefined>;
  /** Every score of an entity in a cycle (readiness). */
  listByEntity(cycleId: string, entityId: string): Promise<Score[]>;
  /** A failed condition throws `ConflictError` carrying the score as stored now. */
  write(change: ScoreWrite): Promise<void>;
  /**
   * Several criteria, packed into as few transactions as DynamoDB allows; each criterion's items stay in one
   * transaction. A failed condition throws `ConflictError` with `{ written, conflicts }` (codes).
   */
  writeMany(changes: readonly ScoreWrite[]): Promise<void>;
}

export interface ReviewQueueFilter {
  /** Only these entities (a reviewer's entity-list scope, or a query filter). */
  entityIds?: readonly string[];
  /** Only entities of this province (a province-scoped reviewer). */
  province?: string;
}

export interface ReviewQueueRepository {
  /** Criteria awaiting reviewers in a cycle, oldest first, across entities. */
  list(
    cycleId: string,
    filter: ReviewQueueFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<ReviewQueueItem>>;
}

export interface CommentRepository {
  /** A criterion's thread, oldest first. */
  list(
    cycleId: string,
    entityId: string,
    criterionCode: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Comment>>;
  add(comment: Comment, audit: AuditEntry): Promise<void>;
}

export interface SubmissionRepository {
  /** Reopen records of an entity (the entity's and its units'). */
  listByEntity(cycleId: string, entityId: string): Promise<Submission[]>;
  /** Conditional on `expectedVersion` (absent: must not exist); else `ConflictError` with the stored one. */
  save(submission: Submission, expectedVersion: number | undefined, audit: AuditEntry): Promise<void>;
}

export interface SurveyRepository {
  listByEntity(cycleId: string, entityId: string): Promise<SurveyImport[]>;
  /** Conditional on `expectedVersion` (absent: must not exist); else `ConflictError` with the stored one. */
  save(imported: SurveyImport, expectedVersion: number | undefined, audit: AuditEntry): Promise<void>;
}

export interface AuditRepository {
  listByEntity(
    cycleId: string,
    entityId: string,
    order: 'asc' | 'desc',
    limit: number,
    cursor?: string,
  ): Promise<Page<AuditEntry>>;
  listByCriterion(
    cycleId: string,
    entityId: string,
    criterionCode: string,
    order: 'asc' | 'desc',
    limit: number,
    cursor?: string,
  ): Promise<Page<AuditEntry>>;
}

export interface SnapshotRepository {
  /** Writes the day's snapshot unless one exists (idempotent per entity and day); true when written. */
  putIfAbsent(snapshot: ReadinessSnapshot): Promise<boolean>;
  /** Snapshots of an entity, oldest first, within the inclusive date range. */
  list(cycleId: string, entityId: string, from?: string, to?: string): Promise<ReadinessSnapshot[]>;
}

export interface PresignedUpload {
  method: 'PUT';
  url: string;
  /** Headers the client must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface PresignedPart extends Omit<PresignedUpload, 'expiresAt'> {
  partNumber: number;
  sizeBytes: number;
}

export interface UploadedPart {
  partNumber: number;
  etag: string;
  sizeBytes: number;
}

export interface ObjectHead {
  sizeBytes: number;
  contentType?: string;
  /** When the object was written (ISO), where the store says. */
  lastModified?: string;
}

export interface ObjectStore {
  /** A PUT URL signing size, type and `if-none-match: *`: S3 itself refuses other bytes or an overwrite. */
  presignPut(
    key: string,
    contentType: string,
    sizeBytes: number,
    expiresInSeconds: number,
  ): Promise<PresignedUpload>;
  /** Starts a multipart upload (type fixed here); returns its upload id. */
  createMultipart(key: string, contentType: string): Promise<string>;
  /** A PUT URL for one part, signing its exact size. */
  presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    sizeBytes: number,
    expiresInSeconds: number,
  ): Promise<PresignedPart>;
  /** Uploads one part from the server (the export worker's package); returns its ETag. */
  uploadPart(key: string, uploadId: string, partNumber: number, body: Uint8Array): Promise<string>;
  /** Parts the store already holds, or undefined where it cannot say (s3rver has no ListParts). */
  listParts(key: string, uploadId: string): Promise<UploadedPart[] | undefined>;
  /** `invalid-parts`: a listed part is missing or its ETag is wrong. Completing twice is `already-completed`. */
  completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
  ): Promise<'completed' | 'already-completed' | 'invalid-parts'>;
  abortMultipart(key: string, uploadId: string): Promise<void>;
  /** A short-lived GET that makes the browser save the file under its original (UTF-8) name. */
  presignGet(
    key: string,
    opts: { contentDisposition: string; contentType: string; expiresInSeconds: number },
  ): Promise<{ url: string; expiresAt: string }>;
  /** Server-side copy to a new key (never overwrites: the target is a fresh id). */
  copy(sourceKey: string, targetKey: string): Promise<void>;
  head(key: string): Promise<ObjectHead | undefined>;
  /** The object's bytes as a stream, so callers can hash large files in bounded memory. */
  stream(key: string): Promise<AsyncIterable<Uint8Array>>;
  /** One tag of the object's current version (GuardDuty's verdict), if set. */
  getTag(key: string, tagKey: string): Promise<string | undefined>;
  /**
   * Deletes every object under the prefix, and in a versioned bucket every version and delete marker;
   * `versioned` says which happened (s3rver has no versions).
   */
  purgePrefix(prefix: string): Promise<{ deleted: number; versioned: boolean }>;
  /** Deletes one object (a delete marker in a versioned bucket); a missing key is not an error. */
  deleteObject(key: string): Promise<void>;
  /** Writes a file the server built (an export), never overwriting: the key is a fresh id. */
  putObject(key: string, body: Uint8Array, contentType: string): Promise<void>;
}

/** The report's texts (docs/dossier.md), one versioned record per cycle × entity. */
export interface ReportTextsRepository {
  get(cycleId: string, entityId: string): Promise<ReportTexts | undefined>;
  /** Conditional on `expectedVersion` (absent: must not exist), with the audit entry; else `ConflictError` with the stored one. */
  save(texts: ReportTexts, expectedVersion: number | undefined, audit: AuditEntry): Promise<void>;
}

/** Writes the report (.docx) from its model (the docx library lives only in the export worker's bundle). */
export interface ReportWriter {
  report(model: ReportModel): Promise<Uint8Array>;
}

/** Export jobs (docs/dossier.md): the job record and its key → job lookup that makes requests idempotent. */
export interface ExportRepository {
  get(jobId: string): Promise<ExportJob | undefined>;
  /** The job last created for this key, if any. */
  findByKey(key: string): Promise<ExportJob | undefined>;
  /**
   * Creates the job and points its key at it, in one transaction with the audit entry. `replacing`: the job the
   * key pointed to when the caller looked (expired, failed or lost); absent: the key must be new. Another
   * request that won the race → `ConflictError` carrying the winner's job.
   */
  create(
    job: ExportJob,
    replacing: string | undefined,
    audit: AuditEntry,
    auditScope?: AuditScope,
  ): Promise<void>;
  /** Updates state, progress, files, error; conditional on the state the caller saw. */
  update(job: ExportJob, expectedState: ExportJob['state']): Promise<void>;
}

export interface AuditScope {
  cycleId: string;
  entityId: string;
}

/** Builds the dossier's spreadsheets (exceljs lives only in the export worker's bundle). */
export interface DossierSheets {
  scoreTable(table: ScoreTable, meta: ScoreTableMeta): Promise<Uint8Array>;
  councilTable(rows: CouncilRow[], meta: CouncilMeta): Promise<Uint8Array>;
}

/** Starts the export worker in the background (AWS: an asynchronous Lambda invocation). */
export interface ExportRunner {
  start(jobId: string): Promise<void>;
}

/** Carried-forward evidence whose file copies are left for the background (docs/evidence.md, "Carry-forward"). */
export interface CarryCopyJob {
  cycleId: string;
  entityId: string;
  evidenceIds: string[];
}

/** Finishes carried-forward copies in the background (AWS: an asynchronous invocation of redrive-uploads). */
export interface CarryCopyRunner {
  start(job: CarryCopyJob): Promise<void>;
}

/**
 * Malware scanning. An inline scanner looks at the bytes during finalize's one streaming read (the local
 * EICAR scanner); an out-of-band one (GuardDuty) scans by itself and may already have left its verdict on
 * the object by the time finalize runs — otherwise its event arrives later (usecases: applyScanResult).
 */
export interface MalwareScanner {
  readonly engine: string;
  inline?(): StreamingScan;
  lookup?(objectKey: string): Promise<ScanVerdict | undefined>;
}

/** The identity provider (Cognito in AWS, the local issuer locally): sign-in accounts, groups, attributes. */
export interface UserDirectory {
  /** Creates the account and sends the invitation with a temporary password; returns the provider's user id. */
  invite(
    user: Pick<UserProfile, 'email' | 'name' | 'role' | 'entityId' | 'unitId' | 'scope'>,
  ): Promise<{ userId: string }>;
  /** Sets role (group), entity, unit and scope so the next token carries them. */
  update(
    email: string,
    user: Pick<UserProfile, 'name' | 'role' | 'entityId' | 'unitId' | 'scope'>,
  ): Promise<void>;
  /** Disabling also signs the user out everywhere (refresh tokens revoked). */
  setEnabled(email: string, enabled: boolean): Promise<void>;
  /** Whether the user has TOTP turned on, as the provider says now (Cognito: AdminGetUser's MFA settings). */
  mfaEnabled(email: string): Promise<boolean>;
  /** Turns the user's TOTP off; their next sign-in asks only for the password. */
  resetMfa(email: string): Promise<void>;
}

/** The application's copy of user profiles, for listing by entity and for audit. */
export interface UserRepository {
  get(userId: string): Promise<UserProfile | undefined>;
  findByEmail(email: string): Promise<UserProfile | undefined>;
  list(filter: { entityId?: string }, limit: number, cursor?: string): Promise<Page<UserProfile>>;
  create(user: UserProfile, audit: AuditEntry): Promise<void>;
  /** Conditional on `expectedVersion`; returns false when someone else changed the user first. */
  update(user: UserProfile, expectedVersion: number, audit: AuditEntry): Promise<boolean>;
}

/** Reminder messages and their idempotency records (docs/reminders.md), one per (recipient, date, kind). */
export interface OutboxRepository {
  /** Writes the record unless one with the same (date, key) exists; then returns the stored one. */
  record(message: OutboxMessage): Promise<{ created: true } | { created: false; existing: OutboxMessage }>;
  get(date: string, key: string): Promise<OutboxMessage | undefined>;
  /** Applies `patch` (and version + 1) if the record is still at `expectedVersion`; false when it moved on. */
  update(date: string, key: string, expectedVersion: number, patch: Partial<OutboxMessage>): Promise<boolean>;
  listByDate(date: string, limit: number, cursor?: string): Promise<Page<OutboxMessage>>;
}

/**
 * What the mail provider reported about each message, found by its correlation tags: SES events in AWS, the
 * local mailbox locally. Asked when a run was interrupted mid-send (docs/reminders.md).
 */
export interface ProviderRecordRepository {
  /** Notes one event of the message; idempotent (the first time of each event type is kept). */
  note(
    date: string,
    key: string,
    event: { type: ProviderEventType; at: string; providerMessageId?: string },
  ): Promise<void>;
  get(date: string, key: string): Promise<ProviderRecord | undefined>;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Carried to the provider's delivery events (SES message tags) to find the outbox record again. */
  tags: Record<string, string>;
}

/** E-mail (SESv2 in AWS, the local mailbox locally). Throws `DeliveryError`. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ providerMessageId: string }>;
}

/** The generic webhook channel (signed JSON for chat bridges). Throws `DeliveryError`. */
export interface WebhookSender {
  send(body: string, idempotencyKey: string): Promise<{ providerMessageId: string }>;
}
