/**
 * The demo's live season on several dates (infra/local/demo-calendar.ts, docs/organisation.md "The live
 * season"): the start, the middle and the end of a season, the due date itself, a weekend and a leap day.
 */
import { describe, expect, it } from 'vitest';
import { calendarFor, isWorkingDay } from '#domain/working-days.ts';
import { demoSeason, liveSeasonYear, seasonDates, TASK_OFFSETS } from '#infra/local/demo-calendar.ts';

const CAL = calendarFor({ skipWeekends: true, holidays: [] });

describe('season dates', () => {
  it('the seed plan’s 2023 dates come out as the seed had them', () => {
    expect(seasonDates(2023)).toEqual({
      evidenceDue: '2023-11-30',
      selfAssessmentDue: '2023-12-15',
      appraisalStart: '2023-12-18',
      appraisalEnd: '2024-01-15',
      publication: '2024-02-29',
    });
  });

  it('a date on a weekend moves to the working day before; February ends on the 28th or 29th', () => {
    // 15/12/2024 is a Sunday; 30/11/2025 is a Sunday; 28/02/2027 is a Sunday.
    expect(seasonDates(2024).selfAssessmentDue).toBe('2024-12-13');
    expect(seasonDates(2025).evidenceDue).toBe('2025-11-28');
    expect(seasonDates(2026).publication).toBe('2027-02-26');
    expect(seasonDates(2027).publication).toBe('2028-02-29');
  });
});

describe('the live season', () => {
  it('is this year until its self-assessment is due, then next year', () => {
    expect(liveSeasonYear('2026-12-03')).toBe(2026);
    expect(liveSeasonYear('2026-12-15')).toBe(2026);
    expect(liveSeasonYear('2026-12-16')).toBe(2027);
    expect(liveSeasonYear('2027-01-02')).toBe(2027);
    expect(liveSeasonYear('2028-02-29')).toBe(2028);
  });

  const dates = {
    'end of a season': '2026-12-03',
    'the due date itself': '2026-12-15',
    'the first day of the next season': '2026-12-16',
    'the middle of a season': '2027-06-15',
    'a Sunday': '2027-06-20',
    'a leap day': '2028-02-29',
    'the first working day after Tết': '2027-02-15',
  };
  for (const [what, today] of Object.entries(dates)) {
    it(`on ${what} (${today}): some tasks late, one due today, the rest from today to the due date`, () => {
      const s = demoSeason(today);
      expect(s.taskDue).toHaveLength(TASK_OFFSETS.length);
      expect([...s.taskDue].sort()).toEqual(s.taskDue);
      expect(s.taskDue.every((d) => isWorkingDay(d, CAL))).toBe(true);
      expect(s.taskDue.filter((d) => d < today)).toHaveLength(4);
      expect(s.taskDue.every((d) => d <= s.dates.selfAssessmentDue)).toBe(true);
      expect(s.taskDue.slice(4).every((d) => d >= today)).toBe(true);
      expect(s.dates.selfAssessmentDue >= today).toBe(true);
      expect(s.openedOn < (s.taskDue[0] as string)).toBe(true);
      if (isWorkingDay(today, CAL)) expect(s.taskDue[4]).toBe(today);
    });
  }

  it('on the due date, every task not yet late is due that day', () => {
    expect(new Set(demoSeason('2026-12-15').taskDue.slice(4))).toEqual(new Set(['2026-12-15']));
  });

  it('mid-season, tasks spread over the coming weeks (none bunched on the due date)', () => {
    const s = demoSeason('2027-06-15');
    expect(new Set(s.taskDue).size).toBe(TASK_OFFSETS.length);
    expect(s.taskDue.at(-1)! < s.dates.selfAssessmentDue).toBe(true);
  });
});
