/**
 * What the scoring use cases share: their deps, the version and deadline refusals, and the review-queue entry
 * a score puts (docs/scoring.md).
 */
import { ConflictError } from '#domain/errors.ts';
import type { ReviewQueueItem, Score, Submission } from '#domain/scoring.ts';
import type {
  AssignmentRepository,
  Clock,
  EvidenceRepository,
  IdGenerator,
  ScoreRepository,
  SubmissionRepository,
} from '#ports.ts';
import type { ContextDeps } from './scoring-context.ts';

export interface ScoringDeps extends ContextDeps {
  assignments: AssignmentRepository;
  evidence: EvidenceRepository;
  scores: ScoreRepository;
  submissions: SubmissionRepository;
  clock: Clock;
  ids: IdGenerator;
}

const stale = (current: unknown) =>
  new ConflictError(
    {
      vi: 'Điểm của tiêu chí đã được thay đổi sau lần bạn mở. Xem bản hiện tại rồi thử lại.',
      en: 'The criterion’s score changed since you opened it. Review the current state and try again.',
    },
    current ?? null,
  );

/** The record as the client must have seen it: same version, or both absent. */
export function requireVersion(current: { version: number } | undefined, version: number | undefined): void {
  if ((current?.version ?? undefined) !== version) throw stale(current);
}

/** Reopen records that extend a criterion's deadline: the entity's, and those of its responsible units. */
export function reopensFor(all: readonly Submission[], unitIds: readonly string[]): Submission[] {
  return all.filter((s) => s.unitId === undefined || unitIds.includes(s.unitId));
}

export function lockedError(deadline: string, codes?: string[]) {
  return new ConflictError(
    {
      vi: `Đã hết hạn tự đánh giá (${deadline.split('-').reverse().join('/')}). Liên hệ tổ thẩm định để được mở lại.`,
      en: `The self-assessment closed on ${deadline}. Ask the appraisal council to reopen it.`,
    },
    { locked: true, deadline, ...(codes ? { criterionCodes: codes } : {}) },
  );
}

export const compareCodes = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function queueItem(s: Score, province: string | undefined, unitIds: string[]): ReviewQueueItem {
  return {
    cycleId: s.cycleId,
    entityId: s.entityId,
    ...(province ? { province } : {}),
    criterionCode: s.criterionCode,
    state: s.state as ReviewQueueItem['state'],
    queuedAt: s.submittedAt!,
    ...(s.selfScore !== undefined ? { selfScore: s.selfScore } : {}),
    unitIds,
    ...(s.reviewerId ? { reviewerId: s.reviewerId } : {}),
    scoreVersion: s.version,
  };
}
