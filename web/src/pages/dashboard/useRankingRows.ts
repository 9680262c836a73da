/** The ranking's rows: each entity with its name and the change of its projected index since a week ago. */
import { useQueries } from '@tanstack/react-query';
import { useServices } from '../../app/context.tsx';
import { baseSnapshot } from '../../common/deadline.ts';
import { type CycleReadiness, trendKey } from './card-common.ts';

export type RankRow = CycleReadiness['entities'][number] & {
  name: string;
  change?: { value: number; since: string };
};

/** Each entity's trend (the same query as its own dashboard's) gives the week-old snapshot to compare with. */
export function useRankingRows(
  cycleId: string,
  ranking: CycleReadiness,
  entityName: (entityId: string) => string,
  today: string,
): RankRow[] {
  const { api } = useServices();
  const trends = useQueries({
    queries: ranking.entities.map((e) => ({
      queryKey: trendKey(cycleId, e.entityId),
      queryFn: () => api.call('getReadinessTrend', { params: { cycleId, entityId: e.entityId } }),
    })),
  });
  return ranking.entities.map((e, i) => {
    const base = trends[i]?.data ? baseSnapshot(trends[i].data.items, today) : undefined;
    return {
      ...e,
      name: entityName(e.entityId),
      change: base
        ? { value: e.projectedIndexPercent - base.projectedIndexPercent, since: base.date }
        : undefined,
    };
  });
}
