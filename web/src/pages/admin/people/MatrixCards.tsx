/** The assignment matrix on a phone: each criterion is a card (under its area's heading) with one line per unit. */
import { Card } from 'antd';
import type { ReactNode } from 'react';
import type { EntityWithUnits, FrameworkNode } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MatrixGroup } from './matrix-model.ts';

type Unit = EntityWithUnits['units'][number];

export function MatrixCards({
  groups,
  units,
  cell,
}: {
  groups: readonly MatrixGroup<FrameworkNode>[];
  units: readonly Unit[];
  cell(node: FrameworkNode, unit: Unit): ReactNode;
}) {
  const { pick } = useI18n();
  return (
    <div className="mc-matrix-list" data-testid="assignment-list">
      {groups.map((g) => (
        <section key={g.area.code} className="mc-section">
          <h3 className="mc-matrix-area-title">
            {g.area.code}. {pick(g.area.title)}
          </h3>
          {g.rows.map((n) => (
            <Card key={n.code} size="small" className="mc-matrix-card">
              <div className="mc-wrap">
                <strong>{n.code}</strong> {pick(n.title)}
              </div>
              <ul className="mc-matrix-card-units">
                {units.map((u) => (
                  <li key={u.unitId}>
                    <span className="mc-wrap mc-matrix-card-unit">{pick(u.name)}</span>
                    {cell(n, u)}
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </section>
      ))}
    </div>
  );
}
