/**
 * What each unit owes and whether today is a step of its ladder (docs/reminders.md, "Rules"). What is missing
 * comes only from the readiness module (`computeReadiness`): a criterion is owed when it is not `complete`,
 * or when a reviewer requested changes on it (a workflow fact the scoring module supplies).
 */
import type { Cycle, ReminderPolicy } from './cycle.ts';
import type { Message } from './errors.ts';
import type { FrameworkNode } from './framework.ts';
import type { CriterionReadiness } from './readiness.ts';
import type {
  EntitySnapshot,
  MissingCriterion,
  OwedAssignment,
  ReviewFact,
  Trigger,
} from './reminders-model.ts';
import {
  addDays,
  daysBetween,
  isWorkingDay,
  type WorkingCalendar,
  workingDayOnOrBefore,
  workingDaysAfter,
} from './working-days.ts';

/** The reviewers' requests carried by score facts (state and comment), where the store has them. */
export function reviewsFromScores(
  scores: readonly { criterionCode: string; state?: string; reviewerComment?: string }[],
): ReviewFact[] {
  return scores
    .filter((s) => s.state === 'changes_requested')
    .map((s) => ({
      criterionCode: s.criterionCode,
      state: 'changes_requested',
      ...(s.reviewerComment?.trim() ? { comment: s.reviewerComment.trim() } : {}),
    }));
}

/**
 * Why (and whether) an assignment due on `due` is reminded on `today`: nothing on a non-working day
 * (docs/reminders.md, "Working day"), the ladder up to the due date, the overdue repeat after it.
 */
export function triggerFor(
  due: string,
  today: string,
  policy: Pick<ReminderPolicy, 'daysBefore' | 'overdueEveryWorkingDays'>,
  cal: WorkingCalendar,
): Trigger | undefined {
  if (!isWorkingDay(today, cal)) return undefined;
  return today <= due
    ? ladderStepOn(due, today, policy.daysBefore, cal)
    : overdueStepOn(due, today, policy.overdueEveryWorkingDays, cal);
}

/**
 * "Ladder before the due date": calendar days before it; a step on a non-working day moves to the working
 * day before, so the notice is never later than promised.
 */
function ladderStepOn(
  due: string,
  today: string,
  daysBefore: readonly number[],
  cal: WorkingCalendar,
): Trigger | undefined {
  const steps = [...new Set([...daysBefore])].sort((a, b) => b - a);
  const hit = steps.find((s) => workingDayOnOrBefore(addDays(due, -s), cal) === today);
  if (hit === undefined) return undefined;
  return today === due
    ? { kind: 'due' }
    : { kind: 'before', step: hit, daysUntilDue: daysBetween(today, due) };
}

/** "After the due date": counted in working days, a reminder every `everyWorkingDays` of them. */
function overdueStepOn(
  due: string,
  today: string,
  everyWorkingDays: number,
  cal: WorkingCalendar,
): Trigger | undefined {
  const w = workingDaysAfter(due, today, cal);
  return w >= 1 && w % everyWorkingDays === 0 ? { kind: 'overdue', workingDaysOverdue: w } : undefined;
}

const IMPLICIT_SLOT_LABEL: Message = { vi: 'Ít nhất 1 tệp minh chứng', en: 'At least 1 evidence file' };

/** What one readiness result says is still missing on a criterion, in words (undefined: nothing). */
export function missingFor(
  c: CriterionReadiness,
  node: Pick<FrameworkNode, 'code' | 'title' | 'slots'> | undefined,
  review: ReviewFact | undefined,
  link: string,
): MissingCriterion | undefined {
  const changes = c.state === 'changes_requested' || review?.state === 'changes_requested';
  if (c.complete && !changes) return undefined;
  const labelOf = (kind: string): Message =>
    node?.slots.find((s) => s.kind === kind)?.label ??
    (kind === '*' ? IMPLICIT_SLOT_LABEL : { vi: kind, en: kind });
  return {
    code: c.code,
    title: node?.title ?? { vi: c.code, en: c.code },
    missingSlots: c.slots
      .filter((s) => !s.filled)
      .map((s) => ({ kind: s.kind, label: labelOf(s.kind), required: s.minCount, have: s.count })),
    needsSelfScore: c.selfScore === undefined,
    needsExplanation: c.coverage < 1 && !c.explanationGiven,
    ...(changes ? { changesRequested: review?.comment ? { comment: review.comment } : {} } : {}),
    link,
  };
}

const criterionLink = (appUrl: string, cycleId: string, entityId: string, code: string) =>
  `${appUrl.replace(/\/+$/, '')}/cycles/${encodeURIComponent(cycleId)}/entities/${encodeURIComponent(entityId)}/criteria/${encodeURIComponent(code)}`;

/** Leaf criteria an assignment covers: the code itself, or every leaf below an area or criterion code. */
const covers = (ref: string, leaf: string) => leaf === ref || leaf.startsWith(`${ref}.`);

/**
 * Every incomplete assignment of an entity with what it still owes, by the readiness module only. Only the
 * cycle's scored framework has completion facts, so only its criteria count (docs/reminders.md, "Rules");
 * nothing missing ⇒ the assignment is not owed.
 */
export function owedAssignments(
  cycle: Pick<Cycle, 'cycleId' | 'frameworkId'>,
  e: EntitySnapshot,
  today: string,
  cal: WorkingCalendar,
  appUrl: string,
): OwedAssignment[] {
  const nodes = new Map(e.nodes.map((n) => [n.code, n]));
  const reviews = new Map((e.reviews ?? []).map((r) => [r.criterionCode, r]));
  const out: OwedAssignment[] = [];
  for (const a of e.assignments) {
    // Tracked frameworks (PAPI, SIPAS tasks) have no completion facts yet: not reminded.
    const refs = a.criteria.filter((c) => c.frameworkId === cycle.frameworkId).map((c) => c.code);
    const seen = new Set<string>();
    const criteria: MissingCriterion[] = [];
    for (const c of e.readiness.criteria) {
      if (seen.has(c.code) || !refs.some((r) => covers(r, c.code))) continue;
      seen.add(c.code);
      const m = missingFor(
        c,
        nodes.get(c.code),
        reviews.get(c.code),
        criterionLink(appUrl, cycle.cycleId, e.entity.entityId, c.code),
      );
      if (m) criteria.push(m);
    }
    if (criteria.length === 0) continue;
    out.push({
      cycleId: cycle.cycleId,
      entityId: e.entity.entityId,
      unitId: a.unitId,
      assignmentId: a.assignmentId,
      title: a.title,
      dueDate: a.dueDate,
      workingDaysOverdue: today > a.dueDate ? workingDaysAfter(a.dueDate, today, cal) : 0,
      criteria,
    });
  }
  return out;
}
