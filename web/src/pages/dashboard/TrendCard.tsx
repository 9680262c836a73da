import { Table } from 'antd';
import { useMemo } from 'react';
import { type DeadlineInfo, formulaChanges } from '../../common/deadline.ts';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { formatIsoDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChartCard, ChartHow } from './ChartCard.tsx';
import { type Trend, useNarrow } from './card-common.ts';
import { EChart } from './EChart.tsx';
import { percentText, trendLines } from './options.ts';
import { type TrendPace, trendSummary } from './trend-model.ts';
import { type TrendRow, useTrendColumns } from './trendColumns.tsx';

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
  const { t } = useI18n();
  const items = trend.data?.items ?? [];
  const summary = trendSummary(items, deadline);
  const { last, pace } = summary;
  const columns = useTrendColumns();
  const body = trend.isPending ? (
    <Loading rows={4} />
  ) : trend.isError ? (
    <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
  ) : items.length === 0 ? (
    <EmptyState>{t('dashboard.trend.empty')}</EmptyState>
  ) : undefined;
  return (
    <ChartCard
      testId="dashboard-trend"
      title={t('dashboard.trend.title')}
      subtitle={<TrendSubtitle items={items} deadline={deadline} summary={summary} />}
      empty={body}
      chart={<TrendChart items={items} deadline={deadline} showDeadline={summary.showDeadline} pace={pace} />}
      table={
        <Table
          size="small"
          pagination={items.length > 31 ? { pageSize: 31, showSizeChanger: false } : false}
          rowKey="date"
          dataSource={[...items].reverse()}
          columns={columns}
        />
      }
      how={
        <TrendHow
          formulaVersion={last?.formulaVersion ?? formulaVersion}
          items={items}
          deadline={deadline}
          pace={pace}
        />
      }
    />
  );
}

type Summary = ReturnType<typeof trendSummary<TrendRow>>;

/** The chart: the snapshots' lines, the deadline when it is on the axis, the pace needed from the latest one. */
function TrendChart({
  items,
  deadline,
  showDeadline,
  pace,
}: {
  items: TrendRow[];
  deadline: DeadlineInfo;
  showDeadline: boolean;
  pace?: TrendPace;
}) {
  const { t, lang } = useI18n();
  const narrow = useNarrow();
  const title = t('dashboard.trend.title');
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
          deadline: t('dashboard.trend.deadline', { date: formatIsoDate(deadline.deadline) }),
        },
        formulaChange: (version) => t('dashboard.trend.formulaChange', { version }),
        deadline: showDeadline ? deadline.deadline : undefined,
        pace:
          pace && showDeadline
            ? { from: pace.from, fromValue: pace.fromValue, to: deadline.deadline }
            : undefined,
      }),
    [items, lang, narrow, deadline.deadline, deadline.workingDays],
  );
  return <EChart option={option} height={narrow ? 280 : 320} label={t('dashboard.chartOf', { title })} />;
}

/** What the chart cannot say: a deadline before the first snapshot, formula changes, the pace needed. */
function TrendSubtitle({
  items,
  deadline,
  summary: { first, last, showDeadline, pace },
}: {
  items: TrendRow[];
  deadline: DeadlineInfo;
  summary: Summary;
}) {
  const { t, lang } = useI18n();
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
  return (
    <>
      {t('dashboard.trend.subtitle')}
      {first && !showDeadline ? (
        <> {t('dashboard.trend.deadlineBefore', { date: formatIsoDate(deadline.deadline) })}</>
      ) : null}
      {formulaChanges(items).map((c) => (
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
}

/** "Cách tính": the snapshots counted, the latest one, the working days left and the pace. */
function TrendHow({
  formulaVersion,
  items,
  deadline,
  pace,
}: {
  formulaVersion: string;
  items: TrendRow[];
  deadline: DeadlineInfo;
  pace?: TrendPace;
}) {
  const { t, lang } = useI18n();
  const last = items[items.length - 1];
  return (
    <ChartHow
      text={t('dashboard.trend.how')}
      formulaVersion={formulaVersion}
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
  );
}
