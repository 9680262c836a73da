/** The ranking as a table: rank, entity, projected, completeness, projected points, change since a week ago. */
import { Table } from 'antd';
import { formatIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { percentText } from './options.ts';
import type { RankRow } from './useRankingRows.ts';

export function RankingTable({
  rows,
  n,
  signed,
}: {
  rows: RankRow[];
  n: (v: number) => string;
  signed: (v: number) => string;
}) {
  const { t, lang } = useI18n();
  return (
    <Table
      className="mc-ranking"
      data-testid="ranking-table"
      size="small"
      pagination={false}
      rowKey="entityId"
      dataSource={rows}
      columns={[
        { key: 'rank', title: t('dashboard.col.rank'), width: 56, render: (_, r) => n(r.rank) },
        {
          key: 'name',
          title: t('dashboard.col.entity'),
          render: (_, r) => <span className="mc-wrap">{r.name}</span>,
        },
        {
          key: 'p',
          title: t('readiness.projected'),
          align: 'right',
          render: (_, r) => percentText(r.projectedIndexPercent, lang),
        },
        {
          key: 'c',
          title: t('readiness.completeness'),
          align: 'right',
          responsive: ['md'],
          render: (_, r) => percentText(r.completenessPercent, lang),
        },
        {
          key: 'pts',
          title: t('dashboard.col.projectedPoints'),
          align: 'right',
          responsive: ['md'],
          render: (_, r) => n(r.projectedPoints),
        },
        {
          key: 'chg',
          title: t('dashboard.col.change'),
          align: 'right',
          responsive: ['sm'],
          render: (_, r) =>
            r.change ? (
              <span title={t('dashboard.entity.changeSince', { date: formatIsoDate(r.change.since) })}>
                {signed(r.change.value)}
              </span>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
