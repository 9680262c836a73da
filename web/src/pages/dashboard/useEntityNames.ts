/** Names for the dashboard: the entities to choose from (and the shown one), the shown entity's units. */
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useEntity } from '../../app/reference.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function useEntityNames(choices: readonly string[], entityId: string | undefined) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const entity = useEntity(entityId);
  const names = useQueries({
    queries: choices.map((id) => ({
      queryKey: queryKeys.entity(id),
      queryFn: () => api.call('getEntity', { params: { entityId: id } }),
      staleTime: 10 * 60_000,
    })),
  });
  // Names by entity id, as a string key: a stable function for the charts until a name arrives or changes.
  const namesKey = JSON.stringify(
    [...names.map((q) => q.data), entity.data].flatMap((d) =>
      d ? [[d.entity.entityId, pick(d.entity.name)]] : [],
    ),
  );
  const entityName = useMemo(() => {
    const byId = new Map(JSON.parse(namesKey) as [string, string][]);
    return (id: string) => byId.get(id) ?? id;
  }, [namesKey]);
  const unitName = useCallback(
    (unitId: string | null) => {
      if (unitId === null) return t('dashboard.unit.unassigned');
      const unit = entity.data?.units.find((u) => u.unitId === unitId);
      return unit ? pick(unit.name) : unitId;
    },
    [entity.data, pick, t],
  );
  return { entityName, unitName };
}
