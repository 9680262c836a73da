/**
 * Pure rules of the admin screens (no DOM, no network): dd/mm/yyyy input, "today" in Vietnam, which tasks a
 * matrix cell shows. Unit-tested in test/unit/web-admin-people.test.ts.
 */
import type { Output } from '../../../api/types.ts';

type Assignment = Output<'listAssignments'>['items'][number];

/** `dd/mm/yyyy` (1- or 2-digit day and month) → `YYYY-MM-DD`, or undefined when it is not a real date. */
export function parseDayMonthYear(raw: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today's calendar date in Asia/Ho_Chi_Minh, `YYYY-MM-DD`. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** How a task is named in a cell: its readable id (KH-2023-01), or its title when the id is a generated one. */
export function taskLabel(a: Pick<Assignment, 'assignmentId' | 'title'>): string {
  if (a.assignmentId.length <= 16) return a.assignmentId;
  return a.title.length > 48 ? `${a.title.slice(0, 47)}…` : a.title;
}

/** Does an assignment's criterion (an area `1` or a criterion `1.2`) cover `code`? */
export const covers = (assigned: string, code: string) =>
  code === assigned || code.startsWith(`${assigned}.`);

/** Tasks of `unitId` covering `code` in `frameworkId`; `direct` = named on the task (not through its area). */
export function cellTasks(
  assignments: readonly Assignment[],
  frameworkId: string,
  code: string,
  unitId: string,
) {
  return assignments
    .filter((a) => a.unitId === unitId)
    .flatMap((a) => {
      const refs = a.criteria.filter((c) => c.frameworkId === frameworkId && covers(c.code, code));
      if (!refs.length) return [];
      return [{ assignment: a, direct: refs.some((c) => c.code === code) }];
    })
    .sort((x, y) => x.assignment.dueDate.localeCompare(y.assignment.dueDate));
}
