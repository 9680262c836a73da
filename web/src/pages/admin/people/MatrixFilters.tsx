/** The assignment matrix's filter bar: text search, area, unit, "only unassigned", and how many rows are shown. */
import { Checkbox, Input, Select } from 'antd';
import { useId } from 'react';
import type { EntityWithUnits, FrameworkNode } from '../../../api/types.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MatrixFilter } from './matrix-model.ts';

type Unit = EntityWithUnits['units'][number];

/** The model's filter plus the one unit whose column is shown (all units when none). */
export interface MatrixFilters extends MatrixFilter {
  unitId?: string;
}

export function MatrixFilterBar({
  filters,
  onChange,
  areas,
  units,
  shown,
  total,
}: {
  filters: MatrixFilters;
  onChange(patch: Partial<MatrixFilters>): void;
  areas: readonly FrameworkNode[];
  units: readonly Unit[];
  shown: number;
  total: number;
}) {
  const { t, pick, lang } = useI18n();
  const ids = { area: useId(), unit: useId(), search: useId() };
  return (
    <div className="mc-filters">
      <div className="mc-filter mc-filter-search">
        <label htmlFor={ids.search}>{t('people.assign.search')}</label>
        <Input
          id={ids.search}
          allowClear
          value={filters.search}
          placeholder={t('people.assign.searchPlaceholder')}
          onChange={(e) => onChange({ search: e.target.value })}
        />
      </div>
      <div className="mc-filter">
        <label htmlFor={ids.area}>{t('people.assign.area')}</label>
        <Select
          id={ids.area}
          className="mc-filter-select"
          allowClear
          value={filters.area}
          placeholder={t('people.all')}
          onChange={(v) => onChange({ area: v })}
          options={areas.map((a) => ({ value: a.code, label: `${a.code}. ${pick(a.title)}` }))}
          popupMatchSelectWidth={false}
        />
      </div>
      <div className="mc-filter">
        <label htmlFor={ids.unit}>{t('people.assign.unit')}</label>
        <Select
          id={ids.unit}
          className="mc-filter-select"
          allowClear
          value={filters.unitId}
          placeholder={t('people.all')}
          onChange={(v) => onChange({ unitId: v })}
          options={units.map((u) => ({ value: u.unitId, label: pick(u.name) }))}
          popupMatchSelectWidth={false}
        />
      </div>
      <Checkbox
        checked={filters.unassignedOnly}
        onChange={(e) => onChange({ unassignedOnly: e.target.checked })}
      >
        {t('people.assign.unassignedOnly')}
      </Checkbox>
      <span className="mc-muted mc-filter-count" aria-live="polite">
        {t('people.assign.count', { shown: formatNumber(shown, lang), total: formatNumber(total, lang) })}
      </span>
    </div>
  );
}
