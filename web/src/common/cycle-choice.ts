/**
 * The cycle a page works on: the cycles the caller sees, and the one chosen in the URL (`?cycle=`), else the
 * newest open one. Pages that also pick an entity keep it in `?entity=`, cleared when the cycle changes.
 */
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Cycle } from '../api/types.ts';
import { useServices } from '../app/context.tsx';
import { queryKeys } from '../app/queries.ts';

/** The cycle to show first: the newest open one, else the newest. */
export function defaultCycle(cycles: Cycle[]): Cycle | undefined {
  const sorted = [...cycles].sort((a, b) => b.year - a.year);
  return sorted.find((c) => c.status === 'open') ?? sorted[0];
}

/** The cycles query, the chosen cycle, the URL's parameters and `choose` to change cycle or entity. */
export function useCycleFromUrl() {
  const { api } = useServices();
  const [params, setParams] = useSearchParams();
  const cycles = useQuery({ queryKey: queryKeys.cycles, queryFn: () => api.all('listCycles') });
  const cycle =
    cycles.data?.find((c) => c.cycleId === params.get('cycle')) ??
    (cycles.data ? defaultCycle(cycles.data) : undefined);
  const choose = (key: 'cycle' | 'entity', value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(key, value);
      if (key === 'cycle') next.delete('entity');
      return next;
    });
  return { cycles, cycle, params, setParams, choose };
}
