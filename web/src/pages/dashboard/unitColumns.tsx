/** The unit table's columns: rank, unit, completeness, coverage, criteria complete, points, points at risk. */
import type { TableColumnsType } from 'antd';
import type { Readiness } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { percentText } from './options.ts';

export type UnitRow = Readiness['byUnit'][number];

export function useUnitColumns(unitName: (unitId: string | null) => string): TableColumnsType<UnitRow> {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  return [
    { key: 'rank', title: t('dashboard.col.rank'), width: 56, render: (_, _u, i) => n(i + 1) },
    {
      key: 'unit',
      title: t('dashboard.col.unit'),
      width: '35%',
      render: (_, u) => <span className="mc-wrap">{unitName(u.unitId)}</span>,
    },
    {
      key: 'c',
      title: t('readiness.completeness'),
      align: 'right',
      render: (_, u) => percentText(u.completenessPercent, lang),
    },
    {
      key: 'cov',
      title: t('readiness.coverage'),
      align: 'right',
      responsive: ['md'],
      render: (_, u) => percentText(u.coveragePercent, lang),
    },
    {
      key: 'n',
      title: t('dashboard.col.criteria'),
      align: 'right',
      responsive: ['xxl'],
      render: (_, u) => `${n(u.completeCount)}/${n(u.criteriaCount)}`,
    },
    {
      key: 'pts',
      title: t('dashboard.col.points'),
      align: 'right',
      responsive: ['xxl'],
      render: (_, u) => `${n(u.projectedPoints)}/${n(u.maxPoints)}`,
    },
    {
      key: 'risk',
      title: t('dashboard.col.atRisk'),
      align: 'right',
      responsive: ['sm'],
      render: (_, u) => n(u.atRiskPoints),
    },
  ];
}
