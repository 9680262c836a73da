/**
 * The criteria tree (areas → criteria) with its filters, DOM-free (unit-tested in test/unit/web-home.test.ts),
 * shared by "Việc của tôi" and the criterion page. Every figure comes from the readiness response: nothing here
 * recomputes readiness.
 */
import type { CriterionReadiness } from '../../api/types.ts';

/** `1.10` after `1.9`; an area (`1`) before its criteria. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** The framework area (lĩnh vực) a criterion belongs to: the first part of its code. */
export const areaOf = (code: string): string => code.split('.')[0] ?? code;

// ——— The criteria tree ———

export type CriterionStatusFilter = 'appraised' | 'complete' | 'sentBack' | 'missingEvidence' | 'notScored';

export interface TreeFilter {
  /** Folded query (see i18n/format.ts `fold`); '' = no search. */
  query: string;
  /** Only this unit's criteria; undefined = all. */
  unitId?: string;
  /** Only this area; undefined = all. */
  area?: string;
  /** Keeps a criterion (the status filter); undefined = all. */
  status?: (c: CriterionReadiness) => boolean;
  /** Folded words a criterion is found by (code, titles, document types). */
  haystack: (c: CriterionReadiness) => string;
}

export function filterCriteria(criteria: readonly CriterionReadiness[], f: TreeFilter): CriterionReadiness[] {
  return criteria
    .filter((c) => !f.unitId || c.unitIds.includes(f.unitId))
    .filter((c) => !f.area || areaOf(c.code) === f.area)
    .filter((c) => !f.status || f.status(c))
    .filter((c) => !f.query || f.haystack(c).includes(f.query))
    .sort((a, b) => compareCodes(a.code, b.code));
}

export interface AreaGroup {
  area: string;
  criteria: CriterionReadiness[];
}

/** Criteria under their areas, both in code order; areas with no criteria left out. */
export function groupByArea(criteria: readonly CriterionReadiness[]): AreaGroup[] {
  const groups = new Map<string, CriterionReadiness[]>();
  for (const c of [...criteria].sort((a, b) => compareCodes(a.code, b.code))) {
    const area = areaOf(c.code);
    const list = groups.get(area);
    if (list) list.push(c);
    else groups.set(area, [c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([area, list]) => ({ area, criteria: list }));
}

/**
 * The areas to show open: every area shown that the user has not closed. (The page forgets what was closed
 * when the search changes, so a match is never hidden behind a closed row.)
 */
export function openAreas(groups: readonly AreaGroup[], closed: ReadonlySet<string>): string[] {
  return groups.filter((g) => !closed.has(g.area)).map((g) => g.area);
}
