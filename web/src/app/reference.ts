/**
 * Reference data the pages label things with: the cycle's framework (criterion titles, slot labels, scoring
 * guides) and the entity (its name, its units). Published framework versions never change, so they are cached
 * for the whole visit. Pages still render from codes if these are slow or fail (slow lines).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Cycle, FrameworkNode } from '../api/types.ts';
import type { Bilingual } from '../i18n/lang.ts';
import { useServices } from './context.tsx';
import { queryKeys } from './queries.ts';

export interface CriterionInfo {
  node: FrameworkNode;
  /** Titles of the ancestors, outermost first (area, criterion group). */
  path: { code: string; title: Bilingual }[];
  slotLabel(kind: string): Bilingual | undefined;
}

export function useFrameworkInfo(cycle: Pick<Cycle, 'frameworkId' | 'frameworkVersion'> | undefined) {
  const { api } = useServices();
  const query = useQuery({
    queryKey: queryKeys.framework(cycle?.frameworkId ?? '', cycle?.frameworkVersion ?? 0),
    queryFn: () =>
      api.call('getFrameworkVersion', {
        params: { frameworkId: cycle!.frameworkId, version: String(cycle!.frameworkVersion) },
      }),
    enabled: Boolean(cycle),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const byCode = useMemo(() => {
    const map = new Map<string, CriterionInfo>();
    const nodes = query.data?.nodes ?? [];
    const titles = new Map(nodes.map((n) => [n.code, n.title]));
    for (const node of nodes) {
      const parts = node.code.split('.');
      const path = parts.slice(0, -1).flatMap((_, i) => {
        const code = parts.slice(0, i + 1).join('.');
        const title = titles.get(code);
        return title ? [{ code, title }] : [];
      });
      const labels = new Map(node.slots.map((s) => [s.kind, s.label]));
      map.set(node.code, { node, path, slotLabel: (kind) => labels.get(kind) });
    }
    return map;
  }, [query.data]);
  return { byCode, isPending: query.isPending && Boolean(cycle) };
}

export function useEntity(entityId: string | undefined) {
  const { api } = useServices();
  return useQuery({
    queryKey: queryKeys.entity(entityId ?? ''),
    queryFn: () => api.call('getEntity', { params: { entityId: entityId! } }),
    enabled: Boolean(entityId),
    staleTime: 10 * 60_000,
  });
}
