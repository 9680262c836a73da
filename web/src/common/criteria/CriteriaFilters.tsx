/** The criteria tree's filter bar: my unit's or all, search, area, status, open / close all, and the count. */
import { CloseCircleFilled, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Select } from 'antd';
import { useId } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { CRITERION_STATUSES, type CriterionStatus } from '../labels.ts';
import type { CriteriaFilter, Scope } from './useCriteriaFilter.ts';

function ScopeFilter(props: { f: CriteriaFilter; narrow: boolean; unitLabel: string; total: number }) {
  const { t } = useI18n();
  const scopeId = useId();
  const { f, narrow } = props;
  return (
    <div className="mc-filter">
      <span id={scopeId} className="mc-filter-label">
        {t('criteria.scope')}
      </span>
      <Segmented<Scope>
        aria-labelledby={scopeId}
        // Unit names are long: stacked on a phone rather than wider than the screen.
        orientation={narrow ? 'vertical' : 'horizontal'}
        block={narrow}
        value={f.scope}
        onChange={f.setScope}
        options={[
          { value: 'mine', label: t('criteria.scope.mine', { unit: props.unitLabel, count: f.mineCount }) },
          { value: 'all', label: t('criteria.scope.all', { count: props.total }) },
        ]}
      />
    </div>
  );
}

export function CriteriaFilters(props: {
  f: CriteriaFilter;
  narrow: boolean;
  myUnit?: { unitId: string; name?: string };
  total: number;
  areaLabel: (code: string) => string;
}) {
  const { t } = useI18n();
  const searchId = useId();
  const filterId = useId();
  const areaId = useId();
  const { f, myUnit } = props;
  return (
    <div className="mc-filters">
      {myUnit && f.mineCount > 0 ? (
        <ScopeFilter
          f={f}
          narrow={props.narrow}
          unitLabel={myUnit.name ?? myUnit.unitId}
          total={props.total}
        />
      ) : null}
      <div className="mc-filter mc-filter-search">
        <label htmlFor={searchId}>{t('criteria.search')}</label>
        {/* Filters as one types: no search button to press (and none to label). */}
        <Input
          id={searchId}
          prefix={<SearchOutlined aria-hidden />}
          allowClear={{ clearIcon: <CloseCircleFilled aria-label={t('criteria.clear')} /> }}
          placeholder={t('criteria.searchPlaceholder')}
          value={f.query}
          onChange={(e) => f.setQuery(e.target.value)}
        />
      </div>
      <div className="mc-filter">
        <label htmlFor={areaId}>{t('home.tree.area')}</label>
        <Select<string>
          id={areaId}
          value={f.area}
          onChange={f.setArea}
          className="mc-filter-select mc-area-select"
          popupMatchSelectWidth={false}
          options={[
            { value: 'all', label: t('home.tree.allAreas') },
            ...f.areas.map((a) => ({ value: a, label: props.areaLabel(a) })),
          ]}
        />
      </div>
      <div className="mc-filter">
        <label htmlFor={filterId}>{t('criteria.filter')}</label>
        <Select<CriterionStatus | 'all'>
          id={filterId}
          value={f.status}
          onChange={f.setStatus}
          className="mc-filter-select"
          options={[
            { value: 'all', label: t('criteria.filter.all') },
            ...CRITERION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
      </div>
      <div className="mc-tree-buttons">
        <Button size="small" onClick={f.expandAll} data-testid="tree-expand-all">
          {t('home.tree.expandAll')}
        </Button>
        <Button size="small" onClick={f.collapseAll} data-testid="tree-collapse-all">
          {t('home.tree.collapseAll')}
        </Button>
      </div>
      <div className="mc-muted mc-filter-count" aria-live="polite">
        {t('criteria.count', { shown: f.shown.length, total: props.total })}
      </div>
    </div>
  );
}
