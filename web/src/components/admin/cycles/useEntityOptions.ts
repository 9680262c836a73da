/**
 * The assessed entities an admin can put in a cycle. There is no "all provinces" route: the provinces are
 * those of the entities already in some cycle, and each province lists its entities.
 */
import { useQuery } from '@tanstack/react-query';
import type { Cycle, Output } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';

export type EntityOption = Output<'listEntities'>['items'][number];

export function useEntityOptions(cycles: Cycle[] | undefined) {
  const { api } = useServices();
  const known = [...new Set((cycles ?? []).flatMap((c) => c.entityIds))].sort();
  return useQuery({
    queryKey: ['admin', 'entity-options', known],
    enabled: cycles !== undefined,
    queryFn: async () => {
      const byId = new Map<string, EntityOption>();
      const found = await Promise.all(known.map((id) => api.entity(id).catch(() => undefined)));
      const provinces = new Set<string>();
      for (const e of found) {
        if (!e) continue;
        byId.set(e.entity.entityId, e.entity);
        if (e.entity.provinceId) provinces.add(e.entity.provinceId);
      }
      for (const provinceId of provinces) {
        let cursor: string | undefined;
        do {
          const page: Output<'listEntities'> = await api.call('listEntities', {
            params: { provinceId },
            query: { limit: 100, cursor },
          });
          for (const e of page.items) byId.set(e.entityId, e);
          cursor = page.next;
        } while (cursor);
      }
      return [...byId.values()];
    },
  });
}
