/**
 * What the scoring and readiness use cases load before they decide: the cycle, the assessed entity (type for
 * applicability, province for scoped reviewers), the cycle's framework, the criterion's node and the units
 * responsible for it (assignments). One place, so every route reads the same facts the same way.
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import type { Assignment } from '#domain/assignment.ts';
import type { Cycle } from '#domain/cycle.ts';
import { NotFoundError, ValidationError } from '#domain/errors.ts';
import type { Framework, FrameworkNode } from '#domain/framework.ts';
import type { Entity } from '#domain/organization.ts';
import { type Action, authorize, authorizeBeforeLoad } from '#domain/policy.ts';
import {
  applicableTree,
  type EvidenceFact,
  type ReadinessInput,
  type ResponsibilityFact,
} from '#domain/readiness.ts';
import type { Submission } from '#domain/scoring.ts';
import { localDate } from '#domain/working-days.ts';
import type {
  AssignmentRepository,
  AuditEntry,
  Clock,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  IdGenerator,
  OrganizationRepository,
  ScoreRepository,
  SubmissionRepository,
  SurveyRepository,
} from '#ports.ts';
import { cycleNotFound } from './cycles.ts';

export interface EntityRef {
  cycleId: string;
  entityId: string;
}
export interface CriterionRef extends EntityRef {
  criterionCode: string;
}

export interface ContextDeps {
  cycles: CycleRepository;
  frameworks: FrameworkRepository;
  org: OrganizationRepository;
}

export interface EntityContext {
  cycle: Cycle;
  entity: Entity | undefined;
  framework: Framework;
}

export const entityNotInCycle = (entityId: string) =>
  new NotFoundError({
    vi: `Đơn vị "${entityId}" không thuộc kỳ đánh giá này.`,
    en: `Entity "${entityId}" is not assessed in this cycle.`,
  });

/**
 * Checks the action on the path's entity, loads the cycle, entity and framework, then checks again with the
 * entity's province (province-scoped reviewers).
 */
export async function loadEntityContext(
  deps: ContextDeps,
  actor: Actor,
  action: Action,
  ref: EntityRef,
): Promise<EntityContext> {
  authorizeBeforeLoad(actor, action, ref.entityId);
  const [cycle, entity] = await Promise.all([deps.cycles.get(ref.cycleId), deps.org.getEntity(ref.entityId)]);
  if (!cycle) throw cycleNotFound(ref.cycleId);
  if (!cycle.entityIds.includes(ref.entityId)) throw entityNotInCycle(ref.entityId);
  authorize(actor, action, { entityId: ref.entityId, province: entity?.province });
  const framework = await deps.frameworks.get(cycle.frameworkId, cycle.frameworkVersion);
  if (!framework)
    throw new NotFoundError({
      vi: 'Bộ tiêu chí của kỳ đánh giá không còn tồn tại.',
      en: "The cycle's framework no longer exists.",
    });
  return { cycle, entity, framework };
}

/** Units responsible for each criterion of the cycle's scored framework. */
export function responsibilities(cycle: Cycle, assignments: readonly Assignment[]): ResponsibilityFact[] {
  return assignments.map((a) => ({
    unitId: a.unitId,
    criterionCodes: a.criteria.filter((c) => c.frameworkId === cycle.frameworkId).map((c) => c.code),
    dueDate: a.dueDate,
  }));
}

export function unitsFor(code: string, facts: readonly ResponsibilityFact[]): string[] {
  return [...new Set(facts.filter((f) => f.criterionCodes.includes(code)).map((f) => f.unitId))].sort();
}

export interface CriterionContext extends EntityContext {
  node: FrameworkNode;
  /** Units responsible for the criterion (empty: nobody is assigned). */
  unitIds: string[];
}

/**
 * Loads a criterion that applies to the entity and is a leaf (only leaves are scored), with its responsible
 * units, and checks the action with them (members act only on their unit's criteria).
 */
export async function loadCriterionContext(
  deps: ContextDeps & { assignments: AssignmentRepository },
  actor: Actor,
  action: Action,
  ref: CriterionRef,
): Promise<CriterionContext> {
  const ctx = await loadEntityContext(deps, actor, action, ref);
  const tree = applicableTree(ctx.framework.nodes, ctx.entity?.type);
  const leaf = tree.leaves.find((n) => n.code === ref.criterionCode);
  if (!leaf) {
    if (tree.inner.some((n) => n.code === ref.criterionCode))
      throw new ValidationError([
        {
          field: 'path.criterionCode',
          message: {
            vi: `${ref.criterionCode} là nhóm tiêu chí; chỉ chấm điểm các tiêu chí thành phần.`,
            en: `${ref.criterionCode} groups other criteria; only its sub-criteria are scored.`,
          },
        },
      ]);
    throw new NotFoundError({
      vi: `Không có tiêu chí "${ref.criterionCode}" áp dụng cho đơn vị này trong bộ tiêu chí của kỳ.`,
      en: `Criterion "${ref.criterionCode}" is not in this cycle's framework for this entity.`,
    });
  }
  const node = ctx.framework.nodes.find((n) => n.code === ref.criterionCode)!;
  const unitIds = unitsFor(
    ref.criterionCode,
    responsibilities(ctx.cycle, await deps.assignments.listAll(ref.cycleId, ref.entityId)),
  );
  authorize(actor, action, { entityId: ref.entityId, province: ctx.entity?.province, unitIds });
  return { ...ctx, node, unitIds };
}

/** A cycle that is closed takes no more scores, submissions or comments. */
export function requireOpenCycle(cycle: Cycle): void {
  if (cycle.status !== 'open')
    throw new ValidationError([
      {
        field: 'path.cycleId',
        message: {
          vi: 'Kỳ đánh giá đã đóng, không thay đổi được điểm và nhận xét.',
          en: 'This cycle is closed; its scores and comments cannot change.',
        },
      },
    ]);
}

export interface ReadinessDeps extends ContextDeps {
  evidence: EvidenceRepository;
  scores: ScoreRepository;
  surveys: SurveyRepository;
  assignments: AssignmentRepository;
  /** Reopened self-assessments move due dates (past-due criteria). */
  submissions: SubmissionRepository;
  /** "Today" for past-due criteria (at-risk points): the module itself has no clock. */
  clock: Clock;
}

/** What one entity's readiness is computed from, as loaded from the store. */
export interface ReadinessFacts {
  evidence: ReadinessInput['evidence'];
  scores: ReadinessInput['scores'];
  survey?: ReadinessInput['survey'];
  assignments: readonly Assignment[];
  reopenings: readonly Pick<Submission, 'unitId' | 'reopenedUntil'>[];
}

/**
 * The one input every caller gives the readiness module: the cycle decides the policy, the assessed year
 * (period rules) and the fallback due date; tasks give the responsible units and their due dates; `today` is a
 * calendar day in Asia/Ho_Chi_Minh (YYYY-MM-DD).
 */
export function readinessInputOf(ctx: EntityContext, facts: ReadinessFacts, today: string): ReadinessInput {
  const { cycle } = ctx;
  return {
    framework: ctx.framework,
    entityType: ctx.entity?.type,
    evidence: facts.evidence,
    scores: facts.scores,
    evidencePolicy: cycle.evidencePolicy,
    survey: facts.survey ?? [],
    responsibilities: responsibilities(cycle, facts.assignments),
    today,
    defaultDueDate: cycle.dates.selfAssessmentDue,
    reopenings: facts.reopenings.map((r) => ({
      ...(r.unitId !== undefined ? { unitId: r.unitId } : {}),
      until: r.reopenedUntil,
    })),
    assessmentYear: cycle.year,
  };
}

type FactSource<T> = {
  listByEntity(cycleId: string, entityId: string): Promise<readonly T[]>;
  listFactsByEntity?(cycleId: string, entityId: string): Promise<T[]>;
};

/** An entity's evidence or scores as readiness reads them: only the fields it needs when the store can. */
export function factsOf<T>(source: FactSource<T>, cycleId: string, entityId: string): Promise<readonly T[]> {
  return source.listFactsByEntity
    ? source.listFactsByEntity(cycleId, entityId)
    : source.listByEntity(cycleId, entityId);
}

/** Everything the readiness module needs for one entity, read in parallel. */
export async function readinessInputFor(
  deps: Omit<ReadinessDeps, keyof ContextDeps>,
  ctx: EntityContext,
  entityId: string,
): Promise<ReadinessInput> {
  const { cycle } = ctx;
  const [evidence, scores, survey, assignments, reopenings] = await Promise.all([
    factsOf<EvidenceFact>(deps.evidence, cycle.cycleId, entityId),
    // Whole scores: submission reads them back as scores (versions) for the writes it makes.
    deps.scores.listByEntity(cycle.cycleId, entityId),
    deps.surveys.listByEntity(cycle.cycleId, entityId),
    deps.assignments.listAll(cycle.cycleId, entityId),
    deps.submissions.listByEntity(cycle.cycleId, entityId),
  ]);
  return readinessInputOf(
    ctx,
    { evidence, scores, survey, assignments, reopenings },
    localDate(deps.clock.now()),
  );
}

export function auditOf(
  deps: { ids: IdGenerator },
  at: string,
  actor: Pick<Actor, 'userId' | 'role'>,
  action: string,
  subject: string,
  before?: unknown,
  after?: unknown,
): AuditEntry {
  return {
    auditId: deps.ids.next(),
    at,
    actor: actorRef(actor),
    action,
    subject,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}
