/** Ports: Scores, the review queue, comments, submissions, survey imports and readiness snapshots. */
import type { ReadinessSnapshot, ScoreFact } from '#domain/readiness.ts';
import type { Comment, ReviewQueueItem, Score, Submission, SurveyImport } from '#domain/scoring.ts';
import type { AuditEntry, Page } from './common.ts';

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
  /**
   * The same scores with only what readiness reads (code, state, self score, explanation, appraised score),
   * for a store that can read less than whole items (DynamoDB: a projection). Without it readiness reads
   * `listByEntity`.
   */
  listFactsByEntity?(cycleId: string, entityId: string): Promise<ScoreFact[]>;
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

export interface SnapshotRepository {
  /** Writes the day's snapshot unless one exists (idempotent per entity and day); true when written. */
  putIfAbsent(snapshot: ReadinessSnapshot): Promise<boolean>;
  /** Snapshots of an entity, oldest first, within the inclusive date range. */
  list(cycleId: string, entityId: string, from?: string, to?: string): Promise<ReadinessSnapshot[]>;
}
