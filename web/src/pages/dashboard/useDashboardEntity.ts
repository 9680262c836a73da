/**
 * Which entity the dashboard shows. Admins and reviewers (`wide`) choose among the ranking's entities: the URL's
 * `entity`, else their own, else the first. Leaders and members see their own entity when the cycle has it.
 */
import { useQuery } from '@tanstack/react-query';
import type { Cycle } from '../../api/types.ts';
import { useServices, useSession } from '../../app/context.tsx';

export function useDashboardEntity(cycle: Cycle | undefined, requested: string | null) {
  const { api } = useServices();
  const user = useSession()?.user;
  const wide = user?.role === 'admin' || user?.role === 'reviewer';
  const cycleId = cycle?.cycleId ?? '';
  // The ranking lists the entities the caller may see (leaders: their own row, with the cycle-wide rank).
  const ranking = useQuery({
    queryKey: ['cycle-readiness', cycleId],
    queryFn: () => api.call('getCycleReadiness', { params: { cycleId } }),
    enabled: Boolean(cycle),
  });
  const choices = wide ? (ranking.data?.entities.map((e) => e.entityId) ?? cycle?.entityIds ?? []) : [];
  const entityId = !cycle
    ? undefined
    : wide
      ? ([requested, user?.entityId].find((e) => e && choices.includes(e)) ??
        (ranking.isPending ? undefined : choices[0]))
      : user?.entityId && cycle.entityIds.includes(user.entityId)
        ? user.entityId
        : undefined;
  const mine = ranking.data?.entities.find((e) => e.entityId === entityId);
  const rank = mine && ranking.data ? { rank: mine.rank, total: ranking.data.entityTotal } : undefined;
  return { wide, ranking, choices, entityId, rank };
}
