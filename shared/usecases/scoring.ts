/**
 * Self-assessment and appraisal (docs/scoring.md): self scores, submission, the reviewers' queue, appraisal,
 * reopening after the deadline, comment threads. Every write is conditional on the record's version and
 * commits with its audit entry (and queue entry, and comment) in one transaction (shared/ports.ts
 * `ScoreWrite`). Rules live in shared/domain/scoring.ts; what "complete" means comes from the readiness
 * module only.
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError, type FieldIssue, NotFoundError, ValidationError } from '#domain/errors.ts';
import { authorize } from '#domain/policy.ts';
import { computeReadiness, criterionCoverage, type ReviewState } from '#domain/readiness.ts';
import {
  APPRAISABLE,
  type AppraisalBody,
  type Comment,
  checkAppraisedScore,
  checkSelfScore,
  editDeadline,
  localDate,
  type ReopenBody,
  type ReviewQueueItem,
  type Score,
  type SelfScoreBody,
  type Submission,
  type SubmitBody,
  UNIT_EDITABLE,
} from '#domain/scoring.ts';
import type {
  AssignmentRepository,
  AuditEntry,
  Clock,
  CommentRepository,
  EvidenceRepository,
  IdGenerator,
  Page,
  ReviewQueueFilter,
  ReviewQueueRepository,
  ScoreRepository,
  ScoreWrite,
  SubmissionRepository,
  SurveyRepository,
} from '#ports.ts';
import { cycleNotFound } from './cycles.ts';
import {
  auditOf,
  type ContextDeps,
  type CriterionContext,
  type CriterionRef,
  type EntityRef,
  loadCriterionContext,
  loadEntityContext,
  readinessInputFor,
  requireOpenCycle,
} from './scoring-context.ts';

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
function requireVersion(current: { version: number } | undefined, version: number | undefined): void {
  if ((current?.version ?? undefined) !== version) throw stale(current);
}

const selfPart = (s: Score | undefined) =>
  s
    ? { selfScore: s.selfScore, explanation: s.explanation, computed: s.computed, state: s.state }
    : undefined;

/** Reopen records that extend a criterion's deadline: the entity's, and those of its responsible units. */
function reopensFor(all: readonly Submission[], unitIds: readonly string[]): Submission[] {
  return all.filter((s) => s.unitId === undefined || unitIds.includes(s.unitId));
}

function lockedError(deadline: string, codes?: string[]) {
  return new ConflictError(
    {
      vi: `Đã hết hạn tự đánh giá (${deadline.split('-').reverse().join('/')}). Liên hệ tổ thẩm định để được mở lại.`,
      en: `The self-assessment closed on ${deadline}. Ask the appraisal council to reopen it.`,
    },
    { locked: true, deadline, ...(codes ? { criterionCodes: codes } : {}) },
  );
}

async function evidenceOfCriterion(deps: { evidence: EvidenceRepository }, ref: CriterionRef) {
  const out = [];
  let cursor: string | undefined;
  do {
    const page = await deps.evidence.listByCriterion(
      ref.cycleId,
      ref.entityId,
      ref.criterionCode,
      100,
      cursor,
    );
    out.push(...page.items.filter((e) => e.criterionCodes.includes(ref.criterionCode) && !e.deletedAt));
    cursor = page.next;
  } while (cursor);
  return out;
}

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
  return { items: items.sort((a, b) => compare(a.criterionCode, b.criterionCode)) };
}

const compare = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

// ——— Self score ———

/**
 * Sets the self score (or a computed criterion's inputs) and the explanation of one criterion. The
 * explanation is required while the criterion's evidence slots are not all filled.
 */
export async function setSelfScore(
  deps: ScoringDeps,
  actor: Actor,
  ref: CriterionRef,
  body: SelfScoreBody,
): Promise<Score> {
  const ctx = await loadCriterionContext(deps, actor, 'score:write', ref);
  requireOpenCycle(ctx.cycle);
  const checked = checkSelfScore(ctx.node, body);
  if ('issues' in checked) throw new ValidationError(checked.issues);

  const [current, reopens, evidence] = await Promise.all([
    deps.scores.get(ref.cycleId, ref.entityId, ref.criterionCode),
    deps.submissions.listByEntity(ref.cycleId, ref.entityId),
    evidenceOfCriterion(deps, ref),
  ]);
  requireVersion(current, body.version);
  const state: ReviewState = current?.state ?? 'draft';
  if (!UNIT_EDITABLE.includes(state))
    throw new ConflictError(
      {
        vi: 'Tiêu chí đã nộp và đang chờ thẩm định; chỉ sửa được khi tổ thẩm định yêu cầu bổ sung.',
        en: 'This criterion was submitted and awaits appraisal; it can change only when changes are requested.',
      },
      current,
    );
  const now = deps.clock.now();
  const lock = editDeadline(ctx.cycle.dates, state, reopensFor(reopens, ctx.unitIds), localDate(now));
  if (lock.locked) throw lockedError(lock.deadline);

  const issues: FieldIssue[] = [];
  const explanation = body.explanation === null ? undefined : (body.explanation ?? current?.explanation);
  const { coverage } = criterionCoverage(ctx.node, evidence, ctx.cycle.evidencePolicy, {
    assessmentYear: ctx.cycle.year,
  });
  if (coverage < 1 && !explanation)
    issues.push({
      field: 'body.explanation',
      message: {
        vi: 'Tài liệu kiểm chứng chưa đủ: cần giải trình.',
        en: 'The evidence slots are not all filled: an explanation is required.',
      },
    });
  for (const part of ['numerator', 'denominator'] as const) {
    const evidenceId = body.inputs?.[part].evidenceId;
    if (evidenceId && !evidence.some((e) => e.evidenceId === evidenceId))
      issues.push({
        field: `body.inputs.${part}.evidenceId`,
        message: {
          vi: `Tài liệu "${evidenceId}" không phải tài liệu kiểm chứng của tiêu chí này.`,
          en: `Evidence "${evidenceId}" is not evidence of this criterion.`,
        },
      });
  }
  if (issues.length) throw new ValidationError(issues);

  const at = now.toISOString();
  const { explanation: _e, computed: _c, ...rest } = current ?? ({} as Partial<Score>);
  const next: Score = {
    ...rest,
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    criterionCode: ref.criterionCode,
    state,
    selfScore: checked.selfScore,
    ...(explanation ? { explanation } : {}),
    ...(checked.computed ? { computed: checked.computed } : {}),
    selfUpdatedAt: at,
    selfUpdatedBy: actor.userId,
    version: (current?.version ?? 0) + 1,
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
    updatedBy: actor.userId,
  };
  await deps.scores.write({
    score: next,
    expectedVersion: current?.version,
    audit: auditOf(
      deps,
      at,
      actor,
      'score.self',
      `criterion/${ref.criterionCode}`,
      selfPart(current),
      selfPart(next),
    ),
  });
  return next;
}

// ——— Submission ———

export interface SubmitResult {
  submitted: string[];
  /** Already with the reviewers or accepted: nothing to do. */
  skipped: string[];
  at: string;
}

/**
 * A unit's criteria, the whole entity's, or a listed subset of either, leave draft (or changes requested)
 * for the reviewers' queue. Every one must be ready (docs/readiness.md, rule 14); a second submission skips what was submitted.
 */
export async function submitSelfAssessment(
  deps: ScoringDeps & { surveys: SurveyRepository },
  actor: Actor,
  ref: EntityRef,
  body: SubmitBody,
): Promise<SubmitResult> {
  const ctx = await loadEntityContext(deps, actor, 'submission:submit', ref);
  requireOpenCycle(ctx.cycle);
  if (body.unitId && !(await deps.org.listUnits(ref.entityId)).some((u) => u.unitId === body.unitId))
    throw new ValidationError([
      {
        field: 'body.unitId',
        message: {
          vi: `Phòng/đơn vị "${body.unitId}" không thuộc đơn vị được đánh giá.`,
          en: `Unit "${body.unitId}" does not belong to the assessed entity.`,
        },
      },
    ]);
  const [input, reopens] = await Promise.all([
    readinessInputFor(deps, ctx, ref.entityId),
    deps.submissions.listByEntity(ref.cycleId, ref.entityId),
  ]);
  const readiness = computeReadiness(input);
  const scored = [...readiness.criteria, ...readiness.adjustments].filter(
    (c) => !body.unitId || c.unitIds.includes(body.unitId),
  );
  const inScope = new Map(scored.map((c) => [c.code, c]));
  const issues: FieldIssue[] = [];
  body.criterionCodes?.forEach((code, i) => {
    if (!inScope.has(code))
      issues.push({
        field: `body.criterionCodes.${i}`,
        message: {
          vi: `Tiêu chí ${code} không thuộc phạm vi nộp (đơn vị hoặc phòng đã chọn).`,
          en: `Criterion ${code} is not within this submission (the entity or unit chosen).`,
        },
      });
  });
  const wanted = body.criterionCodes ? scored.filter((c) => body.criterionCodes!.includes(c.code)) : scored;
  const scores = new Map(input.scores.map((s) => [s.criterionCode, s as Score]));
  const today = localDate(deps.clock.now());
  const toSubmit: Score[] = [];
  const skipped: string[] = [];
  const locked: { code: string; deadline: string }[] = [];
  for (const c of wanted) {
    const score = scores.get(c.code);
    const state = score?.state ?? 'draft';
    if (!UNIT_EDITABLE.includes(state)) {
      skipped.push(c.code);
      continue;
    }
    // A criterion sent back is resubmitted once it is ready again: `ready`, not `complete`.
    if (!c.ready || !score) {
      issues.push({
        field: `body.criteria.${c.code}`,
        message:
          c.selfScore === undefined
            ? { vi: `Tiêu chí ${c.code}: chưa tự chấm điểm.`, en: `Criterion ${c.code}: no self score yet.` }
            : {
                vi: `Tiêu chí ${c.code}: tài liệu kiểm chứng chưa đủ và chưa có giải trình.`,
                en: `Criterion ${c.code}: evidence missing and no explanation given.`,
              },
      });
      continue;
    }
    const lock = editDeadline(ctx.cycle.dates, state, reopensFor(reopens, c.unitIds), today);
    if (lock.locked) locked.push({ code: c.code, deadline: lock.deadline });
    else toSubmit.push(score);
  }
  if (issues.length)
    throw new ValidationError(issues, {
      vi: 'Chưa nộp được: còn tiêu chí chưa hoàn thành.',
      en: 'Not submitted: some criteria are not complete.',
    });
  if (locked.length)
    throw lockedError(
      locked.map((l) => l.deadline).sort()[0]!,
      locked.map((l) => l.code),
    );

  const at = deps.clock.now().toISOString();
  const writes: ScoreWrite[] = toSubmit.map((s) => {
    const state = s.state === 'changes_requested' ? 'resubmitted' : 'submitted';
    const next: Score = {
      ...s,
      state,
      submittedAt: at,
      submittedBy: actor.userId,
      version: s.version + 1,
      updatedAt: at,
      updatedBy: actor.userId,
    };
    return {
      score: next,
      expectedVersion: s.version,
      queue: { put: queueItem(next, ctx.entity?.province, inScope.get(s.criterionCode)?.unitIds ?? []) },
      audit: auditOf(
        deps,
        at,
        actor,
        'score.submit',
        `criterion/${s.criterionCode}`,
        { state: s.state },
        { state, ...(body.unitId ? { unitId: body.unitId } : {}) },
      ),
    };
  });
  await deps.scores.writeMany(writes);
  return { submitted: toSubmit.map((s) => s.criterionCode), skipped, at };
}

function queueItem(s: Score, province: string | undefined, unitIds: string[]): ReviewQueueItem {
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

// ——— Appraisal ———

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

// ——— Reopening ———

export interface SubmissionStatus {
  unitId: string | null;
  /** Last day for unit-side changes to drafts, and whether it has passed. */
  deadline: string;
  locked: boolean;
  reopened?: Submission;
  counts: Record<ReviewState, number>;
}

export interface SubmissionsView {
  cycleId: string;
  entityId: string;
  today: string;
  selfAssessmentDue: string;
  entity: SubmissionStatus;
  units: SubmissionStatus[];
}

/** Where each unit (and the entity) stands: deadline, lock, reopening, criteria per review state. */
export async function listSubmissions(
  deps: Omit<ScoringDeps, 'ids'> & { surveys: SurveyRepository },
  actor: Actor,
  ref: EntityRef,
): Promise<SubmissionsView> {
  const ctx = await loadEntityContext(deps, actor, 'score:read', ref);
  const [input, reopens, units] = await Promise.all([
    readinessInputFor(deps, ctx, ref.entityId),
    deps.submissions.listByEntity(ref.cycleId, ref.entityId),
    deps.org.listUnits(ref.entityId),
  ]);
  const r = computeReadiness(input);
  const states = new Map(input.scores.map((s) => [s.criterionCode, s.state ?? 'draft']));
  const today = localDate(deps.clock.now());
  const status = (unitId: string | null): SubmissionStatus => {
    const criteria = [...r.criteria, ...r.adjustments].filter(
      (c) => unitId === null || c.unitIds.includes(unitId),
    );
    const counts = Object.fromEntries(
      (['draft', 'submitted', 'in_review', 'accepted', 'changes_requested', 'resubmitted'] as const).map(
        (s) => [s, 0],
      ),
    ) as Record<ReviewState, number>;
    for (const c of criteria) counts[states.get(c.code) ?? 'draft']++;
    const own = reopens.filter((s) => (unitId === null ? s.unitId === undefined : s.unitId === unitId));
    const lock = editDeadline(
      ctx.cycle.dates,
      'draft',
      reopensFor(reopens, unitId === null ? [] : [unitId]),
      today,
    );
    return { unitId, ...lock, ...(own[0] ? { reopened: own[0] } : {}), counts };
  };
  return {
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    today,
    selfAssessmentDue: ctx.cycle.dates.selfAssessmentDue,
    entity: status(null),
    units: units.map((u) => status(u.unitId)).sort((a, b) => compare(a.unitId ?? '', b.unitId ?? '')),
  };
}

/** A reviewer or admin reopens a unit's (or the entity's) self-assessment until a new deadline, with a reason. */
export async function reopenSubmission(
  deps: ContextDeps & { submissions: SubmissionRepository; clock: Clock; ids: IdGenerator },
  actor: Actor,
  ref: EntityRef,
  body: ReopenBody,
): Promise<Submission> {
  const ctx = await loadEntityContext(deps, actor, 'submission:reopen', ref);
  requireOpenCycle(ctx.cycle);
  const [units, existing] = await Promise.all([
    deps.org.listUnits(ref.entityId),
    deps.submissions.listByEntity(ref.cycleId, ref.entityId),
  ]);
  const issues: FieldIssue[] = [];
  if (body.unitId && !units.some((u) => u.unitId === body.unitId))
    issues.push({
      field: 'body.unitId',
      message: {
        vi: `Phòng/đơn vị "${body.unitId}" không thuộc đơn vị được đánh giá.`,
        en: `Unit "${body.unitId}" does not belong to the assessed entity.`,
      },
    });
  const now = deps.clock.now();
  const today = localDate(now);
  if (body.deadline < today)
    issues.push({
      field: 'body.deadline',
      message: {
        vi: 'Hạn mới không được trước hôm nay.',
        en: 'The new deadline must not be before today.',
      },
    });
  if (issues.length) throw new ValidationError(issues);
  const current = existing.find((s) => s.unitId === body.unitId);
  if ((current?.version ?? undefined) !== body.version)
    throw new ConflictError(
      {
        vi: 'Việc mở lại đã được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
        en: 'Someone else changed this reopening. Review the current state and try again.',
      },
      current ?? null,
    );
  const at = now.toISOString();
  const next: Submission = {
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    ...(body.unitId ? { unitId: body.unitId } : {}),
    reopenedUntil: body.deadline,
    reason: body.reason,
    reopenedBy: actor.userId,
    reopenedAt: at,
    version: (current?.version ?? 0) + 1,
  };
  const pick = (s: Submission | undefined) =>
    s ? { reopenedUntil: s.reopenedUntil, reason: s.reason } : undefined;
  await deps.submissions.save(
    next,
    current?.version,
    auditOf(
      deps,
      at,
      actor,
      'submission.reopen',
      `submission/${body.unitId ?? '*'}`,
      pick(current),
      pick(next),
    ),
  );
  return next;
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
