/**
 * Calendar arithmetic on local dates (`YYYY-MM-DD` in Asia/Ho_Chi_Minh). Pure: dates are strings, days are
 * counted on UTC midnights so no time zone or DST can shift them, and "today" comes from an instant the
 * caller passes in.
 *
 * A working day is not a holiday and either a weekday or a make-up day (làm bù). Holidays come from the
 * bundled national calendar (`holidays-vn.ts`, unless a cycle turns it off) plus the cycle's own list.
 */
import { TIME_ZONE } from './common.ts';
import { VN_PUBLIC_HOLIDAYS } from './holidays-vn.ts';

const DAY_MS = 86_400_000;
/** Loops stop after ten years: a calendar with no working day at all must not hang a reminder run. */
const MAX_SPAN_DAYS = 3660;

const toUtc = (d: string): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (d: string, n: number): string => fromUtc(toUtc(d) + n * DAY_MS);
/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: string, b: string): number => Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: string): number => new Date(toUtc(d)).getUTCDay();
/** The Monday of `d`'s ISO week. */
export const mondayOf = (d: string): string => addDays(d, -((weekday(d) + 6) % 7));

export interface WorkingCalendar {
  skipWeekends: boolean;
  holidays: ReadonlySet<string>;
  /** Weekend days that are worked (làm bù); a holiday still wins. */
  makeUpWorkingDays: ReadonlySet<string>;
}

/** Every date of the bundled Vietnamese public holidays, ranges expanded. */
export function nationalHolidayDates(data = VN_PUBLIC_HOLIDAYS): string[] {
  const out: string[] = [];
  for (const h of data.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface CalendarPolicy {
  skipWeekends: boolean;
  holidays: readonly string[];
  /** Absent or true: the bundled national calendar applies. */
  nationalHolidays?: boolean;
  makeUpWorkingDays?: readonly string[];
}

export function calendarFor(policy: CalendarPolicy): WorkingCalendar {
  const withoutNational = policy.nationalHolidays === false;
  return {
    skipWeekends: policy.skipWeekends,
    holidays: new Set([...(withoutNational ? [] : nationalHolidayDates()), ...policy.holidays]),
    makeUpWorkingDays: new Set([
      ...(withoutNational ? [] : VN_PUBLIC_HOLIDAYS.makeUpWorkingDays.map((m) => m.date)),
      ...(policy.makeUpWorkingDays ?? []),
    ]),
  };
}

export function isWorkingDay(d: string, cal: WorkingCalendar): boolean {
  if (cal.holidays.has(d)) return false;
  if (cal.makeUpWorkingDays.has(d)) return true;
  const w = weekday(d);
  return !(cal.skipWeekends && (w === 0 || w === 6));
}

/** The working day `n` working days after `d` (before, when `n` < 0); `n` = 0 returns `d` itself. */
export function addWorkingDays(d: string, n: number, cal: WorkingCalendar): string {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let cur = d;
  for (let i = 0; left > 0 && i < MAX_SPAN_DAYS; i++) {
    cur = addDays(cur, step);
    if (isWorkingDay(cur, cal)) left--;
  }
  return cur;
}

/** Working days in (a, b]: how many working days `b` is past `a` (0 when `b` ≤ `a`). */
export function workingDaysAfter(a: string, b: string, cal: WorkingCalendar): number {
  let count = 0;
  for (let d = addDays(a, 1), i = 0; d <= b && i < MAX_SPAN_DAYS; d = addDays(d, 1), i++)
    if (isWorkingDay(d, cal)) count++;
  return count;
}

/** The last working day on or before `d`. */
export function workingDayOnOrBefore(d: string, cal: WorkingCalendar): string {
  let cur = d;
  for (let i = 0; !isWorkingDay(cur, cal) && i < MAX_SPAN_DAYS; i++) cur = addDays(cur, -1);
  return cur;
}

/** True on the first working day of `d`'s ISO week (Monday, or the day after a Monday holiday). */
export function isFirstWorkingDayOfWeek(d: string, cal: WorkingCalendar): boolean {
  if (!isWorkingDay(d, cal)) return false;
  for (let x = mondayOf(d); x < d; x = addDays(x, 1)) if (isWorkingDay(x, cal)) return false;
  return true;
}

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The local date of an instant in Asia/Ho_Chi_Minh. */
export const localDate = (instant: Date): string => dateFormat.format(instant);
/** The local wall-clock time `HH:mm` of an instant in Asia/Ho_Chi_Minh. */
export const localTime = (instant: Date): string => timeFormat.format(instant);

/** The calendar fields of an instant in Asia/Ho_Chi_Minh (ZIP times are local, with no zone). */
export function localFields(instant: Date) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** dd/MM/yyyy, as dates are shown to people. */
export const displayDate = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
