import { describe, expect, test } from 'vitest';
import type { Output } from '#web/api/types.ts';
import { assignedAnywhere, byCode, isArea, matrixRows } from '#web/pages/admin/people/matrix-model.ts';

type Assignment = Output<'listAssignments'>['items'][number];

const node = (code: string, vi = `Mục ${code}`, en = `Item ${code}`) => ({ code, title: { vi, en } });
const task = (unitId: string, codes: string[]): Assignment => ({
  assignmentId: `t-${unitId}-${codes.join('-')}`,
  unitId,
  criteria: codes.map((code) => ({ frameworkId: 'par', code })),
  title: 't',
  dueDate: '2023-11-30',
  cycleId: 'c',
  entityId: 'e',
  version: 1,
  createdAt: '2023-01-01T00:00:00.000Z',
  createdBy: 'u',
});

describe('assignment matrix model', () => {
  test('codes sort numerically per part, a parent before its children', () => {
    const codes = ['10', '2.10', '1', '2', '2.2', '10.1', '1.1'];
    expect([...codes].sort(byCode)).toEqual(['1', '1.1', '2', '2.2', '2.10', '10', '10.1']);
    expect(isArea('2')).toBe(true);
    expect(isArea('2.1')).toBe(false);
  });

  test('a criterion is assigned when any unit has a task on it or on its area', () => {
    const tasks = [task('u1', ['1']), task('u2', ['2.1'])];
    expect(assignedAnywhere(tasks, 'par', ['u1', 'u2'], '1.3')).toBe(true);
    expect(assignedAnywhere(tasks, 'par', ['u1', 'u2'], '2.1')).toBe(true);
    expect(assignedAnywhere(tasks, 'par', ['u1', 'u2'], '2.2')).toBe(false);
    expect(assignedAnywhere(tasks, 'par', ['u1'], '2.1')).toBe(false);
    expect(assignedAnywhere(tasks, 'other', ['u1', 'u2'], '1.3')).toBe(false);
  });

  const sorted = [node('1'), node('1.1', 'Công khai'), node('1.2'), node('2'), node('2.1', 'Đánh giá')].sort(
    (a, b) => byCode(a.code, b.code),
  );
  const none = { unassignedOnly: false, search: '' };

  test('rows are criteria grouped under their area, with how many are shown of all', () => {
    const all = matrixRows(sorted, none, () => false);
    expect(all.groups.map((g) => [g.area.code, g.rows.map((r) => r.code)])).toEqual([
      ['1', ['1.1', '1.2']],
      ['2', ['2.1']],
    ]);
    expect([all.shown, all.total]).toEqual([3, 3]);
  });

  test('filters by area, by text without diacritics, and to the unassigned only; empty areas drop out', () => {
    const area = matrixRows(sorted, { ...none, area: '2' }, () => false);
    expect(area.groups.map((g) => g.area.code)).toEqual(['2']);
    expect([area.shown, area.total]).toEqual([1, 3]);

    const text = matrixRows(sorted, { ...none, search: 'danh gia' }, () => false);
    expect(text.groups.flatMap((g) => g.rows.map((r) => r.code))).toEqual(['2.1']);
    expect(matrixRows(sorted, { ...none, search: 'item 1.2' }, () => false).shown).toBe(1);

    const open = matrixRows(sorted, { ...none, unassignedOnly: true }, (code) => code.startsWith('1.'));
    expect(open.groups.map((g) => [g.area.code, g.rows.map((r) => r.code)])).toEqual([['2', ['2.1']]]);
  });
});
