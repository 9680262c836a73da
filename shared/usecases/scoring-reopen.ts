/**
 * Deadlines and reopening (docs/scoring.md): where each unit stands against the self-assessment deadline,
 * and a reviewer or admin reopening a unit's (or the entity's) self-assessment until a new date.
 */
import type { Actor } from '#domain/actor.ts';
import { ConflictError, type FieldIssue, ValidationError } from '#domain/errors.ts';
import { computeReadiness, type ReviewState } from '#domain/readiness.ts';
import { editDeadline, localDate, type ReopenBody, type Submission } from '#domain/scoring.ts';
import type { Clock, IdGenerator, SubmissionRepository, SurveyRepository } from '#ports.ts';
import { compareCodes, reopensFor, type ScoringDeps } from './scoring-common.ts';
import {
  auditOf,
  type ContextDeps,
  type EntityRef,
  loadEntityContext,
  readinessInputFor,
  requireOpenCycle,
} from './scoring-context.ts';

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
    units: units.map((u) => status(u.unitId)).sort((a, b) => compareCodes(a.unitId ?? '', b.unitId ?? '')),
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
