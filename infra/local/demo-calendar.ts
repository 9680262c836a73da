/**
 * The demo's calendar, computed from the day it runs (docs/organisation.md, "The live season"): the live season
 * is the assessment year whose self-assessment due date is the first on or after today, and the demo's plan has
 * tasks already late, one due today and the rest due in the coming weeks — so a newcomer meets a season in
 * progress on any date. Pure: `today` in, dates out (tests pin it).
 */
import type { Cycle } from '#domain/cycle.ts';
import {
  addDays,
  addWorkingDays,
  calendarFor,
  isWorkingDay,
  workingDayOnOrBefore,
} from '#domain/working-days.ts';

/** Weekends and the bundled national holidays (the demo's cycles keep the default reminder calendar). */
const CALENDAR = calendarFor({ skipWeekends: true, holidays: [] });

const onWorkingDay = (d: string) => workingDayOnOrBefore(d, CALENDAR);

/**
 * A season's dates for assessment year `year`, after the seed plan's own (2023): evidence by 30/11, the
 * self-assessment by 15/12, the appraisal council from 18/12 to 15/01, results by the end of February — each on
 * the last working day on or before that date.
 */
export function seasonDates(year: number): Cycle['dates'] {
  const next = year + 1;
  return {
    evidenceDue: onWorkingDay(`${year}-11-30`),
    selfAssessmentDue: onWorkingDay(`${year}-12-15`),
    appraisalStart: onWorkingDay(`${year}-12-18`),
    appraisalEnd: onWorkingDay(`${next}-01-15`),
    publication: onWorkingDay(addDays(`${next}-03-01`, -1)),
  };
}

/** The assessment year whose self-assessment due date is the first on or after `today` (yyyy-MM-dd). */
export function liveSeasonYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today <= seasonDates(year).selfAssessmentDue ? year : year + 1;
}

/**
 * Where the plan's tasks fall, in working days from today: four late, one due today, the rest in the coming
 * weeks. Later tasks never pass the self-assessment due date (near the end of a season they bunch up on it).
 */
export const TASK_OFFSETS = [-20, -12, -6, -2, 0, 3, 5, 8, 10, 15, 20, 30, 40] as const;

export interface DemoSeason {
  year: number;
  dates: Cycle['dates'];
  /** When the demo's cycle and plan were "created": a month before the earliest task. */
  openedOn: string;
  /** One due date per entry of `TASK_OFFSETS`, in that order. */
  taskDue: string[];
}

export function demoSeason(today: string): DemoSeason {
  const year = liveSeasonYear(today);
  const dates = seasonDates(year);
  // Counted from the next working day when today is not one, so every due date is a working day.
  const base = isWorkingDay(today, CALENDAR) ? today : addWorkingDays(today, 1, CALENDAR);
  const taskDue = TASK_OFFSETS.map((n) => {
    const due = addWorkingDays(base, n, CALENDAR);
    return [due, dates.selfAssessmentDue].sort()[0] as string;
  });
  const earliest = [...taskDue].sort()[0] as string;
  return { year, dates, openedOn: addDays(earliest, -30), taskDue };
}
