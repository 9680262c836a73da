/**
 * "Việc của tôi": the cycles I can see, what my unit still owes by due date with one click to act (members
 * and leaders), my entity's readiness in the chosen cycle, and the criteria tree. The chosen cycle and entity
 * live in the URL so a link or a reload keeps them.
 */
import { Typography } from 'antd';
import type { Cycle } from '../../api/types.ts';
import { useSession } from '../../app/context.tsx';
import { useEntity } from '../../app/reference.ts';
import { CycleGate } from '../../common/CycleGate.tsx';
import { useCycleFromUrl } from '../../common/cycle-choice.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CycleCard } from './CycleCard.tsx';
import { HomeReadiness } from './HomeReadiness.tsx';

function HomeCycle({
  cycle,
  cycles,
  choice,
}: {
  cycle: Cycle;
  cycles: Cycle[];
  choice: ReturnType<typeof useCycleFromUrl>;
}) {
  const { pick } = useI18n();
  const user = useSession()?.user;
  // Members and leaders work for their own entity; reviewers and admins pick one of the cycle's entities.
  const requested = choice.params.get('entity');
  const entityId =
    [requested, user?.entityId].find((e) => e && cycle.entityIds.includes(e)) ??
    (user?.entityId ? undefined : cycle.entityIds[0]);
  const entity = useEntity(entityId ?? undefined);
  const unitName = (unitId: string | undefined) => {
    const unit = entity.data?.units.find((u) => u.unitId === unitId);
    return unit ? pick(unit.name) : undefined;
  };
  const myUnit = user?.unitId ? { unitId: user.unitId, name: unitName(user.unitId) } : undefined;
  return (
    <>
      <CycleCard
        cycles={cycles}
        cycle={cycle}
        entityId={entityId ?? undefined}
        entityName={entity.data ? pick(entity.data.entity.name) : undefined}
        myUnit={myUnit}
        onChoose={choice.choose}
      />
      <HomeReadiness cycle={cycle} entityId={entityId ?? undefined} myUnit={myUnit} unitName={unitName} />
    </>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const choice = useCycleFromUrl();
  return (
    <div className="mc-page">
      <Typography.Title level={1} className="mc-page-title">
        {t('home.title')}
      </Typography.Title>
      <CycleGate choice={choice}>
        {(cycle, cycles) => <HomeCycle cycle={cycle} cycles={cycles} choice={choice} />}
      </CycleGate>
    </div>
  );
}
