/**
 * Carrying assignments into a new year's cycle (docs/assignments.md): criteria codes are translated through
 * each framework's version mappings, due dates move by the difference in years, and what cannot be carried
 * is reported rather than silently dropped.
 */
import type { Actor } from '#domain/actor.ts';
import type { Assignment } from '#domain/assignment.ts';
import { type Cycle, cycleFrameworks } from '#domain/cycle.ts';
import { type Message, ValidationError } from '#domain/errors.ts';
import type { FrameworkDocument } from '#domain/framework.ts';
import { translateCodes } from '#domain/framework-versions.ts';
import type { FrameworkRepository } from '#ports.ts';
import { batchAudit, build, type Context, loadContext, type WriteDeps } from './assignments-context.ts';
import { authorizeInScope } from './scope.ts';

export interface CarryForwardPlan {
  dryRun: boolean;
  created: Pick<Assignment, 'assignmentId' | 'unitId' | 'criteria' | 'dueDate'>[];
  /** Criteria the new versions removed (the assignment is kept with the codes that remain). */
  droppedCriteria: { assignmentId: string; frameworkId: string; code: string; removedIn?: number }[];
  /** Assignments left behind: every criterion gone, or the unit no longer exists. */
  skipped: { assignmentId: string; reason: Message }[];
  alreadyThere: string[];
}

/** Each framework of the source cycle → its versions up to the target cycle's (absent: not carried). */
type Chains = Map<string, FrameworkDocument[] | undefined>;

const shiftYear = (date: string, years: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Math.min(d, new Date(Date.UTC(y + years, m, 0)).getUTCDate());
  return `${y + years}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Loads versions from..to of one framework (consecutive), or undefined when one is missing. */
async function versionChain(frameworks: FrameworkRepository, frameworkId: string, from: number, to: number) {
  if (to < from) return undefined;
  const docs = await Promise.all(
    Array.from({ length: to - from + 1 }, (_, i) => frameworks.get(frameworkId, from + i)),
  );
  return docs.every(Boolean) ? (docs as FrameworkDocument[]) : undefined;
}

/** The source cycle must exist and assess the entity. */
async function loadSourceCycle(deps: WriteDeps, fromCycleId: string, entityId: string): Promise<Cycle> {
  const source = await deps.cycles.get(fromCycleId);
  if (!source?.entityIds.includes(entityId))
    throw new ValidationError([
      {
        field: 'body.fromCycleId',
        message: {
          vi: `Kỳ "${fromCycleId}" không có hoặc không đánh giá đơn vị này.`,
          en: `Cycle "${fromCycleId}" does not exist or does not assess this entity.`,
        },
      },
    ]);
  return source;
}

async function versionChains(frameworks: FrameworkRepository, source: Cycle, target: Cycle): Promise<Chains> {
  const targetVersion = new Map(cycleFrameworks(target).map((r) => [r.frameworkId, r.version]));
  const chains: Chains = new Map();
  for (const r of cycleFrameworks(source)) {
    const to = targetVersion.get(r.frameworkId);
    chains.set(
      r.frameworkId,
      to === undefined ? undefined : await versionChain(frameworks, r.frameworkId, r.version, to),
    );
  }
  return chains;
}

/**
 * The assignment's criteria in the target versions, without repeats (merged codes collapse); codes of a
 * framework the target cycle lacks, or removed by a version, go to `dropped`.
 */
function translatedCriteria(a: Assignment, chains: Chains, dropped: CarryForwardPlan['droppedCriteria']) {
  const criteria: Assignment['criteria'] = [];
  for (const c of a.criteria) {
    const chain = chains.get(c.frameworkId);
    if (!chain) {
      dropped.push({ assignmentId: a.assignmentId, frameworkId: c.frameworkId, code: c.code });
      continue;
    }
    const t = translateCodes([c.code], chain);
    for (const code of t.codes) criteria.push({ frameworkId: c.frameworkId, code });
    for (const d of t.dropped)
      dropped.push({
        assignmentId: a.assignmentId,
        frameworkId: c.frameworkId,
        code: d.code,
        removedIn: d.removedIn,
      });
  }
  return [...new Map(criteria.map((c) => [`${c.frameworkId}:${c.code}`, c])).values()];
}

/** Decides each old assignment (already there, skipped, or carried) into `plan`; returns those to create. */
function planCarry(
  old: readonly Assignment[],
  have: ReadonlySet<string>,
  from: { source: Cycle; ctx: Context; chains: Chains },
  make: (a: Parameters<typeof build>[0]) => Assignment,
  plan: CarryForwardPlan,
): Assignment[] {
  const { source, ctx, chains } = from;
  const years = ctx.cycle.year - source.year;
  const out: Assignment[] = [];
  for (const a of old) {
    if (have.has(a.assignmentId)) {
      plan.alreadyThere.push(a.assignmentId);
      continue;
    }
    if (!ctx.units.some((u) => u.unitId === a.unitId)) {
      plan.skipped.push({
        assignmentId: a.assignmentId,
        reason: { vi: `Phòng/đơn vị ${a.unitId} không còn.`, en: `Unit ${a.unitId} no longer exists.` },
      });
      continue;
    }
    const unique = translatedCriteria(a, chains, plan.droppedCriteria);
    if (unique.length === 0) {
      plan.skipped.push({
        assignmentId: a.assignmentId,
        reason: { vi: 'Mọi tiêu chí của nhiệm vụ đã bị bỏ.', en: 'Every criterion of the task was removed.' },
      });
      continue;
    }
    const next = make({
      assignmentId: a.assignmentId,
      unitId: a.unitId,
      criteria: unique,
      title: a.title,
      dueDate: shiftYear(a.dueDate, years),
      ...(a.description ? { description: a.description } : {}),
      ...(a.target ? { target: a.target } : {}),
      source: a.source ? `${a.source} (chuyển từ kỳ ${source.cycleId})` : `Chuyển từ kỳ ${source.cycleId}`,
    });
    out.push(next);
    plan.created.push({
      assignmentId: next.assignmentId,
      unitId: next.unitId,
      criteria: next.criteria,
      dueDate: next.dueDate,
    });
  }
  return out;
}

/**
 * Copies an earlier cycle's assignments of one entity into this cycle: criteria codes are translated through
 * each framework's version mappings (split codes fan out, merged ones collapse, removed ones are reported),
 * due dates move by the difference in years. Idempotent: assignments already present are left alone.
 */
export async function carryForwardAssignments(
  deps: WriteDeps,
  actor: Actor,
  ref: { cycleId: string; entityId: string },
  input: { fromCycleId: string; dryRun: boolean },
): Promise<CarryForwardPlan> {
  await authorizeInScope(deps, actor, 'assignment:write', { entityId: ref.entityId });
  const ctx = await loadContext(deps, ref.cycleId, ref.entityId);
  const source = await loadSourceCycle(deps, input.fromCycleId, ref.entityId);
  const [old, current] = await Promise.all([
    deps.assignments.listAll(source.cycleId, ref.entityId),
    deps.assignments.listAll(ref.cycleId, ref.entityId),
  ]);
  const chains = await versionChains(deps.frameworks, source, ctx.cycle);
  const plan: CarryForwardPlan = {
    dryRun: input.dryRun,
    created: [],
    droppedCriteria: [],
    skipped: [],
    alreadyThere: [],
  };
  const have = new Set(current.map((a) => a.assignmentId));
  const now = deps.clock.now().toISOString();
  const make = (a: Parameters<typeof build>[0]) => build(a, ref, actor, now);
  const out = planCarry(old, have, { source, ctx, chains }, make, plan);
  if (!input.dryRun && out.length)
    await deps.assignments.createMany(out, batchAudit(deps, actor, now, 'assignment.carry-forward'));
  return plan;
}
