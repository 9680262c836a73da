/**
 * The criteria an entity must prove, from the readiness result, labelled from the cycle's framework: a tree of
 * the framework's areas (each with its roll-up from the readiness response's byNode, open or closed) and their
 * criteria (coverage, slot status and status badges), the unit's own criteria first ("Việc của tôi"), filters by
 * area and status, and a search over codes, titles and document types that ignores diacritics ("ke hoach"
 * finds "Kế hoạch") and opens the areas it finds something in. Grouping and filtering: home/model.ts; the
 * filters' state, cells, columns and filter bar: criteria/.
 */
import { Grid, Table } from 'antd';
import { useNavigate } from 'react-router';
import type { CriterionReadiness } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../states.tsx';
import { CriteriaFilters } from './CriteriaFilters.tsx';
import { useCriteriaColumns } from './columns.tsx';
import { type AreaNode, areaKey, criterionPath, type Row } from './criteria-rows.ts';
import { compareCodes } from './model.ts';
import { useCriteriaFilter } from './useCriteriaFilter.ts';

export { SlotList, useSlotLabel } from './CriteriaCells.tsx';
export { compareCodes, criterionPath };

export function CriteriaTable({
  cycleId,
  entityId,
  criteria,
  info,
  myUnit,
  byNode = [],
}: {
  cycleId: string;
  entityId: string;
  criteria: CriterionReadiness[];
  info: Map<string, CriterionInfo>;
  /** The user's unit and its name: their criteria are shown first, the rest one click away. */
  myUnit?: { unitId: string; name?: string };
  /** The readiness response's roll-ups per framework node: the areas' figures. */
  byNode?: AreaNode[];
}) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const narrow = !(Grid.useBreakpoint().sm ?? true);
  const f = useCriteriaFilter(criteria, info, myUnit, byNode);
  const areaLabel = (code: string) => {
    const title = info.get(code)?.node.title;
    return title ? `${code}. ${pick(title)}` : t('home.tree.areaCode', { code });
  };
  const columns = useCriteriaColumns({ cycleId, entityId, info, open: f.open, toggle: f.toggle, areaLabel });

  return (
    <div data-testid="criteria-table">
      <CriteriaFilters f={f} narrow={narrow} myUnit={myUnit} total={criteria.length} areaLabel={areaLabel} />
      <Table<Row>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={f.rows}
        pagination={false}
        // Fixed: long area and criterion titles wrap inside their column instead of widening the table.
        tableLayout="fixed"
        className="mc-criteria-tree"
        expandable={{
          expandedRowKeys: f.open.map(areaKey),
          // The toggle is the area row's own labelled button (and the row itself).
          expandIcon: () => null,
          indentSize: narrow ? 8 : 20,
        }}
        locale={{ emptyText: <EmptyState>{t('criteria.none')}</EmptyState> }}
        onRow={(r) =>
          r.kind === 'area'
            ? {
                className: 'mc-area-row',
                'data-testid': 'area-row',
                'data-area': r.area,
                onClick: () => f.toggle(r.area),
              }
            : {
                className: 'mc-clickable',
                onClick: () => navigate(criterionPath(cycleId, entityId, r.c.code)),
              }
        }
      />
    </div>
  );
}
