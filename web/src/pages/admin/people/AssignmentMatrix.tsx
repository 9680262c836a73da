/**
 * The assignment matrix: criteria of one framework (rows, grouped by area) × the entity's units (columns).
 * A cell lists the tasks of that unit that cover the criterion (directly, or through its area) with their due
 * dates; clicking it opens the cell's editor. The table scrolls sideways inside its own box with the criterion
 * column pinned; on a phone each criterion is a card with one line per unit.
 */
import { Card, Grid } from 'antd';
import { useMemo, useState } from 'react';
import type { EntityWithUnits, FrameworkNode } from '../../../api/types.ts';
import { EmptyState } from '../../../common/states.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Assignment } from './data.ts';
import { MatrixCards } from './MatrixCards.tsx';
import { MatrixCell } from './MatrixCell.tsx';
import { MatrixFilterBar, type MatrixFilters } from './MatrixFilters.tsx';
import { MatrixTable } from './MatrixTable.tsx';
import { assignedAnywhere, byCode, isArea, matrixRows } from './matrix-model.ts';

type Unit = EntityWithUnits['units'][number];

export interface CellRef {
  node: FrameworkNode;
  unit: Unit;
}

const NO_FILTER: MatrixFilters = { unassignedOnly: false, search: '' };

export function AssignmentMatrix({
  frameworkId,
  nodes,
  units,
  assignments,
  onOpen,
}: {
  frameworkId: string;
  nodes: readonly FrameworkNode[];
  units: readonly Unit[];
  assignments: readonly Assignment[];
  onOpen(cell: CellRef): void;
}) {
  const { t } = useI18n();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [filters, setFilters] = useState(NO_FILTER);
  const change = (patch: Partial<MatrixFilters>) => setFilters((f) => ({ ...f, ...patch }));

  const sorted = useMemo(() => [...nodes].sort((a, b) => byCode(a.code, b.code)), [nodes]);
  const shownUnits = filters.unitId ? units.filter((u) => u.unitId === filters.unitId) : units;
  const unitIds = units.map((u) => u.unitId);
  const isAssigned = (code: string) => assignedAnywhere(assignments, frameworkId, unitIds, code);
  const { groups, shown, total } = matrixRows(sorted, filters, isAssigned);
  const cell = (node: FrameworkNode, unit: Unit) => (
    <MatrixCell
      node={node}
      unit={unit}
      frameworkId={frameworkId}
      assignments={assignments}
      onOpen={() => onOpen({ node, unit })}
    />
  );

  return (
    <>
      <MatrixFilterBar
        filters={filters}
        onChange={change}
        areas={sorted.filter((n) => isArea(n.code))}
        units={units}
        shown={shown}
        total={total}
      />
      {groups.length === 0 ? (
        <Card>
          <EmptyState>{t('people.assign.none')}</EmptyState>
        </Card>
      ) : phone ? (
        <MatrixCards groups={groups} units={shownUnits} cell={cell} />
      ) : (
        <MatrixTable groups={groups} units={shownUnits} isAssigned={isAssigned} cell={cell} />
      )}
    </>
  );
}
