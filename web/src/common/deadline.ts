/**
 * Days left to a cycle's deadline, counted in Asia/Ho_Chi_Minh. Working days follow the cycle's calendar
 * (the reminder policy: weekends, the bundled Vietnamese public holidays unless turned off, its own holidays
 * and make-up days), the same rule as shared/domain/working-days.ts, which the browser cannot import (it
 * pulls zod in through shared/domain/common.ts).
 */

import { VN_PUBLIC_HOLIDAYS } from '#domain/holidays-vn.ts';
import type { Cycle } from '../api/types.ts';
import { TIME_ZONE } from '../i18n/format.ts';

const DAY_MS = 86_400_000;
const MAX_SPAN_DAYS = 3660;
const toUtc = (d: string): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
export const isoToMs = toUtc;
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const addDays = (d: string, n: number): string => fromUtc(toUtc(d) + n * DAY_MS);

const localDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** Today's date (YYYY-MM-DD) in Asia/Ho_Chi_Minh. */
export const todayLocal = (now = new Date()): string => localDateFormat.format(now);

type Policy = Cycle['reminderPolicy'];

function calendar(policy: Policy) {
  const national = policy.nationalHolidays !== false;
  const holidays = new Set<string>(policy.holidays);
  const makeUp = new Set<string>(policy.makeUpWorkingDays ?? []);
  if (national) {
    for (const h of VN_PUBLIC_HOLIDAYS.holidays)
      for (let d = h.from; d <= h.to; d = addDays(d, 1)) holidays.add(d);
    for (const m of VN_PUBLIC_HOLIDAYS.makeUpWorkingDays) makeUp.add(m.date);
  }
  return (d: string) => {
    if (holidays.has(d)) return false;
    if (makeUp.has(d)) return true;
    const w = new Date(toUtc(d)).getUTCDay();
    return !(policy.skipWeekends && (w === 0 || w === 6));
  };
}

/** Working days in (a, b]. */
function workingDaysAfter(a: string, b: string, isWorking: (d: string) => boolean): number {
  let n = 0;
  for (let d = addDays(a, 1), i = 0; d <= b && i < MAX_SPAN_DAYS; d = addDays(d, 1), i++)
    if (isWorking(d)) n++;
  return n;
}

export interface DeadlineInfo {
  deadline: string;
  today: string;
  /** Calendar days from today to the deadline (negative once past). */
  calendarDays: number;
  /** Working days left after today up to and including the deadline (0 once past); when past: working days late. */
  workingDays: number;
  past: boolean;
}

/**
 * Days to a deadline (default: the cycle's self-assessment deadline; the dashboard passes the effective one the
 * server reports, reopenings included). The deadline's own day is still open.
 */
export function deadlineInfo(
  cycle: Pick<Cycle, 'dates' | 'reminderPolicy'>,
  opts: { now?: Date; deadline?: string } = {},
): DeadlineInfo {
  const today = todayLocal(opts.now);
  const deadline = opts.deadline ?? cycle.dates.selfAssessmentDue;
  const isWorking = calendar(cycle.reminderPolicy);
  const past = today > deadline;
  const calendarDays = Math.round((toUtc(deadline) - toUtc(today)) / DAY_MS);
  // Today counts while it is a working day: "2 working days left" on the day before the deadline.
  const workingDays = past
    ? workingDaysAfter(deadline, today, isWorking)
    : workingDaysAfter(addDays(today, -1), deadline, isWorking);
  return { deadline, today, calendarDays, workingDays, past };
}

/**
 * Percentage points of completeness to gain per working day left to reach 100 % by the deadline, from the
 * latest snapshot's completeness; undefined once the deadline has passed or everything is complete.
 */
export function paceNeeded(completenessPercent: number, deadline: DeadlineInfo): number | undefined {
  if (deadline.past || completenessPercent >= 100 || deadline.workingDays <= 0) return undefined;
  return Math.round(((100 - completenessPercent) / deadline.workingDays) * 100) / 100;
}

/** The snapshot a change is measured from: the latest at least 7 days old, else the earliest before today. */
export function baseSnapshot<S extends { date: string }>(items: readonly S[], today: string): S | undefined {
  const weekAgo = addDays(today, -7);
  const old = items.filter((s) => s.date <= weekAgo);
  return old[old.length - 1] ?? items.find((s) => s.date < today);
}

/**
 * Days on which the readiness formula changed between two snapshots: a jump there may be the rule, not the
 * work. Each snapshot keeps the version it was computed with (docs/readiness.md).
 */
export function formulaChanges(
  points: readonly { date: string; formulaVersion?: string }[],
): { date: string; from: string; to: string }[] {
  const out: { date: string; from: string; to: string }[] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!.formulaVersion;
    const to = points[i]!.formulaVersion;
    if (from && to && from !== to) out.push({ date: points[i]!.date, from, to });
  }
  return out;
}
