/** The criteria tree's rows: an area (with its criteria as children) or a criterion. */
import type { CriterionReadiness, Readiness } from '../../api/types.ts';

export type AreaNode = Readiness['byNode'][number];

export type Row =
  | { kind: 'area'; key: string; area: string; node?: AreaNode; children: Row[] }
  | { kind: 'criterion'; key: string; c: CriterionReadiness };

export type AreaRow = Extract<Row, { kind: 'area' }>;

export const areaKey = (area: string) => `area:${area}`;

export function criterionPath(cycleId: string, entityId: string, code: string): string {
  return `/cycles/${encodeURIComponent(cycleId)}/entities/${encodeURIComponent(entityId)}/criteria/${encodeURIComponent(code)}`;
}
