/**
 * Reminders (docs/reminders.md): who gets what on a given local date. Pure: the caller loads a snapshot (cycles,
 * units, assignments, readiness, users) and this module decides, with the reason for every message.
 *
 * What is missing comes only from the readiness module (`computeReadiness`): a criterion is owed when it is
 * not `complete`, or when a reviewer requested changes on it (a workflow fact the scoring module supplies).
 *
 * `planReminders` reads as the decisions below, one step each: the shapes are in reminders-model.ts, what is
 * owed and the ladder in reminders-owed.ts, the three messages in reminders-digests.ts (addressing and reason
 * words in reminders-delivery.ts). This module re-exports what callers use.
 *
 * Decisions (documented in docs/reminders.md and tested):
 * - The ladder counts calendar days before the due date; a step that falls on a weekend or holiday moves to
 *   the working day before it, so the notice is never later than promised. After the due date it counts
 *   working days: a reminder every `overdueEveryWorkingDays` working days (2, 4, 6, … by default).
 * - A unit's digest lists the assignments that reach a ladder step today; each line says why.
 * - "Beyond N days overdue" means more than N working days: the unit head (a leader of that unit; when the
 *   unit has none, the entity's leaders) is copied on the digest. More than M: the item goes into the daily
 *   digest of every administrator whose scope reaches the entity, every working day until it is done.
 * - Leaders of the entity get a weekly summary on the first working day of the ISO week, while anything is
 *   still owed. No working day, no reminder of any kind.
 * - Only the cycle's scored framework has completion facts; assignments on tracked frameworks (PAPI, SIPAS
 *   tasks) are not reminded until those facts exist.
 */

import type { CycleStep, EntityStep } from './reminders-delivery.ts';
import { escalatedItems, planAdminDigest, planLeaderWeekly, planUnitDigests } from './reminders-digests.ts';
import {
  type AdminDigest,
  type CycleSnapshot,
  type EntitySnapshot,
  policyOf,
  type ReminderPlan,
  type ReminderSnapshot,
} from './reminders-model.ts';
import { owedAssignments } from './reminders-owed.ts';
import type { UserProfile } from './user.ts';
import { calendarFor, displayDate, isFirstWorkingDayOfWeek, isWorkingDay } from './working-days.ts';

export * from './reminders-model.ts';
export { missingFor, owedAssignments, reviewsFromScores, triggerFor } from './reminders-owed.ts';

/** Who gets what on `snapshot.date`: pure, deterministic, every delivery with its reason. */
export function planReminders(snapshot: ReminderSnapshot): ReminderPlan {
  const plan: ReminderPlan = { date: snapshot.date, deliveries: [], notes: [] };
  const users = snapshot.users.filter((u) => u.enabled && u.email);
  for (const c of snapshot.cycles) planCycle(snapshot, users, c, plan);
  return plan;
}

/**
 * One cycle: only an open cycle whose policy is enabled, only on a working day ("Working day": nothing is sent
 * on a non-working day, and the plan says why). Per entity the unit digests, the escalated items and, on the
 * first working day of the ISO week, the leaders' summary; then the administrators' digest of the cycle.
 */
function planCycle(
  snapshot: ReminderSnapshot,
  users: readonly UserProfile[],
  { cycle, entities }: CycleSnapshot,
  plan: ReminderPlan,
): void {
  const policy = policyOf(cycle);
  if (cycle.status !== 'open' || !policy.enabled) return;
  const cal = calendarFor(policy);
  if (!isWorkingDay(snapshot.date, cal)) {
    plan.notes.push({
      cycleId: cycle.cycleId,
      message: {
        vi: `${displayDate(snapshot.date)} không phải ngày làm việc: không gửi nhắc việc.`,
        en: `${displayDate(snapshot.date)} is not a working day: no reminders.`,
      },
    });
    return;
  }
  const s: CycleStep = {
    date: snapshot.date,
    appUrl: snapshot.appUrl,
    webhook: snapshot.webhook,
    users,
    cycle,
    cycleRef: {
      cycleId: cycle.cycleId,
      name: cycle.name,
      year: cycle.year,
      ...(cycle.framework ? { framework: cycle.framework } : {}),
    },
    policy,
    cal,
    plan,
  };
  const weekly = isFirstWorkingDayOfWeek(snapshot.date, cal);
  const escalated: AdminDigest['items'] = [];
  for (const e of entities) {
    const es = entityStep(s, e);
    planUnitDigests(es);
    escalated.push(...escalatedItems(es));
    if (weekly) planLeaderWeekly(es);
  }
  planAdminDigest(s, entities, escalated);
}

/** What the entity owes today (readiness only) and its people, read once for all its steps. */
function entityStep(s: CycleStep, e: EntitySnapshot): EntityStep {
  const inEntity = s.users.filter((u) => u.entityId === e.entity.entityId);
  return {
    ...s,
    e,
    entityRef: { entityId: e.entity.entityId, name: e.entity.name },
    owed: owedAssignments(s.cycle, e, s.date, s.cal, s.appUrl),
    unitsById: new Map(e.units.map((u) => [u.unitId, u])),
    inEntity,
    entityLeaders: inEntity.filter((u) => u.role === 'leader'),
  };
}
