/**
 * The "Việc của tôi" page's own logic, DOM-free (unit-tested in test/unit/web-home.test.ts): which criteria a
 * unit still owes and what to do next on each, sorted by due date. Every figure comes from the readiness
 * response: nothing here recomputes readiness.
 */
import type { CriterionReadiness, Output } from '../../api/types.ts';
import { compareCodes } from '../../common/criteria/model.ts';

export type Assignment = Output<'listAssignments'>['items'][number];

/** The one next step on a criterion: fix what the reviewer asked for, upload evidence, or self-score. */
export type NextAction = 'fix' | 'upload' | 'score';
const ACTION_ORDER: Record<NextAction, number> = { fix: 0, upload: 1, score: 2 };

/** Review states in which the ball is with the reviewer: nothing is owed until they answer. */
const WITH_REVIEWER = new Set(['submitted', 'in_review', 'resubmitted', 'accepted']);

/**
 * The next action on a criterion, from its readiness fields; undefined when the unit owes nothing (appraised,
 * waiting for the reviewer, or complete and ready to submit).
 */
export function nextAction(c: CriterionReadiness): NextAction | undefined {
  if (c.appraised) return undefined;
  if (c.state === 'changes_requested') return 'fix';
  if (c.state && WITH_REVIEWER.has(c.state)) return undefined;
  if (c.coverage < 1 && !c.explanationGiven) return 'upload';
  if (c.selfScore === undefined) return 'score';
  return undefined;
}

export interface OwedTask {
  code: string;
  action: NextAction;
  /** The earliest due date among the tasks that include the criterion (else the cycle's evidence deadline). */
  dueDate: string;
  /** Units that owe it (within the chosen unit filter). */
  unitIds: string[];
  /** The plan's tasks (nhiệm vụ) behind it, soonest first. */
  tasks: { assignmentId: string; title: string; dueDate: string; unitId: string }[];
  criterion: CriterionReadiness;
}

/**
 * The criteria a unit (or, with `unitIds` undefined, all of the entity's units) still owes, soonest due first
 * (so overdue ones lead), then fixes before uploads before scores, then by code.
 *
 * Only criteria of the cycle's own framework have readiness; tasks' references to tracked frameworks (PCI,
 * SIPAS, …) are not owed here. A criterion a unit is responsible for without a dated task falls back to
 * `fallbackDue`.
 */
export function owedTasks(input: {
  criteria: readonly CriterionReadiness[];
  assignments: readonly Assignment[];
  frameworkId: string;
  /** The units whose work is shown; undefined = every unit. */
  unitIds?: readonly string[];
  fallbackDue: string;
}): OwedTask[] {
  const inScope = (u: string) => !input.unitIds || input.unitIds.includes(u);
  const byCode = new Map<string, OwedTask>();
  for (const c of input.criteria) {
    const action = nextAction(c);
    if (!action) continue;
    const units = c.unitIds.filter(inScope);
    if (units.length === 0) continue;
    byCode.set(c.code, {
      code: c.code,
      action,
      dueDate: input.fallbackDue,
      unitIds: units,
      tasks: [],
      criterion: c,
    });
  }
  for (const a of input.assignments) {
    if (!inScope(a.unitId)) continue;
    for (const ref of a.criteria) {
      if (ref.frameworkId !== input.frameworkId) continue;
      const task = byCode.get(ref.code);
      if (!task) continue;
      if (!task.tasks.some((t) => t.assignmentId === a.assignmentId))
        task.tasks.push({
          assignmentId: a.assignmentId,
          title: a.title,
          dueDate: a.dueDate,
          unitId: a.unitId,
        });
      if (!task.unitIds.includes(a.unitId)) task.unitIds.push(a.unitId);
    }
  }
  const out = [...byCode.values()];
  for (const t of out) {
    t.tasks.sort(
      (a, b) => a.dueDate.localeCompare(b.dueDate) || a.assignmentId.localeCompare(b.assignmentId),
    );
    if (t.tasks[0]) t.dueDate = t.tasks[0].dueDate;
    t.unitIds.sort();
  }
  return out.sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      ACTION_ORDER[a.action] - ACTION_ORDER[b.action] ||
      compareCodes(a.code, b.code),
  );
}

/** The units that have something in the plan, for a leader's unit filter (sorted by id; names come later). */
export function unitsWithTasks(assignments: readonly Assignment[], criteria: readonly CriterionReadiness[]) {
  const ids = new Set<string>();
  for (const a of assignments) ids.add(a.unitId);
  for (const c of criteria) for (const u of c.unitIds) ids.add(u);
  return [...ids].sort();
}
