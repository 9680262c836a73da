/** The trend table's columns: date, completeness, projected, coverage, formula version. */
import type { TableColumnsType } from 'antd';
import { formatIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Trend } from './card-common.ts';
import { percentText } from './options.ts';

export type TrendRow = Trend['items'][number];

export function useTrendColumns(): TableColumnsType<TrendRow> {
  const { t, lang } = useI18n();
  return [
    { key: 'd', title: t('dashboard.col.date'), render: (_, s) => formatIsoDate(s.date) },
    {
      key: 'c',
      title: t('readiness.completeness'),
      align: 'right',
      render: (_, s) => percentText(s.completenessPercent, lang),
    },
    {
      key: 'p',
      title: t('readiness.projected'),
      align: 'right',
      render: (_, s) => percentText(s.projectedIndexPercent, lang),
    },
    {
      key: 'cov',
      title: t('readiness.coverage'),
      align: 'right',
      responsive: ['sm'],
      render: (_, s) => percentText(s.evidenceCoveragePercent, lang),
    },
    {
      key: 'v',
      title: t('readiness.formulaVersion'),
      responsive: ['lg'],
      render: (_, s) => <code>{s.formulaVersion}</code>,
    },
  ];
}
