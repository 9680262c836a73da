/**
 * The assignment matrix on a wide screen: a table of criteria (rows, under their area) × units (columns) that
 * scrolls sideways inside its own box with the criterion column pinned; a criterion no unit has is tagged.
 */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { EntityWithUnits, FrameworkNode } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MatrixGroup } from './matrix-model.ts';

type Unit = EntityWithUnits['units'][number];

export function MatrixTable({
  groups,
  units,
  isAssigned,
  cell,
}: {
  groups: readonly MatrixGroup<FrameworkNode>[];
  units: readonly Unit[];
  isAssigned(code: string): boolean;
  cell(node: FrameworkNode, unit: Unit): ReactNode;
}) {
  const { t, pick } = useI18n();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="mc-matrix-wrap" aria-label={t('people.assign.matrix')} tabIndex={0}>
      <table className="mc-matrix" data-testid="assignment-matrix">
        <thead>
          <tr>
            <th scope="col" className="mc-matrix-sticky">
              {t('people.assign.criterion')}
            </th>
            {units.map((u) => (
              <th scope="col" key={u.unitId}>
                {pick(u.name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => [
            <tr key={g.area.code} className="mc-matrix-area">
              <th scope="colgroup" colSpan={units.length + 1}>
                <span className="mc-matrix-area-title">
                  {g.area.code}. {pick(g.area.title)}
                </span>
              </th>
            </tr>,
            ...g.rows.map((n) => (
              <tr key={n.code}>
                <th scope="row" className="mc-matrix-sticky">
                  <span className="mc-wrap">
                    <strong>{n.code}</strong> {pick(n.title)}
                  </span>
                  {isAssigned(n.code) ? null : (
                    <Tag color="warning" className="mc-matrix-unassigned">
                      {t('people.assign.unassigned')}
                    </Tag>
                  )}
                </th>
                {units.map((u) => (
                  <td key={u.unitId}>{cell(n, u)}</td>
                ))}
              </tr>
            )),
          ])}
        </tbody>
      </table>
    </section>
  );
}
