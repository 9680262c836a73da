/** The dashboard's EntityCard (see cards.tsx). */
import { useMemo } from 'react';
import { EmptyState } from '../../common/states.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChartCard, ChartHow } from './ChartCard.tsx';
import { type CycleReadiness, useNarrow } from './card-common.ts';
import { EChart } from './EChart.tsx';
import { barHeight, COLORS, percentBars } from './options.ts';
import { RankingTable } from './RankingTable.tsx';
import { useRankingRows } from './useRankingRows.ts';

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
  const narrow = useNarrow();
  const rows = useRankingRows(cycleId, ranking, entityName, today);
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
