/**
 * The shown entity's effective deadline (reopenings included) is the server's, the cycle's date until it
 * answers; a criterion may be reopened for one of its units beyond it (`deadlineOf`).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Cycle } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { type DeadlineInfo, deadlineInfo } from '../../common/deadline.ts';

export function useEntityDeadlines(cycle: Cycle | undefined, entityId: string | undefined) {
  const { api } = useServices();
  const cycleId = cycle?.cycleId ?? '';
  const submissions = useQuery({
    queryKey: queryKeys.submissions(cycleId, entityId ?? ''),
    queryFn: () => api.call('listSubmissions', { params: { cycleId, entityId: entityId! } }),
    enabled: Boolean(cycle && entityId),
  });
  const deadline = useMemo(
    () => (cycle ? deadlineInfo(cycle, { deadline: submissions.data?.entity.deadline }) : undefined),
    [cycle, submissions.data],
  );
  const deadlineOf = useMemo(() => {
    if (!cycle || !deadline) return () => deadline!;
    const byUnit = new Map((submissions.data?.units ?? []).map((u) => [u.unitId, u.deadline]));
    const cache = new Map<string, DeadlineInfo>([[deadline.deadline, deadline]]);
    return (unitIds: readonly string[]) => {
      const latest = [deadline.deadline, ...unitIds.map((u) => byUnit.get(u) ?? deadline.deadline)]
        .sort()
        .at(-1)!;
      let info = cache.get(latest);
      if (!info) {
        info = deadlineInfo(cycle, { deadline: latest });
        cache.set(latest, info);
      }
      return info;
    };
  }, [cycle, deadline, submissions.data]);
  return { deadline, deadlineOf };
}
