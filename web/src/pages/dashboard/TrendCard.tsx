import { Table } from 'antd';
import { useMemo } from 'react';
import { type DeadlineInfo, formulaChanges, paceNeeded } from '../../common/deadline.ts';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { formatIsoDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChartCard, ChartHow } from './ChartCard.tsx';
import { type Trend, useNarrow } from './card-common.ts';
import { EChart } from './EChart.tsx';
import { percentText, trendLines } from './options.ts';

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
