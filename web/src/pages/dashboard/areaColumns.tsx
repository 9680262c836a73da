/** The area table's columns: area, completeness, projected, criteria complete, points, points at risk. */
import type { TableColumnsType } from 'antd';
import type { Readiness } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { percentText } from './options.ts';

export type AreaRow = Readiness['byNode'][number];

export function useAreaColumns(name: (code: string) => string): TableColumnsType<AreaRow> {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  return [
    {
      key: 'area',
      title: t('dashboard.col.area'),
      width: '40%',
      render: (_, a) => <span className="mc-wrap">{name(a.code)}</span>,
    },
    {
      key: 'c',
      title: t('readiness.completeness'),
      align: 'right',
      render: (_, a) => percentText(a.completenessPercent, lang),
    },
    {
      key: 'p',
      title: t('readiness.projected'),
      align: 'right',
      render: (_, a) => percentText(a.projectedPercent, lang),
    },
    {
      key: 'n',
      title: t('dashboard.col.criteria'),
      align: 'right',
      responsive: ['xxl'],
      render: (_, a) => `${n(a.completeCount)}/${n(a.criteriaCount)}`,
    },
    {
      key: 'pts',
      title: t('dashboard.col.points'),
      align: 'right',
      responsive: ['md'],
      render: (_, a) => `${n(a.projectedPoints + a.surveyPoints)}/${n(a.maxPoints + a.surveyMaxPoints)}`,
    },
    {
      key: 'risk',
      title: t('dashboard.col.atRisk'),
      align: 'right',
      responsive: ['xxl'],
      render: (_, a) => n(a.atRiskPoints),
    },
  ];
}
