/** The dashboard's cycle and entity pickers, the shown entity's name and its dossier export (when allowed). */
import { Card } from 'antd';
import type { Cycle } from '../../api/types.ts';
import { useSession } from '../../app/context.tsx';
import { CyclePicker } from '../../common/CyclePicker.tsx';
import { ExportDossier } from '../../common/dossier/ExportDossier.tsx';

export function DashboardPickers({
  cycles,
  cycle,
  entityId,
  entityChoices,
  wide,
  entityName,
  unitName,
  onChoose,
}: {
  cycles: readonly Cycle[];
  cycle: Cycle;
  entityId: string | undefined;
  entityChoices: readonly string[];
  /** Admins and reviewers: any entity in their scope, the council's export. */
  wide: boolean;
  entityName: (entityId: string) => string;
  unitName: (unitId: string | null) => string;
  onChoose: (kind: 'cycle' | 'entity', value: string) => void;
}) {
  const user = useSession()?.user;
  const cycleId = cycle.cycleId;
  return (
    <Card className="mc-section" size="small" data-testid="dashboard-pickers">
      <CyclePicker
        cycles={cycles}
        cycle={cycle}
        entityId={entityId}
        entityChoices={entityChoices}
        entityLabel={entityName}
        onChoose={onChoose}
        searchEntities
      />
      {entityId ? (
        <div className="mc-entity-line mc-entity-export">
          <strong data-testid="dashboard-entity-name">{entityName(entityId)}</strong>
          {wide || (user?.role === 'leader' && user.entityId === entityId) ? (
            <ExportDossier
              key={`${cycleId}/${entityId}`}
              cycleId={cycleId}
              entityId={entityId}
              entityName={entityName(entityId)}
              myUnit={
                user?.role === 'leader' && user.unitId
                  ? { unitId: user.unitId, name: unitName(user.unitId) }
                  : undefined
              }
              council={wide}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
