/** One entity's dashboard: its readiness (key figures, areas, units, points at risk) and its trend. */
import { useQuery } from '@tanstack/react-query';
import type { Cycle } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import type { DeadlineInfo } from '../../common/deadline.ts';
import { ErrorState, Loading } from '../../common/states.tsx';
import { AtRiskCard } from './AtRisk.tsx';
import { AreaCard, TrendCard, trendKey, UnitCard } from './cards.tsx';
import { Headline } from './Headline.tsx';

export function EntityDashboard({
  cycle,
  entityId,
  info,
  deadline,
  deadlineOf,
  unitName,
  rank,
}: {
  cycle: Cycle;
  entityId: string;
  info: Map<string, CriterionInfo>;
  deadline: DeadlineInfo;
  deadlineOf: (unitIds: readonly string[]) => DeadlineInfo;
  unitName: (unitId: string | null) => string;
  /** The entity's cycle-wide rank, when the ranking has it. */
  rank?: { rank: number; total: number };
}) {
  const { api } = useServices();
  const cycleId = cycle.cycleId;
  const readiness = useQuery({
    queryKey: queryKeys.readiness(cycleId, entityId),
    queryFn: () => api.call('getEntityReadiness', { params: { cycleId, entityId } }),
  });
  const trend = useQuery({
    queryKey: trendKey(cycleId, entityId),
    queryFn: () => api.call('getReadinessTrend', { params: { cycleId, entityId } }),
  });
  if (readiness.isPending) return <Loading rows={8} />;
  if (readiness.isError)
    return <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />;
  return (
    <>
      <Headline
        readiness={readiness.data}
        deadline={deadline}
        cycleDeadline={cycle.dates.selfAssessmentDue}
        rank={rank}
      />
      <div className="mc-dash-grid">
        <AreaCard readiness={readiness.data} info={info} />
        <UnitCard readiness={readiness.data} unitName={unitName} />
      </div>
      <TrendCard formulaVersion={readiness.data.formulaVersion} trend={trend} deadline={deadline} />
      <AtRiskCard
        cycleId={cycleId}
        entityId={entityId}
        readiness={readiness.data}
        info={info}
        deadlineOf={deadlineOf}
        unitName={unitName}
      />
    </>
  );
}
