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
      const found = await Promise.all(
        known.map((id) => api.call('getEntity', { params: { entityId: id } }).catch(() => undefined)),
      );
      const provinces = new Set<string>();
      for (const e of found) {
        if (!e) continue;
        byId.set(e.entity.entityId, e.entity);
        if (e.entity.provinceId) provinces.add(e.entity.provinceId);
      }
      for (const provinceId of provinces) {
        for (const e of await api.all('listEntities', { params: { provinceId } })) byId.set(e.entityId, e);
      }
      return [...byId.values()];
    },
  });
}
