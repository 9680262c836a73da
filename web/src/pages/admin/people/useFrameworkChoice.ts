/**
 * Which framework the assignment matrix shows: the cycle's own framework, or one it also tracks, chosen in
 * `?framework=` (the cycle's own when the parameter names none of them).
 */
import { useSearchParams } from 'react-router';
import type { Cycle } from '../../../api/types.ts';

export interface FrameworkRef {
  frameworkId: string;
  frameworkVersion: number;
}

/** The cycle's framework first, then the frameworks it tracks, each at the version the cycle uses. */
export const frameworkRefs = (cycle: Cycle): FrameworkRef[] => [
  { frameworkId: cycle.frameworkId, frameworkVersion: cycle.frameworkVersion },
  ...(cycle.trackedFrameworks ?? []).map((f) => ({
    frameworkId: f.frameworkId,
    frameworkVersion: f.version,
  })),
];

export function useFrameworkChoice(cycle: Cycle) {
  const [params, setParams] = useSearchParams();
  const refs = frameworkRefs(cycle);
  const ref = refs.find((r) => r.frameworkId === params.get('framework')) ?? refs[0]!;
  const choose = (frameworkId: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('framework', frameworkId);
      return next;
    });
  return { refs, ref, choose };
}
