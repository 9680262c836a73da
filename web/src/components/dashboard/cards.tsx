/**
 * The dashboard's chart cards: readiness by area, by unit, by entity (ranking) and the trend to the deadline.
 * Every number is the API's; the UI only sorts, labels and draws them.
 */
import { useQueries } from '@tanstack/react-query';
import { Grid, Table } from 'antd';
import { useMemo } from 'react';
import type { Output, Readiness } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import type { CriterionInfo } from '../../app/reference.ts';
import { formatIsoDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState, ErrorState, Loading } from '../states.tsx';
import { ChartCard, ChartHow } from './ChartCard.tsx';
import { baseSnapshot, type DeadlineInfo, formulaChanges, paceNeeded } from './deadline.ts';
import { EChart } from './EChart.tsx';
import { barHeight, COLORS, percentBars, percentText, trendLines } from './options.ts';

export type CycleReadiness = Output<'getCycleReadiness'>;
export type Trend = Output<'getReadinessTrend'>;

export const trendKey = (cycleId: string, entityId: string) =>
  ['readiness-trend', cycleId, entityId] as const;

const useNarrow = () => !Grid.useBreakpoint().md;

/** Readiness of each top-level area of the framework (byNode, depth 1, regular role), in framework order. */
export function AreaCard({ readiness: r, info }: { readiness: Readiness; info: Map<string, CriterionInfo> }) {
  const { t, pick, lang } = useI18n();
  const narrow = useNarrow();
  const areas = r.byNode.filter((n) => n.depth === 1 && n.role === 'regular');
  const name = (code: string) => {
    const title = info.get(code)?.node.title;
    return title ? `${code}. ${pick(title)}` : code;
  };
  const title = t('dashboard.area.title');
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn only when the data, the names or the language change
  const option = useMemo(
    () =>
      percentBars(
        areas.map((a) => name(a.code)),
        [
          {
            name: t('readiness.completeness'),
            values: areas.map((a) => a.completenessPercent),
            color: COLORS.completeness,
          },
          {
            name: t('readiness.projected'),
            values: areas.map((a) => a.projectedPercent),
            color: COLORS.projected,
          },
        ],
        lang,
        narrow,
      ),
    [r, info, lang, narrow],
  );
  const n = (v: number) => formatNumber(v, lang);
  return (
    <ChartCard
      testId="dashboard-areas"
      title={title}
      subtitle={t('dashboard.area.subtitle')}
      empty={areas.length === 0 ? <EmptyState>{t('dashboard.area.empty')}</EmptyState> : undefined}
      chart={
        <EChart
          option={option}
          height={barHeight(areas.length, 2)}
          label={t('dashboard.chartOf', { title })}
        />
      }
      table={
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={areas}
          columns={[
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
              render: (_, a) =>
                `${n(a.projectedPoints + a.surveyPoints)}/${n(a.maxPoints + a.surveyMaxPoints)}`,
            },
            {
              key: 'risk',
              title: t('dashboard.col.atRisk'),
              align: 'right',
              responsive: ['xxl'],
              render: (_, a) => n(a.atRiskPoints),
            },
          ]}
        />
      }
      how={
        <ChartHow
          text={t('dashboard.area.how')}
          formulaVersion={r.formulaVersion}
          how={r.how}
          only={['completenessPercent', 'projectedIndexPercent']}
        />
      }
    />
  );
}

/** Readiness of each responsible unit (byUnit), highest completeness first. */
export function UnitCard({
  readiness: r,
  unitName,
}: {
  readiness: Readiness;
  unitName: (unitId: string | null) => string;
}) {
  const { t, lang } = useI18n();
  const narrow = useNarrow();
  const units = useMemo(
    () =>
      [...r.byUnit].sort(
        (a, b) =>
          b.completenessPercent - a.completenessPercent ||
          a.atRiskPoints - b.atRiskPoints ||
          unitName(a.unitId).localeCompare(unitName(b.unitId), 'vi'),
      ),
    [r, unitName],
  );
  const title = t('dashboard.unit.title');
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn only when the data, the names or the language change
  const option = useMemo(
    () =>
      percentBars(
        units.map((u) => unitName(u.unitId)),
        [
          {
            name: t('readiness.completeness'),
            values: units.map((u) => u.completenessPercent),
            color: COLORS.completeness,
          },
          {
            name: t('readiness.coverage'),
            values: units.map((u) => u.coveragePercent),
            color: COLORS.coverage,
          },
        ],
        lang,
        narrow,
      ),
    [units, lang, narrow],
  );
  const n = (v: number) => formatNumber(v, lang);
  return (
    <ChartCard
      testId="dashboard-units"
      title={title}
      subtitle={t('dashboard.unit.subtitle')}
      empty={units.length === 0 ? <EmptyState>{t('dashboard.unit.empty')}</EmptyState> : undefined}
      chart={
        <EChart
          option={option}
          height={barHeight(units.length, 2)}
          label={t('dashboard.chartOf', { title })}
        />
      }
      table={
        <Table
          size="small"
          pagination={false}
          rowKey={(u) => u.unitId ?? '-'}
          dataSource={units}
          columns={[
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
          ]}
        />
      }
      how={
        <ChartHow
          text={t('dashboard.unit.how')}
          formulaVersion={r.formulaVersion}
          how={r.how}
          only={['completenessPercent', 'evidenceCoveragePercent', 'atRiskPoints']}
        />
      }
    />
  );
}

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

/** Daily snapshots up to the deadline, with the pace needed to reach 100 % when the deadline is ahead. */
export function TrendCard({
  formulaVersion,
  trend,
  deadline,
}: {
  /** The current formula's version, shown while there is no snapshot yet (each snapshot carries its own). */
  formulaVersion: string;
  trend: { data?: Trend; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  deadline: DeadlineInfo;
}) {
  const { t, lang } = useI18n();
  const narrow = useNarrow();
  const items = trend.data?.items ?? [];
  const last = items[items.length - 1];
  const first = items[0];
  const showDeadline = Boolean(first && deadline.deadline >= first.date);
  const perDay = last ? paceNeeded(last.completenessPercent, deadline) : undefined;
  const pace =
    last && perDay !== undefined
      ? { perDay, from: last.date, fromValue: last.completenessPercent }
      : undefined;
  const changes = formulaChanges(items);
  const title = t('dashboard.trend.title');
  const dateText = formatIsoDate(deadline.deadline);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn only when the data, the names or the language change
  const option = useMemo(
    () =>
      trendLines(items, {
        lang,
        narrow,
        names: {
          completeness: t('readiness.completeness'),
          projected: t('readiness.projected'),
          coverage: t('readiness.coverage'),
          pace: t('dashboard.trend.pace'),
          deadline: t('dashboard.trend.deadline', { date: dateText }),
        },
        formulaChange: (version) => t('dashboard.trend.formulaChange', { version }),
        deadline: showDeadline ? deadline.deadline : undefined,
        pace:
          pace && showDeadline
            ? { from: pace.from, fromValue: pace.fromValue, to: deadline.deadline }
            : undefined,
      }),
    [trend.data, lang, narrow, deadline.deadline, deadline.workingDays],
  );
  const paceText = !last
    ? undefined
    : last.completenessPercent >= 100
      ? t('dashboard.trend.paceDone')
      : pace
        ? t('dashboard.trend.paceDetail', {
            points: formatNumber(pace.perDay, lang),
            days: formatNumber(deadline.workingDays, lang),
          })
        : t('dashboard.trend.pacePast');
  const body = trend.isPending ? (
    <Loading rows={4} />
  ) : trend.isError ? (
    <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
  ) : items.length === 0 ? (
    <EmptyState>{t('dashboard.trend.empty')}</EmptyState>
  ) : undefined;
  const subtitle = (
    <>
      {t('dashboard.trend.subtitle')}
      {first && !showDeadline ? <> {t('dashboard.trend.deadlineBefore', { date: dateText })}</> : null}
      {changes.map((c) => (
        <div key={c.date} data-testid="dashboard-formula-change">
          {t('dashboard.trend.formulaChangeDetail', {
            date: formatIsoDate(c.date),
            from: c.from,
            to: c.to,
          })}
        </div>
      ))}
      {paceText ? (
        <div data-testid="dashboard-pace">
          <strong>{t('dashboard.trend.pace')}:</strong> {paceText}
        </div>
      ) : null}
    </>
  );
  return (
    <ChartCard
      testId="dashboard-trend"
      title={title}
      subtitle={subtitle}
      empty={body}
      chart={<EChart option={option} height={narrow ? 280 : 320} label={t('dashboard.chartOf', { title })} />}
      table={
        <Table
          size="small"
          pagination={items.length > 31 ? { pageSize: 31, showSizeChanger: false } : false}
          rowKey="date"
          dataSource={[...items].reverse()}
          columns={[
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
          ]}
        />
      }
      how={
        <ChartHow
          text={t('dashboard.trend.how')}
          formulaVersion={last?.formulaVersion ?? formulaVersion}
          inputs={[
            { key: 'snapshots', label: t('dashboard.trend.in.snapshots'), value: items.length },
            ...(last
              ? [
                  { key: 'date', label: t('dashboard.trend.in.latestDate'), value: formatIsoDate(last.date) },
                  {
                    key: 'latest',
                    label: t('dashboard.trend.in.latest'),
                    value: percentText(last.completenessPercent, lang),
                  },
                ]
              : []),
            {
              key: 'days',
              label: t('dashboard.trend.in.workingDays'),
              value: deadline.past ? 0 : deadline.workingDays,
            },
            ...(pace ? [{ key: 'pace', label: t('dashboard.trend.in.pace'), value: pace.perDay }] : []),
          ]}
        />
      }
    />
  );
}
