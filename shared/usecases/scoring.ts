/**
 * Self-assessment and appraisal (docs/scoring.md): self scores, submission, the reviewers' queue, appraisal,
 * reopening after the deadline, comment threads. Every write is conditional on the record's version and
 * commits with its audit entry (and queue entry, and comment) in one transaction (shared/ports.ts
 * `ScoreWrite`). Rules live in shared/domain/scoring.ts; what "complete" means comes from the readiness
 * module only.
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import { type Comment, editDeadline, localDate, type Score } from '#domain/scoring.ts';
import type {
  AssignmentRepository,
  AuditEntry,
  Clock,
  CommentRepository,
  IdGenerator,
  Page,
  ScoreRepository,
} from '#ports.ts';
import { compareCodes, reopensFor, type ScoringDeps } from './scoring-common.ts';
import {
  auditOf,
  type ContextDeps,
  type CriterionContext,
  type CriterionRef,
  type EntityRef,
  loadCriterionContext,
  loadEntityContext,
  requireOpenCycle,
} from './scoring-context.ts';

export type { ScoringDeps } from './scoring-common.ts';
export {
  listSubmissions,
  reopenSubmission,
  type SubmissionStatus,
  type SubmissionsView,
} from './scoring-reopen.ts';
export { appraiseCriterion, listReviewQueue, startReview } from './scoring-review.ts';
export { type SubmitResult, setSelfScore, submitSelfAssessment } from './scoring-self.ts';

// ——— Reads ———

export interface CriterionScoreView {
  cycleId: string;
  entityId: string;
  criterionCode: string;
  score: Score | null;
  unitIds: string[];
  /** Last day the unit may change it, and whether that has passed. */
  deadline: string;
  locked: boolean;
}

export async function getCriterionScore(
  deps: Omit<ScoringDeps, 'evidence' | 'ids'>,
  actor: Actor,
  ref: CriterionRef,
): Promise<CriterionScoreView> {
  const ctx = await loadCriterionContext(deps, actor, 'score:read', ref);
  const [score, reopens] = await Promise.all([
    deps.scores.get(ref.cycleId, ref.entityId, ref.criterionCode),
    deps.submissions.listByEntity(ref.cycleId, ref.entityId),
  ]);
  const lock = editDeadline(
    ctx.cycle.dates,
    score?.state ?? 'draft',
    reopensFor(reopens, ctx.unitIds),
    localDate(deps.clock.now()),
  );
  return { ...ref, score: score ?? null, unitIds: ctx.unitIds, ...lock };
}

export async function listScores(
  deps: ContextDeps & { scores: ScoreRepository },
  actor: Actor,
  ref: EntityRef,
): Promise<{ items: Score[] }> {
  await loadEntityContext(deps, actor, 'score:read', ref);
  const items = await deps.scores.listByEntity(ref.cycleId, ref.entityId);
  return { items: items.sort((a, b) => compareCodes(a.criterionCode, b.criterionCode)) };
}

// ——— Comments ———

export async function listComments(
  deps: ContextDeps & { assignments: AssignmentRepository; comments: CommentRepository },
  actor: Actor,
  ref: CriterionRef,
  query: { limit: number; cursor?: string },
): Promise<Page<Comment>> {
  await loadCriterionContext(deps, actor, 'score:read', ref);
  return deps.comments.list(ref.cycleId, ref.entityId, ref.criterionCode, query.limit, query.cursor);
}

export async function addComment(
  deps: ContextDeps & {
    assignments: AssignmentRepository;
    comments: CommentRepository;
    clock: Clock;
    ids: IdGenerator;
  },
  actor: Actor,
  ref: CriterionRef,
  body: { body: string },
): Promise<Comment> {
  const ctx: CriterionContext = await loadCriterionContext(deps, actor, 'comment:write', ref);
  requireOpenCycle(ctx.cycle);
  const at = deps.clock.now().toISOString();
  const comment: Comment = {
    commentId: deps.ids.next(),
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    criterionCode: ref.criterionCode,
    kind: 'comment',
    body: body.body,
    author: actorRef(actor),
    at,
  };
  const audit: AuditEntry = auditOf(
    deps,
    at,
    actor,
    'comment.add',
    `criterion/${ref.criterionCode}`,
    undefined,
    {
      commentId: comment.commentId,
      body: comment.body,
    },
  );
  await deps.comments.add(comment, audit);
  return comment;
}
