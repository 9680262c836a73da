/**
 * What the assignment matrix shows (pure, no DOM): criteria in code order, filtered by area, text and "only
 * unassigned", grouped under their area. Unit-tested in test/unit/web-assignment-matrix.test.ts.
 */
import type { FrameworkNode, Output } from '../../../api/types.ts';
import { fold } from '../../../i18n/format.ts';
import { cellTasks } from './rules.ts';

type Assignment = Output<'listAssignments'>['items'][number];
type Node = Pick<FrameworkNode, 'code' | 'title'>;

/** Criterion codes in reading order: `2` < `2.1` < `2.10` < `10` (numeric per part, a parent before its children). */
export const byCode = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
};

/** An area is a top-level code (`1`); everything below it (`1.2`) is a criterion, a row of the matrix. */
export const isArea = (code: string) => !code.includes('.');

/** Does any of `unitIds` have a task covering `code` (directly or through its area)? */
export const assignedAnywhere = (
  assignments: readonly Assignment[],
  frameworkId: string,
  unitIds: readonly string[],
  code: string,
) => unitIds.some((u) => cellTasks(assignments, frameworkId, code, u).length > 0);

export interface MatrixFilter {
  /** An area's code: only its criteria. */
  area?: string;
  /** Only criteria no unit has a task for. */
  unassignedOnly: boolean;
  /** Text in the code or either title, diacritics ignored. */
  search: string;
}

export interface MatrixGroup<N extends Node> {
  area: N;
  rows: N[];
}

/**
 * The matrix's rows for a filter, grouped under their area (areas without a shown row are left out), with how many
 * rows are shown out of all criteria. `isAssigned(code)` answers whether any unit has the criterion.
 */
export function matrixRows<N extends Node>(
  sorted: readonly N[],
  filter: MatrixFilter,
  isAssigned: (code: string) => boolean,
): { groups: MatrixGroup<N>[]; shown: number; total: number } {
  const q = fold(filter.search);
  const { area, unassignedOnly } = filter;
  const rows = sorted.filter((n) => {
    if (isArea(n.code)) return false;
    if (area && !n.code.startsWith(`${area}.`)) return false;
    if (unassignedOnly && isAssigned(n.code)) return false;
    if (q && !fold(`${n.code} ${n.title.vi} ${n.title.en}`).includes(q)) return false;
    return true;
  });
  const groups = sorted
    .filter((n) => isArea(n.code))
    .map((a) => ({ area: a, rows: rows.filter((r) => r.code.startsWith(`${a.code}.`)) }))
    .filter((g) => g.rows.length > 0);
  return { groups, shown: rows.length, total: sorted.filter((n) => !isArea(n.code)).length };
}
