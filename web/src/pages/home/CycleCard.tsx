/** The head of "Việc của tôi": the cycle and entity pickers, the entity's name (and the leader's dossier), the cycle's dates. */
import { Card, Descriptions } from 'antd';
import type { Cycle } from '../../api/types.ts';
import { useSession } from '../../app/context.tsx';
import { CyclePicker } from '../../common/CyclePicker.tsx';
import { ExportDossier } from '../../common/dossier/ExportDossier.tsx';
import { FrameworkNotice } from '../../common/FrameworkNotice.tsx';
import { formatIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface MyUnit {
  unitId: string;
  name: string | undefined;
}

function CycleDates({ cycle }: { cycle: Cycle }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 4 }}
      className="mc-cycle-dates"
      items={[
        { key: 'e', label: t('home.dates.evidenceDue'), children: formatIsoDate(cycle.dates.evidenceDue) },
        {
          key: 's',
          label: t('home.dates.selfAssessmentDue'),
          children: formatIsoDate(cycle.dates.selfAssessmentDue),
        },
        {
          key: 'a',
          label: t('home.dates.appraisal'),
          children: `${formatIsoDate(cycle.dates.appraisalStart)} – ${formatIsoDate(cycle.dates.appraisalEnd)}`,
        },
        { key: 'p', label: t('home.dates.publication'), children: formatIsoDate(cycle.dates.publication) },
      ]}
    />
  );
}

export function CycleCard(props: {
  cycles: Cycle[];
  cycle: Cycle;
  entityId: string | undefined;
  entityName: string | undefined;
  myUnit: MyUnit | undefined;
  onChoose(kind: 'cycle' | 'entity', value: string): void;
}) {
  const { t } = useI18n();
  const user = useSession()?.user;
  const { cycle, entityId, myUnit } = props;
  return (
    <Card className="mc-section" size="small" data-testid="cycle-card">
      <CyclePicker
        cycles={props.cycles}
        cycle={cycle}
        entityId={entityId}
        entityChoices={user?.entityId ? [] : cycle.entityIds}
        entityLabel={(e) => e}
        onChoose={props.onChoose}
      />
      {entityId ? (
        <div className="mc-entity-line mc-entity-export">
          <div data-testid="entity-name">
            <strong>{props.entityName ?? entityId}</strong>
            {myUnit?.name ? (
              <span className="mc-muted">
                {' '}
                · {t('home.myUnit')}: {myUnit.name}
              </span>
            ) : null}
          </div>
          {user?.role === 'leader' && user.entityId === entityId ? (
            <ExportDossier
              key={`${cycle.cycleId}/${entityId}`}
              cycleId={cycle.cycleId}
              entityId={entityId}
              entityName={props.entityName ?? entityId}
              myUnit={myUnit}
            />
          ) : null}
        </div>
      ) : null}
      <CycleDates cycle={cycle} />
      <FrameworkNotice framework={cycle.framework} />
    </Card>
  );
}
