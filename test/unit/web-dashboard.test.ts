/**
 * The dashboard's own date arithmetic (web/src/common/deadline.ts): the browser cannot import
 * shared/domain/working-days.ts (zod comes with it), so its working-day count must agree with the server's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarFor, daysBetween, workingDaysAfter } from '#domain/working-days.ts';
import type { Cycle } from '#web/api/types.ts';
import { baseSnapshot, deadlineInfo, formulaChanges, paceNeeded } from '#web/common/deadline.ts';

type Policy = Cycle['reminderPolicy'];
const policies: Policy[] = [
  { skipWeekends: true, holidays: [] } as unknown as Policy,
  {
    skipWeekends: true,
    holidays: ['2025-06-02'],
    nationalHolidays: false,
    makeUpWorkingDays: ['2025-06-07'],
  } as unknown as Policy,
  { skipWeekends: false, holidays: ['2025-04-30'] } as unknown as Policy,
];
const cycleWith = (deadline: string, reminderPolicy: Policy) =>
  ({ dates: { selfAssessmentDue: deadline }, reminderPolicy }) as unknown as Cycle;
/** Noon in Hà Nội on a local date. */
const at = (date: string) => new Date(`${date}T12:00:00+07:00`);
const dateArb = fc
  .integer({ min: 0, max: daysBetween('2023-01-01', '2027-12-31') })
  .map((n) => addDays('2023-01-01', n));

describe('days to the deadline', () => {
  it('counts working days as shared/domain/working-days.ts does, before and after the deadline', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.constantFrom(...policies), (today, deadline, policy) => {
        const cal = calendarFor(policy);
        const d = deadlineInfo(cycleWith(deadline, policy), { now: at(today) });
        expect(d.today).toBe(today);
        expect(d.calendarDays).toBe(daysBetween(today, deadline));
        expect(d.past).toBe(today > deadline);
        expect(d.workingDays).toBe(
          d.past
            ? workingDaysAfter(deadline, today, cal)
            : workingDaysAfter(addDays(today, -1), deadline, cal),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("uses the effective deadline it is given (a reopening) instead of the cycle's", () => {
    const d = deadlineInfo(cycleWith('2023-12-15', policies[0]!), {
      now: at('2025-12-01'),
      deadline: '2025-12-05',
    });
    expect(d).toMatchObject({ deadline: '2025-12-05', past: false, calendarDays: 4, workingDays: 5 });
  });

  it('takes today in Asia/Ho_Chi_Minh: 23:30 UTC is already the next day', () => {
    const d = deadlineInfo(cycleWith('2025-12-15', policies[0]!), { now: new Date('2025-12-14T23:30:00Z') });
    expect(d.today).toBe('2025-12-15');
    expect(d.calendarDays).toBe(0);
    expect(d.workingDays).toBe(1); // Monday 15/12: the deadline's own day still counts
  });

  it('skips Tết and the weekend between Mon 09/02/2026 and Fri 27/02/2026', () => {
    // Tết Bính Ngọ 2026: 14/02–22/02 off (bundled calendar).
    const d = deadlineInfo(cycleWith('2026-02-27', policies[0]!), { now: at('2026-02-09') });
    expect(d.workingDays).toBe(workingDaysAfter('2026-02-08', '2026-02-27', calendarFor(policies[0]!)));
    expect(d.workingDays).toBeLessThan(15);
  });
});

describe('pace and change', () => {
  const ahead = {
    deadline: '2025-12-15',
    today: '2025-12-01',
    calendarDays: 14,
    workingDays: 10,
    past: false,
  };
  it('pace = (100 − completeness) / working days left, none once past or complete', () => {
    expect(paceNeeded(40, ahead)).toBe(6);
    expect(paceNeeded(100, ahead)).toBeUndefined();
    expect(paceNeeded(40, { ...ahead, past: true })).toBeUndefined();
    expect(paceNeeded(40, { ...ahead, workingDays: 0 })).toBeUndefined();
  });

  it('measures change from the latest snapshot at least 7 days old, else the earliest before today', () => {
    const s = (date: string) => ({ date });
    expect(
      baseSnapshot([s('2025-11-20'), s('2025-11-24'), s('2025-11-28'), s('2025-12-01')], '2025-12-01')?.date,
    ).toBe('2025-11-24');
    expect(baseSnapshot([s('2025-11-28'), s('2025-12-01')], '2025-12-01')?.date).toBe('2025-11-28');
    expect(baseSnapshot([s('2025-12-01')], '2025-12-01')).toBeUndefined();
    expect(baseSnapshot([], '2025-12-01')).toBeUndefined();
  });
});

describe('formula changes on the trend', () => {
  it('marks each day whose snapshot was computed with another formula than the day before', () => {
    const p = (date: string, formulaVersion?: string) => ({
      date,
      completenessPercent: 0,
      projectedIndexPercent: 0,
      evidenceCoveragePercent: 0,
      formulaVersion,
    });
    expect(
      formulaChanges([
        p('2026-11-01', 'readiness/2.0.0'),
        p('2026-11-02', 'readiness/2.0.0'),
        p('2026-11-03', 'readiness/3.0.0'),
        p('2026-11-04'),
        p('2026-11-05', 'readiness/3.0.0'),
      ]),
    ).toEqual([{ date: '2026-11-03', from: 'readiness/2.0.0', to: 'readiness/3.0.0' }]);
    expect(formulaChanges([p('2026-11-01', 'readiness/3.0.0')])).toEqual([]);
  });
});
