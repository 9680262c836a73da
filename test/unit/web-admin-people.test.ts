import { describe, expect, test } from 'vitest';
import type { Output } from '#web/api/types.ts';
import { cellTasks, covers, parseDayMonthYear, todayInVietnam } from '#web/pages/admin/people/rules.ts';

const task = (assignmentId: string, unitId: string, codes: string[], dueDate = '2023-11-30'): Assignment => ({
  assignmentId,
  unitId,
  criteria: codes.map((c) => {
    const [fw, code] = c.includes(':') ? c.split(':') : ['par', c];
    return { frameworkId: fw!, code: code! };
  }),
  title: assignmentId,
  dueDate,
  cycleId: 'c',
  entityId: 'e',
  version: 1,
  createdAt: '2023-01-01T00:00:00.000Z',
  createdBy: 'u',
});

type Assignment = Output<'listAssignments'>['items'][number];

describe('admin people helpers', () => {
  test('dd/mm/yyyy → ISO only for real days', () => {
    expect(parseDayMonthYear('15/11/2023')).toBe('2023-11-15');
    expect(parseDayMonthYear(' 1/2/2024 ')).toBe('2024-02-01');
    expect(parseDayMonthYear('29/02/2024')).toBe('2024-02-29');
    expect(parseDayMonthYear('29/02/2023')).toBeUndefined();
    expect(parseDayMonthYear('31/04/2023')).toBeUndefined();
    expect(parseDayMonthYear('2023-11-15')).toBeUndefined();
    expect(parseDayMonthYear('')).toBeUndefined();
  });

  test("today is Vietnam's calendar date", () => {
    // 17:30 UTC is already the next day in Hanoi (UTC+7).
    expect(todayInVietnam(new Date('2023-12-31T17:30:00Z'))).toBe('2024-01-01');
    expect(todayInVietnam(new Date('2023-12-31T16:59:00Z'))).toBe('2023-12-31');
  });

  test('an area covers its criteria, a criterion only itself and below', () => {
    expect(covers('1', '1.2')).toBe(true);
    expect(covers('1.2', '1.2')).toBe(true);
    expect(covers('1.2', '1.2.3')).toBe(true);
    expect(covers('1', '10.1')).toBe(false);
    expect(covers('1.2', '1.20')).toBe(false);
  });

  test("a cell lists the unit's tasks on the criterion, direct or through the area, soonest due first", () => {
    const all = [
      task('A', 'u1', ['1.2', '3.1'], '2023-12-01'),
      task('B', 'u1', ['1'], '2023-10-01'),
      task('C', 'u2', ['1.2']),
      task('D', 'u1', ['papi:1.2']),
    ];
    expect(cellTasks(all, 'par', '1.2', 'u1').map((x) => [x.assignment.assignmentId, x.direct])).toEqual([
      ['B', false],
      ['A', true],
    ]);
    expect(cellTasks(all, 'par', '1.3', 'u2')).toEqual([]);
    expect(cellTasks(all, 'papi', '1.2', 'u1').map((x) => x.assignment.assignmentId)).toEqual(['D']);
  });
});
