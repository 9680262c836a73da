/**
 * The reminder policy form's model (pure, no DOM): the stored policy ↔ the form's fields (days as text tags,
 * dates as dd/mm/yyyy) and the checks each field makes before saving. Unit-tested in
 * test/unit/web-reminder-policy.test.ts.
 */
import type { Output } from '../../../api/types.ts';
import { formatIsoDate } from '../../../i18n/format.ts';
import { parseDayMonthYear } from './rules.ts';

type ReminderPolicy = Output<'getCycle'>['reminderPolicy'];

export interface PolicyFields {
  enabled: boolean;
  sendAt: string;
  daysBefore: string[];
  overdueEveryWorkingDays: number;
  copyUnitHeadAfterDaysOverdue: number;
  escalateToAdminAfterDaysOverdue: number;
  skipWeekends: boolean;
  nationalHolidays: boolean;
  holidays: string[];
  makeUpWorkingDays: string[];
}

/** The names a server issue's field is matched against to show it on the form (see applyIssues). */
export const POLICY_FIELDS = [
  'reminderPolicy',
  'enabled',
  'sendAt',
  'daysBefore',
  'overdueEveryWorkingDays',
  'copyUnitHeadAfterDaysOverdue',
  'escalateToAdminAfterDaysOverdue',
  'skipWeekends',
  'nationalHolidays',
  'holidays',
  'makeUpWorkingDays',
] as const;

/** The stored policy as the form shows it: the ladder from the farthest day, dates dd/mm/yyyy. */
export const toFields = (p: ReminderPolicy): PolicyFields => ({
  enabled: p.enabled,
  sendAt: p.sendAt,
  daysBefore: [...p.daysBefore].sort((a, b) => b - a).map(String),
  overdueEveryWorkingDays: p.overdueEveryWorkingDays,
  copyUnitHeadAfterDaysOverdue: p.copyUnitHeadAfterDaysOverdue,
  escalateToAdminAfterDaysOverdue: p.escalateToAdminAfterDaysOverdue,
  skipWeekends: p.skipWeekends,
  // Absent means the national calendar counts: only `false` turns it off.
  nationalHolidays: p.nationalHolidays ?? true,
  holidays: p.holidays.map(formatIsoDate),
  makeUpWorkingDays: (p.makeUpWorkingDays ?? []).map(formatIsoDate),
});

/** dd/mm/yyyy tags → ISO dates, once each, in order (a tag that is no date is dropped; the field's check refused it). */
const isoList = (list: string[]) =>
  [...new Set(list.map((d) => parseDayMonthYear(d)).filter((d): d is string => Boolean(d)))].sort();

/** The form's fields as the policy to save: the ladder once per day from the farthest, dates ISO and sorted. */
export const toPolicy = (v: PolicyFields): ReminderPolicy => ({
  enabled: v.enabled,
  sendAt: v.sendAt.trim(),
  daysBefore: [...new Set(v.daysBefore.map(Number))].sort((a, b) => b - a),
  overdueEveryWorkingDays: v.overdueEveryWorkingDays,
  copyUnitHeadAfterDaysOverdue: v.copyUnitHeadAfterDaysOverdue,
  escalateToAdminAfterDaysOverdue: v.escalateToAdminAfterDaysOverdue,
  skipWeekends: v.skipWeekends,
  nationalHolidays: v.nationalHolidays,
  holidays: isoList(v.holidays),
  makeUpWorkingDays: isoList(v.makeUpWorkingDays),
});

/** A sending time: HH:mm on a 24-hour clock. */
export const SEND_AT = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The ladder before the due date: at most 10 steps, each a whole number of days up to 60. */
export const validDaysBefore = (v: readonly string[] | undefined) =>
  (v ?? []).every((d) => /^\d{1,2}$/.test(d) && Number(d) <= 60) && (v ?? []).length <= 10;

/** A list of dates: every tag a real dd/mm/yyyy day. */
export const validDateList = (v: readonly string[] | undefined) =>
  (v ?? []).every((d) => parseDayMonthYear(d));
