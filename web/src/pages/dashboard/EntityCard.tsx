/** The dashboard's EntityCard (see cards.tsx). */
import { useQueries } from '@tanstack/react-query';
import { Table } from 'antd';
import { useMemo } from 'react';
import { useServices } from '../../app/context.tsx';
import { baseSnapshot } from '../../common/deadline.ts';
import { EmptyState } from '../../common/states.tsx';
import { formatIsoDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChartCard, ChartHow } from './ChartCard.tsx';
import { type CycleReadiness, trendKey, useNarrow } from './card-common.ts';
import { EChart } from './EChart.tsx';
import { barHeight, COLORS, percentBars, percentText } from './options.ts';

/** The cycle's entities ranked (cycle-wide ranks), with the change of each since a week ago. */
export function EntityCard({
  cycleId,
  ranking,
  entityName,
  today,
}: {
  cycleId: string;
  ranking: CycleReadiness;
  entityName: (entityId: string) => string;
  today: string;
}) {
  const { t, lang } = useI18n();
  const { api } = useServices();
  const narrow = useNarrow();
  const trends = useQueries({
    queries: ranking.entities.map((e) => ({
      queryKey: trendKey(cycleId, e.entityId),
      queryFn: () => api.call('getReadinessTrend', { params: { cycleId, entityId: e.entityId } }),
    })),
  });
  const rows = ranking.entities.map((e, i) => {
    const base = trends[i]?.data ? baseSnapshot(trends[i].data.items, today) : undefined;
    return {
      ...e,
      name: entityName(e.entityId),
      change: base
        ? { value: e.projectedIndexPercent - base.projectedIndexPercent, since: base.date }
        : undefined,
    };
  });
  const title = t('dashboard.entity.title');
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn only when the data, the names or the language change
  const option = useMemo(
    () =>
      percentBars(
        rows.map((r) => `${r.rank}. ${r.name}`),
        [
          {
            name: t('readiness.projected'),
            values: rows.map((r) => r.projectedIndexPercent),
            color: COLORS.projected,
          },
          {
            name: t('readiness.completeness'),
            values: rows.map((r) => r.completenessPercent),
            color: COLORS.completeness,
          },
        ],
        lang,
        narrow,
      ),
    [ranking, entityName, lang, narrow],
  );
  const n = (v: number) => formatNumber(v, lang);
  const signed = (v: number) => `${v > 0 ? '+' : ''}${formatNumber(Math.round(v * 100) / 100, lang)}`;
  const how = ranking.how;
  return (
    <ChartCard
      testId="dashboard-entities"
      title={title}
      subtitle={t('dashboard.entity.subtitle', {
        shown: n(ranking.entities.length),
        total: n(ranking.entityTotal),
      })}
      empty={rows.length === 0 ? <EmptyState>{t('dashboard.entity.empty')}</EmptyState> : undefined}
      chart={
        <>
          <EChart
            option={option}
            height={barHeight(rows.length, 2)}
            label={t('dashboard.chartOf', { title })}
          />
          <RankingTable rows={rows} n={n} signed={signed} />
        </>
      }
      table={<RankingTable rows={rows} n={n} signed={signed} />}
      how={
        <ChartHow
          text={t('dashboard.entity.how')}
          formulaVersion={ranking.formulaVersion}
          how={how}
          labels={{
            ranking: t('dashboard.how.ranking'),
            completenessPercent: t('dashboard.how.cycleCompleteness'),
            meanProjectedIndexPercent: t('dashboard.how.mean'),
          }}
        />
      }
    />
  );
}

type RankRow = CycleReadiness['entities'][number] & {
  name: string;
  change?: { value: number; since: string };
};

function RankingTable({
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
