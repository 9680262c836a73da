/**
 * The criteria tree's filters (my unit's or all, search, area, status) and which areas are open. A new search
 * or area shows every area it finds something in, even one closed before. Grouping and filtering: home/model.ts.
 */
import { useMemo, useState } from 'react';
import type { CriterionReadiness } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import { fold } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type CriterionStatus, criterionStatus, docTypeLabel } from '../labels.ts';
import { type AreaNode, areaKey, type Row } from './criteria-rows.ts';
import { areaOf, compareCodes, filterCriteria, groupByArea, openAreas } from './model.ts';

export type Scope = 'mine' | 'all';

/** What the search looks in: code, both languages' titles, and each slot's kind and labels. */
function criterionHaystack(
  c: CriterionReadiness,
  info: Map<string, CriterionInfo>,
  t: ReturnType<typeof useI18n>['t'],
) {
  const i = info.get(c.code);
  // Both languages' words: a user may type either.
  return fold(
    [
      c.code,
      i?.node.title.vi,
      i?.node.title.en,
      ...c.slots.flatMap((s) => [
        s.kind,
        docTypeLabel(s.kind, t),
        i?.slotLabel(s.kind)?.vi,
        i?.slotLabel(s.kind)?.en,
      ]),
    ].join(' '),
  );
}

export function useCriteriaFilter(
  criteria: CriterionReadiness[],
  info: Map<string, CriterionInfo>,
  myUnit: { unitId: string; name?: string } | undefined,
  byNode: AreaNode[],
) {
  const { t } = useI18n();
  const unitsOf = (c: CriterionReadiness) => c.unitIds ?? [];
  const mineCount = myUnit ? criteria.filter((c) => unitsOf(c).includes(myUnit.unitId)).length : 0;
  const [scope, setScope] = useState<Scope>(mineCount > 0 ? 'mine' : 'all');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<CriterionStatus | 'all'>('all');
  const [area, setArea] = useState<string>('all');
  /** Areas the user closed; everything else is open. */
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const areas = useMemo(
    () => [...new Set(criteria.map((c) => areaOf(c.code)))].sort(compareCodes),
    [criteria],
  );

  const shown = useMemo(() => {
    return filterCriteria(criteria, {
      query: fold(query),
      unitId: scope === 'mine' && myUnit ? myUnit.unitId : undefined,
      area: area === 'all' ? undefined : area,
      status: status === 'all' ? undefined : (c) => criterionStatus(c) === status,
      haystack: (c) => criterionHaystack(c, info, t),
    });
  }, [criteria, query, status, scope, area, myUnit, info, t]);

  const groups = useMemo(() => groupByArea(shown), [shown]);
  const rows: Row[] = groups.map((g) => ({
    kind: 'area',
    key: areaKey(g.area),
    area: g.area,
    node: byNode.find((n) => n.code === g.area),
    children: g.criteria.map((c) => ({ kind: 'criterion', key: c.code, c })),
  }));
  const open = openAreas(groups, closed);
  const toggle = (code: string) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  return {
    mineCount,
    scope,
    setScope,
    query,
    setQuery: (q: string) => {
      setQuery(q);
      setClosed(new Set());
    },
    status,
    setStatus,
    area,
    setArea: (a: string) => {
      setArea(a);
      setClosed(new Set());
    },
    areas,
    shown,
    rows,
    open,
    toggle,
    expandAll: () => setClosed(new Set()),
    collapseAll: () => setClosed(new Set(areas)),
  };
}

export type CriteriaFilter = ReturnType<typeof useCriteriaFilter>;
