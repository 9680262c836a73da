/**
 * What the reminder run would send on `date` (`YYYY-MM-DD`; empty = the server's today in Asia/Ho_Chi_Minh) for one
 * entity of the cycle or all of them (`ALL`), refetched when `refreshKey` changes (a saved policy); and the names
 * of the entities and units the deliveries mention.
 */
import { useQuery } from '@tanstack/react-query';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useEntityNames } from './common.tsx';
import { peopleKeys } from './data.ts';

/** The entity choice meaning every entity of the cycle. */
export const ALL = '*';

export function useReminderPreview(cycle: Cycle, entity: string, date: string, refreshKey: number) {
  const { api } = useServices();
  return useQuery({
    queryKey: [...peopleKeys.preview(cycle.cycleId, entity, date), refreshKey],
    queryFn: () =>
      entity === ALL
        ? api.call('previewReminders', { query: { date: date || undefined, cycleId: cycle.cycleId } })
        : api.call('previewEntityReminders', {
            params: { cycleId: cycle.cycleId, entityId: entity },
            query: { date: date || undefined },
          }),
  });
}

/** An entity's and a unit's name in the current language (the id while the names load or when unknown). */
export function usePlaceNames(entityIds: readonly string[]) {
  const { pick } = useI18n();
  const names = useEntityNames(entityIds);
  const entityName = (id?: string) => {
    const e = id ? names.get(id) : undefined;
    return e ? pick(e.entity.name) : (id ?? '');
  };
  const unitName = (entityId?: string, unitId?: string) => {
    const u = entityId && unitId ? names.get(entityId)?.units.find((x) => x.unitId === unitId) : undefined;
    return u ? pick(u.name) : (unitId ?? '');
  };
  return { entityName, unitName };
}
