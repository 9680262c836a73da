/** Working-day arithmetic: hand-worked Vietnamese dates and properties (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VN_PUBLIC_HOLIDAYS } from '#domain/holidays-vn.ts';
import { triggerFor } from '#domain/reminders.ts';
import {
  addDays,
  addWorkingDays,
  calendarFor,
  daysBetween,
  isFirstWorkingDayOfWeek,
  isWorkingDay,
  localDate,
  localTime,
  nationalHolidayDates,
  weekday,
  workingDayOnOrBefore,
  workingDaysAfter,
} from '#domain/working-days.ts';

const vn = calendarFor({ skipWeekends: true, holidays: [] });
const plain = calendarFor({ skipWeekends: true, holidays: [], nationalHolidays: false });

/** Any date 2022-12-01 … 2028-01-31 (covers every bundled year and its edges). */
const dateArb = fc
  .integer({ min: 0, max: daysBetween('2022-12-01', '2028-01-31') })
  .map((n) => addDays('2022-12-01', n));
const calArb = fc.constantFrom(vn, plain, calendarFor({ skipWeekends: false, holidays: ['2025-04-30'] }));

describe('the bundled Vietnamese holiday calendar', () => {
  it('covers 2023–2027 with Tết in every year, a source and a confidence on every entry', () => {
    expect(VN_PUBLIC_HOLIDAYS.source).toMatch(/Bộ luật Lao động/);
    for (const year of [2023, 2024, 2025, 2026, 2027]) {
      const tet = VN_PUBLIC_HOLIDAYS.holidays.filter(
        (h) => h.from.startsWith(String(year)) && h.name.vi === 'Tết Nguyên đán',
      );
      expect(tet, String(year)).toHaveLength(1);
      expect(daysBetween(tet[0]!.from, tet[0]!.to)).toBeGreaterThanOrEqual(4);
    }
    for (const h of VN_PUBLIC_HOLIDAYS.holidays) {
      expect(['announced', 'estimated']).toContain(h.confidence);
      expect(h.from <= h.to).toBe(true);
    }
  });

  it('knows the days as announced (hand-checked examples)', () => {
    // Tết 2025: Saturday 25/01 to Sunday 02/02; Giỗ Tổ 2025 on Monday 07/04; 30/04–01/05.
    for (const d of ['2025-01-27', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02'])
      expect(isWorkingDay(d, vn), d).toBe(false);
    // Saturday 26/04/2025 was worked to make up for Friday 02/05.
    expect(isWorkingDay('2025-04-26', vn)).toBe(true);
    expect(isWorkingDay('2025-04-26', plain)).toBe(false);
    expect(isWorkingDay('2025-02-03', vn)).toBe(true);
    // Tết 2024 (Thursday 08/02 – Wednesday 14/02) and National Day 2023 (Friday 01/09 – Monday 04/09).
    expect(['2024-02-08', '2024-02-14', '2023-09-04'].map((d) => isWorkingDay(d, vn))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('counts working days across Tết: 5 working days after Friday 24/01/2025 is Friday 07/02', () => {
    expect(addWorkingDays('2025-01-24', 5, vn)).toBe('2025-02-07');
    expect(workingDaysAfter('2025-01-24', '2025-02-07', vn)).toBe(5);
    // Without the national calendar the same span is 10 working days.
    expect(workingDaysAfter('2025-01-24', '2025-02-07', plain)).toBe(10);
  });

  it('adds a cycle’s own holidays and can turn the national ones off', () => {
    const own = calendarFor({ skipWeekends: true, holidays: ['2025-03-12'], nationalHolidays: false });
    expect(isWorkingDay('2025-03-12', own)).toBe(false);
    expect(isWorkingDay('2025-04-07', own)).toBe(true);
    expect(nationalHolidayDates()).toContain('2026-02-17');
  });
});

describe('working-day arithmetic (properties)', () => {
  it('n working days later is a working day exactly n working days after', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), calArb, (d, n, cal) => {
        const later = addWorkingDays(d, n, cal);
        expect(isWorkingDay(later, cal)).toBe(true);
        expect(later > d).toBe(true);
        expect(workingDaysAfter(d, later, cal)).toBe(n);
      }),
    );
  });

  it('adding is additive and going back undoes going forward from a working day', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        calArb,
        (d, a, b, cal) => {
          expect(addWorkingDays(addWorkingDays(d, a, cal), b, cal)).toBe(addWorkingDays(d, a + b, cal));
          const start = workingDayOnOrBefore(d, cal);
          expect(addWorkingDays(addWorkingDays(start, a, cal), -a, cal)).toBe(start);
        },
      ),
    );
  });

  it('counting splits over any middle date and matches a day-by-day count', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        calArb,
        (a, x, y, cal) => {
          const b = addDays(a, x);
          const c = addDays(b, y);
          expect(workingDaysAfter(a, c, cal)).toBe(workingDaysAfter(a, b, cal) + workingDaysAfter(b, c, cal));
          let brute = 0;
          for (let d = addDays(a, 1); d <= c; d = addDays(d, 1)) if (isWorkingDay(d, cal)) brute++;
          expect(workingDaysAfter(a, c, cal)).toBe(brute);
          expect(workingDaysAfter(c, a, cal)).toBe(0);
        },
      ),
    );
  });

  it('the working day on or before a date is a working day with none between', () => {
    fc.assert(
      fc.property(dateArb, calArb, (d, cal) => {
        const w = workingDayOnOrBefore(d, cal);
        expect(w <= d).toBe(true);
        expect(isWorkingDay(w, cal)).toBe(true);
        expect(workingDaysAfter(w, d, cal)).toBe(0);
      }),
    );
  });

  it('exactly one first working day in every ISO week that has a working day', () => {
    fc.assert(
      fc.property(dateArb, calArb, (d, cal) => {
        const monday = addDays(d, -((weekday(d) + 6) % 7));
        const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
        const firsts = week.filter((x) => isFirstWorkingDayOfWeek(x, cal));
        expect(firsts.length).toBe(week.some((x) => isWorkingDay(x, cal)) ? 1 : 0);
      }),
    );
  });

  it('"today" is the date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 11, 31) }), (ms) => {
        const shifted = new Date(ms + 7 * 3_600_000).toISOString();
        expect(localDate(new Date(ms))).toBe(shifted.slice(0, 10));
        expect(localTime(new Date(ms))).toBe(shifted.slice(11, 16));
      }),
    );
    // 23:30 UTC on 31/12 is already 06:30 on New Year's Day in Việt Nam.
    expect(localDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
  });
});

describe('the reminder ladder (properties)', () => {
  const policyArb = fc.record({
    daysBefore: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 6 }),
    overdueEveryWorkingDays: fc.integer({ min: 1, max: 5 }),
  });

  it('reminds only on working days, never loses a step, never reminds later than the step', () => {
    fc.assert(
      fc.property(dateArb, policyArb, calArb, (due, policy, cal) => {
        const days = Array.from({ length: 45 }, (_, i) => addDays(due, i - 40)).filter((d) => d <= due);
        const hits = days.filter((d) => triggerFor(due, d, policy, cal) !== undefined);
        for (const d of hits) expect(isWorkingDay(d, cal)).toBe(true);
        for (const s of policy.daysBefore) {
          const target = addDays(due, -s);
          const moved = workingDayOnOrBefore(target, cal);
          // The step's day or, when it is not a working day, the working day just before it.
          if (moved >= days[0]!) expect(hits, `step ${s}`).toContain(moved);
        }
        expect(hits.length).toBeLessThanOrEqual(policy.daysBefore.length);
      }),
    );
  });

  it('after the due date reminds exactly every N working days', () => {
    fc.assert(
      fc.property(dateArb, policyArb, fc.integer({ min: 1, max: 6 }), calArb, (due, policy, k, cal) => {
        const n = policy.overdueEveryWorkingDays;
        const end = addWorkingDays(due, k * n, cal);
        let hits = 0;
        for (let d = addDays(due, 1); d <= end; d = addDays(d, 1)) {
          const t = triggerFor(due, d, policy, cal);
          if (t) {
            hits++;
            expect(t).toEqual({ kind: 'overdue', workingDaysOverdue: workingDaysAfter(due, d, cal) });
            expect(workingDaysAfter(due, d, cal) % n).toBe(0);
          }
        }
        expect(hits).toBe(k);
      }),
    );
  });
});
