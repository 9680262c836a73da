/**
 * What the criterion page reads: the cycle, the entity's readiness (the same query as on "Việc của tôi", so an
 * upload moves both) and the criterion's evidence, polled while a file is being checked by the server.
 */
import { useQuery } from '@tanstack/react-query';
import type { CriterionRef } from '../../api/client.ts';
import { evidenceView, IN_PROGRESS_STATES } from '../../api/evidence-view.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { shownState } from '../../common/evidence/EvidenceList.tsx';

/** How often the list is read again while a file is still being checked. */
const CHECKING_POLL_MS = 3000;

export function useCriterionQueries(ref: CriterionRef) {
  const { api } = useServices();
  const { cycleId, entityId, criterionCode: code } = ref;
  const cycle = useQuery({
    queryKey: queryKeys.cycle(cycleId),
    queryFn: () => api.call('getCycle', { params: { cycleId } }),
  });
  const readiness = useQuery({
    queryKey: queryKeys.readiness(cycleId, entityId),
    queryFn: () => api.call('getEntityReadiness', { params: { cycleId, entityId } }),
  });
  const evidence = useQuery({
    queryKey: queryKeys.evidence(cycleId, entityId, code),
    queryFn: () => api.call('listEvidence', { params: { ...ref }, query: { limit: 100 } }),
    // While a file is being checked by the server, look again every few seconds (also after a reload).
    refetchInterval: (q) =>
      q.state.data?.items.some((e) => IN_PROGRESS_STATES.includes(shownState(evidenceView(e))))
        ? CHECKING_POLL_MS
        : false,
  });
  return { cycle, readiness, evidence };
}
