/**
 * "Việc của tôi"'s own logic (web/src/pages/home/model.ts, web/src/common/criteria/model.ts): what a unit still owes and its next step,
 * sorted by due date; the criteria tree's grouping, filters and open areas.
 */
import { describe, expect, it } from 'vitest';
import type { CriterionReadiness } from '#web/api/types.ts';
import { areaOf, compareCodes, filterCriteria, groupByArea, openAreas } from '#web/common/criteria/model.ts';
import { type Assignment, nextAction, owedTasks, unitsWithTasks } from '#web/pages/home/model.ts';

const criterion = (code: string, over: Partial<CriterionReadiness> = {}): CriterionReadiness => ({
  code,
  role: 'regular',
  maxPoints: 1,
  slots: [
    {
      kind: 'ke-hoach',
      minCount: 1,
      count: 0,
      documents: 0,
      undated: 0,
      outsideYear: 0,
      periods: [],
      fill: 0,
      filled: false,
    },
  ],
  slotsFilled: 0,
  coverage: 0,
  explanationGiven: false,
  appraised: false,
  sentBack: false,
  ready: false,
  complete: false,
  completeByExplanation: false,
  pastDue: false,
  lateUnscored: false,
  projectedPoints: 0,
  atRiskPoints: 0,
  unitIds: ['phong-a'],
  ...over,
});
const covered = { coverage: 1, slotsFilled: 1 };

const task = (assignmentId: string, unitId: string, dueDate: string, codes: string[]): Assignment =>
  ({
    assignmentId,
    unitId,
    dueDate,
    title: `Nhiệm vụ ${assignmentId}`,
    criteria: codes.map((c) =>
      c.includes(':')
        ? { frameworkId: c.split(':')[0], code: c.split(':')[1] }
        : { frameworkId: 'par', code: c },
    ),
    cycleId: 'c',
    entityId: 'e',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'x',
  }) as Assignment;

describe('nextAction', () => {
  it('asks to fix first, then to upload, then to self-score; nothing when done or with the reviewer', () => {
    expect(nextAction(criterion('1.1', { state: 'changes_requested', ...covered, selfScore: 1 }))).toBe(
      'fix',
    );
    expect(nextAction(criterion('1.1'))).toBe('upload');
    expect(nextAction(criterion('1.1', { explanationGiven: true }))).toBe('score');
    expect(nextAction(criterion('1.1', covered))).toBe('score');
    expect(nextAction(criterion('1.1', { ...covered, selfScore: 1, complete: true }))).toBeUndefined();
    for (const state of ['submitted', 'in_review', 'resubmitted', 'accepted'] as const)
      expect(nextAction(criterion('1.1', { state }))).toBeUndefined();
    expect(nextAction(criterion('1.1', { appraised: true }))).toBeUndefined();
  });
});

describe('owedTasks', () => {
  const criteria = [
    criterion('1.1'),
    criterion('1.2', covered),
    criterion('2.1', { state: 'changes_requested', ...covered, selfScore: 1 }),
    criterion('2.2', { ...covered, selfScore: 1, complete: true }),
    criterion('3.1', { unitIds: ['phong-b'] }),
    criterion('3.2', { unitIds: [] }),
  ];
  const assignments = [
    task('T1', 'phong-a', '2026-12-01', ['1.1', 'pci:3']),
    task('T2', 'phong-a', '2026-03-01', ['1.1', '2.1']),
    task('T3', 'phong-a', '2026-03-01', ['1.2']),
    task('T4', 'phong-b', '2026-01-15', ['3.1', '2.2']),
  ];
  const owed = (unitIds?: string[]) =>
    owedTasks({ criteria, assignments, frameworkId: 'par', unitIds, fallbackDue: '2026-06-30' });

  it("a unit's owed criteria, soonest due first, fixes before uploads before scores on the same day", () => {
    const list = owed(['phong-a']);
    expect(list.map((t) => [t.code, t.dueDate, t.action])).toEqual([
      ['2.1', '2026-03-01', 'fix'],
      ['1.1', '2026-03-01', 'upload'],
      ['1.2', '2026-03-01', 'score'],
    ]);
    // Each with its tasks, soonest first; references to tracked frameworks do not count.
    expect(list[1]!.tasks.map((t) => t.assignmentId)).toEqual(['T2', 'T1']);
  });

  it('every unit (a leader) or one; a criterion with no dated task falls back to the cycle deadline', () => {
    expect(owed().map((t) => t.code)).toEqual(['3.1', '2.1', '1.1', '1.2']);
    expect(owed(['phong-b']).map((t) => [t.code, t.unitIds])).toEqual([['3.1', ['phong-b']]]);
    const loose = owedTasks({
      criteria: [criterion('4.1')],
      assignments: [],
      frameworkId: 'par',
      fallbackDue: '2026-06-30',
    });
    expect(loose.map((t) => [t.code, t.dueDate, t.tasks.length])).toEqual([['4.1', '2026-06-30', 0]]);
  });

  it('nothing owed: an empty list', () => {
    expect(owed(['phong-c'])).toEqual([]);
    expect(unitsWithTasks(assignments, criteria)).toEqual(['phong-a', 'phong-b']);
  });
});

describe('the criteria tree', () => {
  const criteria = ['2.10', '1.2', '2.9', '10.1', '1.10', '1.1'].map((c) =>
    criterion(c, { unitIds: areaOf(c) === '1' ? ['phong-a'] : ['phong-b'] }),
  );

  it('orders codes numerically and groups criteria under their areas', () => {
    expect(['1.10', '10.1', '1.2', '2.9'].sort(compareCodes)).toEqual(['1.2', '1.10', '2.9', '10.1']);
    expect(areaOf('3.2.1')).toBe('3');
    expect(groupByArea(criteria).map((g) => [g.area, g.criteria.map((c) => c.code)])).toEqual([
      ['1', ['1.1', '1.2', '1.10']],
      ['2', ['2.9', '2.10']],
      ['10', ['10.1']],
    ]);
  });

  it('filters by unit, area, status and search; open areas are those not closed', () => {
    const base = { query: '', haystack: (c: CriterionReadiness) => `tieu chi ${c.code}` };
    expect(filterCriteria(criteria, { ...base, unitId: 'phong-b' }).map((c) => c.code)).toEqual([
      '2.9',
      '2.10',
      '10.1',
    ]);
    expect(filterCriteria(criteria, { ...base, area: '1' }).map((c) => c.code)).toEqual([
      '1.1',
      '1.2',
      '1.10',
    ]);
    expect(filterCriteria(criteria, { ...base, query: 'chi 2.1' }).map((c) => c.code)).toEqual(['2.10']);
    expect(filterCriteria(criteria, { ...base, status: (c) => c.code.endsWith('0') })).toHaveLength(2);
    const groups = groupByArea(criteria);
    expect(openAreas(groups, new Set(['2']))).toEqual(['1', '10']);
    expect(openAreas(groups, new Set())).toEqual(['1', '2', '10']);
  });
});
