/**
 * The unit's side of scoring (docs/scoring.md): setting a criterion's self score, and submitting criteria to
 * the reviewers' queue. Each use case reads as its steps: load, check the state and deadline, check the
 * input, build the new records, write them with their audit entries.
 */
import type { Actor } from '#domain/actor.ts';
import { ConflictError, type FieldIssue, ValidationError } from '#domain/errors.ts';
import type { Evidence } from '#domain/evidence.ts';
import {
  type CriterionReadiness,
  computeReadiness,
  criterionCoverage,
  type ReviewState,
} from '#domain/readiness.ts';
import {
  checkSelfScore,
  editDeadline,
  localDate,
  type Score,
  type SelfScoreBody,
  type Submission,
  type SubmitBody,
  UNIT_EDITABLE,
} from '#domain/scoring.ts';
import type { EvidenceRepository, ScoreWrite, SurveyRepository } from '#ports.ts';
import { lockedError, queueItem, reopensFor, requireVersion, type ScoringDeps } from './scoring-common.ts';
import {
  auditOf,
  type CriterionContext,
  type CriterionRef,
  type EntityContext,
  type EntityRef,
  loadCriterionContext,
  loadEntityContext,
  readinessInputFor,
  requireOpenCycle,
} from './scoring-context.ts';

// ——— Self score ———

type CheckedSelfScore = Exclude<ReturnType<typeof checkSelfScore>, { issues: FieldIssue[] }>;

const selfPart = (s: Score | undefined) =>
  s
    ? { selfScore: s.selfScore, explanation: s.explanation, computed: s.computed, state: s.state }
    : undefined;

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

/**
 * The unit may change the score only while it is with the unit (draft or sent back) and its deadline, as
 * extended by any reopening, has not passed. Returns the score's review state.
 */
function requireUnitMayEdit(
  ctx: CriterionContext,
  current: Score | undefined,
  reopens: readonly Submission[],
  today: string,
): ReviewState {
  const state: ReviewState = current?.state ?? 'draft';
  if (!UNIT_EDITABLE.includes(state))
    throw new ConflictError(
      {
        vi: 'Tiêu chí đã nộp và đang chờ thẩm định; chỉ sửa được khi tổ thẩm định yêu cầu bổ sung.',
        en: 'This criterion was submitted and awaits appraisal; it can change only when changes are requested.',
      },
      current,
    );
  const lock = editDeadline(ctx.cycle.dates, state, reopensFor(reopens, ctx.unitIds), today);
  if (lock.locked) throw lockedError(lock.deadline);
  return state;
}

/**
 * An explanation is required while the criterion's evidence slots are not all filled, and a computed
 * criterion's inputs may only cite the criterion's own evidence.
 */
function checkAgainstEvidence(
  ctx: CriterionContext,
  body: SelfScoreBody,
  evidence: readonly Evidence[],
  explanation: string | undefined,
): void {
  const issues: FieldIssue[] = [];
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
}

/** The score with the new self part; a cleared explanation or computed input is dropped, not kept. */
function withSelfScore(
  ref: CriterionRef,
  current: Score | undefined,
  change: { state: ReviewState; checked: CheckedSelfScore; explanation: string | undefined },
  actor: Actor,
  at: string,
): Score {
  const { explanation: _e, computed: _c, ...rest } = current ?? ({} as Partial<Score>);
  return {
    ...rest,
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    criterionCode: ref.criterionCode,
    state: change.state,
    selfScore: change.checked.selfScore,
    ...(change.explanation ? { explanation: change.explanation } : {}),
    ...(change.checked.computed ? { computed: change.checked.computed } : {}),
    selfUpdatedAt: at,
    selfUpdatedBy: actor.userId,
    version: (current?.version ?? 0) + 1,
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
    updatedBy: actor.userId,
  };
}

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
  const now = deps.clock.now();
  const state = requireUnitMayEdit(ctx, current, reopens, localDate(now));
  const explanation = body.explanation === null ? undefined : (body.explanation ?? current?.explanation);
  checkAgainstEvidence(ctx, body, evidence, explanation);

  const at = now.toISOString();
  const next = withSelfScore(ref, current, { state, checked, explanation }, actor, at);
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

async function requireUnitOfEntity(deps: ScoringDeps, entityId: string, unitId: string | undefined) {
  if (unitId && !(await deps.org.listUnits(entityId)).some((u) => u.unitId === unitId))
    throw new ValidationError([
      {
        field: 'body.unitId',
        message: {
          vi: `Phòng/đơn vị "${unitId}" không thuộc đơn vị được đánh giá.`,
          en: `Unit "${unitId}" does not belong to the assessed entity.`,
        },
      },
    ]);
}

/** Listed codes outside the submission's scope (the entity, or the chosen unit's criteria). */
function codesOutOfScope(codes: readonly string[] | undefined, inScope: ReadonlyMap<string, unknown>) {
  const issues: FieldIssue[] = [];
  codes?.forEach((code, i) => {
    if (!inScope.has(code))
      issues.push({
        field: `body.criterionCodes.${i}`,
        message: {
          vi: `Tiêu chí ${code} không thuộc phạm vi nộp (đơn vị hoặc phòng đã chọn).`,
          en: `Criterion ${code} is not within this submission (the entity or unit chosen).`,
        },
      });
  });
  return issues;
}

const notReady = (c: CriterionReadiness): FieldIssue => ({
  field: `body.criteria.${c.code}`,
  message:
    c.selfScore === undefined
      ? { vi: `Tiêu chí ${c.code}: chưa tự chấm điểm.`, en: `Criterion ${c.code}: no self score yet.` }
      : {
          vi: `Tiêu chí ${c.code}: tài liệu kiểm chứng chưa đủ và chưa có giải trình.`,
          en: `Criterion ${c.code}: evidence missing and no explanation given.`,
        },
});

/**
 * Sorts the wanted criteria: already with the reviewers (skipped), not ready (an issue), past their deadline
 * (locked), or to submit.
 */
function triage(
  wanted: readonly CriterionReadiness[],
  scores: ReadonlyMap<string, Score>,
  deadlines: { ctx: EntityContext; reopens: readonly Submission[]; today: string },
) {
  const toSubmit: Score[] = [];
  const skipped: string[] = [];
  const notReadyIssues: FieldIssue[] = [];
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
      notReadyIssues.push(notReady(c));
      continue;
    }
    const { ctx, reopens, today } = deadlines;
    const lock = editDeadline(ctx.cycle.dates, state, reopensFor(reopens, c.unitIds), today);
    if (lock.locked) locked.push({ code: c.code, deadline: lock.deadline });
    else toSubmit.push(score);
  }
  return { toSubmit, skipped, notReadyIssues, locked };
}

/** Each score moves to the queue (`resubmitted` when it had been sent back), with its queue entry and audit. */
function submitWrites(
  deps: ScoringDeps,
  actor: Actor,
  ctx: EntityContext,
  toSubmit: readonly Score[],
  unitsOf: (code: string) => string[],
  unitId: string | undefined,
  at: string,
): ScoreWrite[] {
  return toSubmit.map((s) => {
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
      queue: { put: queueItem(next, ctx.entity?.province, unitsOf(s.criterionCode)) },
      audit: auditOf(
        deps,
        at,
        actor,
        'score.submit',
        `criterion/${s.criterionCode}`,
        { state: s.state },
        { state, ...(unitId ? { unitId } : {}) },
      ),
    };
  });
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
  await requireUnitOfEntity(deps, ref.entityId, body.unitId);
  const [input, reopens] = await Promise.all([
    readinessInputFor(deps, ctx, ref.entityId),
    deps.submissions.listByEntity(ref.cycleId, ref.entityId),
  ]);
  const readiness = computeReadiness(input);
  const scored = [...readiness.criteria, ...readiness.adjustments].filter(
    (c) => !body.unitId || c.unitIds.includes(body.unitId),
  );
  const inScope = new Map(scored.map((c) => [c.code, c]));
  const wanted = body.criterionCodes ? scored.filter((c) => body.criterionCodes!.includes(c.code)) : scored;
  const scores = new Map(input.scores.map((s) => [s.criterionCode, s as Score]));
  const today = localDate(deps.clock.now());
  const { toSubmit, skipped, notReadyIssues, locked } = triage(wanted, scores, { ctx, reopens, today });
  const issues = [...codesOutOfScope(body.criterionCodes, inScope), ...notReadyIssues];
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
  const unitsOf = (code: string) => inScope.get(code)?.unitIds ?? [];
  await deps.scores.writeMany(submitWrites(deps, actor, ctx, toSubmit, unitsOf, body.unitId, at));
  return { submitted: toSubmit.map((s) => s.criterionCode), skipped, at };
}
