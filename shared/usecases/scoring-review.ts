/**
 * The reviewers' side of scoring (docs/scoring.md): taking a criterion into review, appraising it (accept or
 * request changes), and the queue of criteria awaiting appraisal within the reviewer's scope.
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { authorize } from '#domain/policy.ts';
import type { ReviewState } from '#domain/readiness.ts';
import {
  APPRAISABLE,
  type AppraisalBody,
  type Comment,
  checkAppraisedScore,
  type ReviewQueueItem,
  type Score,
} from '#domain/scoring.ts';
import type { Page, ReviewQueueFilter, ReviewQueueRepository } from '#ports.ts';
import { cycleNotFound } from './cycles.ts';
import { queueItem, requireVersion, type ScoringDeps } from './scoring-common.ts';
import {
  auditOf,
  type ContextDeps,
  type CriterionRef,
  loadCriterionContext,
  requireOpenCycle,
} from './scoring-context.ts';

async function loadForReview(deps: ScoringDeps, actor: Actor, ref: CriterionRef, version: number) {
  const ctx = await loadCriterionContext(deps, actor, 'appraisal:write', ref);
  if (ctx.node.method === 'survey')
    throw new ValidationError([
      {
        field: 'path.criterionCode',
        message: {
          vi: 'Tiêu chí điều tra xã hội học không thẩm định; điểm được nhập từ kết quả điều tra.',
          en: 'Survey criteria are not appraised; their points are imported.',
        },
      },
    ]);
  const current = await deps.scores.get(ref.cycleId, ref.entityId, ref.criterionCode);
  if (!current)
    throw new NotFoundError({
      vi: `Tiêu chí ${ref.criterionCode} chưa được tự chấm, chưa có gì để thẩm định.`,
      en: `Criterion ${ref.criterionCode} has no self score yet; there is nothing to appraise.`,
    });
  requireVersion(current, version);
  return { ctx, current };
}

const notAwaiting = (current: Score) =>
  new ConflictError(
    {
      vi: 'Tiêu chí này không ở trạng thái chờ thẩm định.',
      en: 'This criterion is not awaiting appraisal.',
    },
    current,
  );

/** A reviewer takes a submitted (or resubmitted) criterion into review; it stays in the queue, marked. */
export async function startReview(
  deps: ScoringDeps,
  actor: Actor,
  ref: CriterionRef,
  body: { version: number },
): Promise<Score> {
  const { ctx, current } = await loadForReview(deps, actor, ref, body.version);
  if (current.state !== 'submitted' && current.state !== 'resubmitted') throw notAwaiting(current);
  const at = deps.clock.now().toISOString();
  const next: Score = {
    ...current,
    state: 'in_review',
    reviewerId: actor.userId,
    version: current.version + 1,
    updatedAt: at,
    updatedBy: actor.userId,
  };
  await deps.scores.write({
    score: next,
    expectedVersion: current.version,
    queue: { put: queueItem(next, ctx.entity?.province, ctx.unitIds) },
    audit: auditOf(
      deps,
      at,
      actor,
      'review.start',
      `criterion/${ref.criterionCode}`,
      { state: current.state },
      {
        state: next.state,
        reviewerId: actor.userId,
      },
    ),
  });
  return next;
}

/**
 * Sets the appraised score with the reviewer's comment and accepts or requests changes: the score, the queue
 * (left), the comment (added to the thread) and the audit entry are one transaction.
 */
export async function appraiseCriterion(
  deps: ScoringDeps,
  actor: Actor,
  ref: CriterionRef,
  body: AppraisalBody,
): Promise<Score> {
  const { ctx, current } = await loadForReview(deps, actor, ref, body.version);
  requireOpenCycle(ctx.cycle);
  if (!APPRAISABLE.includes(current.state)) throw notAwaiting(current);
  const issues = checkAppraisedScore(ctx.node, body.appraisedScore);
  if (issues.length) throw new ValidationError(issues);
  const at = deps.clock.now().toISOString();
  const state: ReviewState = body.decision === 'accept' ? 'accepted' : 'changes_requested';
  const next: Score = {
    ...current,
    state,
    appraisedScore: body.appraisedScore,
    reviewerComment: body.comment,
    appraisedAt: at,
    appraisedBy: actor.userId,
    reviewerId: actor.userId,
    version: current.version + 1,
    updatedAt: at,
    updatedBy: actor.userId,
  };
  const comment: Comment = {
    commentId: deps.ids.next(),
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    criterionCode: ref.criterionCode,
    kind: state === 'accepted' ? 'accepted' : 'changes_requested',
    body: body.comment,
    author: actorRef(actor),
    at,
  };
  const pick = (s: Score) => ({
    state: s.state,
    appraisedScore: s.appraisedScore,
    reviewerComment: s.reviewerComment,
  });
  await deps.scores.write({
    score: next,
    expectedVersion: current.version,
    queue: { delete: true },
    comment,
    audit: auditOf(
      deps,
      at,
      actor,
      'review.appraise',
      `criterion/${ref.criterionCode}`,
      pick(current),
      pick(next),
    ),
  });
  return next;
}

/** Criteria awaiting appraisal in a cycle, oldest first, limited to the reviewer's scope (and one entity). */
export async function listReviewQueue(
  deps: {
    cycles: { get(cycleId: string): Promise<Cycle | undefined> };
    org: Pick<ContextDeps['org'], 'getEntity'>;
    queue: ReviewQueueRepository;
  },
  actor: Actor,
  cycleId: string,
  query: { entityId?: string; limit: number; cursor?: string },
): Promise<Page<ReviewQueueItem>> {
  authorize(actor, 'review:queue');
  const [cycle, entity] = await Promise.all([
    deps.cycles.get(cycleId),
    query.entityId ? deps.org.getEntity(query.entityId) : undefined,
  ]);
  if (!cycle) throw cycleNotFound(cycleId);
  // One entity: it must be within the reviewer's scope (a province scope needs the entity's province).
  if (query.entityId)
    authorize(actor, 'review:queue', { entityId: query.entityId, province: entity?.province });
  const scope = actor.scope ?? { kind: 'all' as const };
  const filter: ReviewQueueFilter = {};
  if (query.entityId) filter.entityIds = [query.entityId];
  else if (scope.kind === 'entities') filter.entityIds = scope.entityIds;
  if (scope.kind === 'province') filter.province = scope.province;
  return deps.queue.list(cycleId, filter, query.limit, query.cursor);
}
