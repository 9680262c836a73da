/**
 * The dashboard's own model (web/src/pages/dashboard): which criteria are at risk and in what order, and what
 * the trend card reads off the snapshots (whether the deadline is drawn, the pace needed).
 */
import { describe, expect, it } from 'vitest';
import type { CriterionReadiness, Readiness } from '#web/api/types.ts';
import type { DeadlineInfo } from '#web/common/deadline.ts';
import {
  atRiskRows,
  LIKELY_MISS_WORKING_DAYS,
  riskOf,
  unitsAtRisk,
} from '#web/pages/dashboard/at-risk-model.ts';
import { trendSummary } from '#web/pages/dashboard/trend-model.ts';

const criterion = (code: string, over: Partial<CriterionReadiness> = {}): CriterionReadiness =>
  ({
    code,
    role: 'regular',
    maxPoints: 2,
    coverage: 0,
    explanationGiven: false,
    appraised: false,
    sentBack: false,
    complete: false,
    lateUnscored: false,
    projectedPoints: 0,
    atRiskPoints: 0,
    unitIds: ['phong-a'],
    ...over,
  }) as CriterionReadiness;

const ahead = (workingDays: number): DeadlineInfo => ({
  deadline: '2026-06-30',
  today: '2026-06-01',
  calendarDays: 29,
  workingDays,
  past: false,
});
const past: DeadlineInfo = {
  deadline: '2026-05-29',
  today: '2026-06-01',
  calendarDays: -3,
  workingDays: 1,
  past: true,
};

describe('points at risk', () => {
  it('names the kind of risk from the state and the deadline', () => {
    expect(riskOf(criterion('1', { appraised: true, atRiskPoints: 2 }), past)).toBeUndefined();
    expect(riskOf(criterion('1', { lateUnscored: true, complete: true }), ahead(20))).toBe('late');
    expect(riskOf(criterion('1'), past)).toBe('late');
    expect(riskOf(criterion('1'), ahead(LIKELY_MISS_WORKING_DAYS))).toBe('likely');
    expect(riskOf(criterion('1'), ahead(LIKELY_MISS_WORKING_DAYS + 1))).toBe('open');
    expect(riskOf(criterion('1', { complete: true, atRiskPoints: 0.5 }), past)).toBe('points');
    expect(riskOf(criterion('1', { complete: true }), past)).toBeUndefined();
  });

  it('lists the most points first, then the most urgent kind, each by its own units’ deadline', () => {
    const rows = atRiskRows(
      [
        criterion('1', { complete: true }),
        criterion('2', { atRiskPoints: 1, unitIds: ['reopened'] }),
        criterion('3', { atRiskPoints: 1 }),
        criterion('4', { complete: true, atRiskPoints: 1.5 }),
      ],
      (unitIds) => (unitIds.includes('reopened') ? ahead(20) : past),
    );
    expect(rows.map((r) => [r.code, r.kind])).toEqual([
      ['4', 'points'],
      ['3', 'late'],
      ['2', 'open'],
    ]);
  });

  it('names the units with criteria to complete or points at risk', () => {
    const unit = (unitId: string, completenessPercent: number, atRiskPoints: number) =>
      ({ unitId, completenessPercent, atRiskPoints }) as Readiness['byUnit'][number];
    const units = [unit('done', 100, 0), unit('open', 50, 0), unit('over', 100, 1)];
    expect(unitsAtRisk(units).map((u) => u.unitId)).toEqual(['open', 'over']);
  });
});

const point = (date: string, completenessPercent: number) => ({ date, completenessPercent });

describe('the trend card', () => {
  it('draws the deadline from the first snapshot on, and the pace from the latest one', () => {
    const s = trendSummary([point('2026-05-20', 10), point('2026-06-01', 40)], ahead(20));
    expect(s.showDeadline).toBe(true);
    expect(s.pace).toEqual({ perDay: 3, from: '2026-06-01', fromValue: 40 });
    expect(trendSummary([point('2026-07-01', 10)], ahead(20)).showDeadline).toBe(false);
  });

  it('has no pace once the deadline has passed, when complete, or without snapshots', () => {
    expect(trendSummary([point('2026-05-20', 10)], past).pace).toBeUndefined();
    expect(trendSummary([point('2026-05-20', 100)], ahead(20)).pace).toBeUndefined();
    expect(trendSummary([], ahead(20))).toEqual({
      first: undefined,
      last: undefined,
      showDeadline: false,
      pace: undefined,
    });
  });
});
