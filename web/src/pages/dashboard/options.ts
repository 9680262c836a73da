/** ECharts options of the dashboards, numbers in the language's format (1.234,5 / 1,234.5), dates dd/MM/yyyy. */

import type { LineSeriesOption } from 'echarts/charts';
import { formulaChanges } from '../../common/deadline.ts';
import { formatIsoDate, formatNumber } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ChartOption } from './EChart.tsx';

export const COLORS = { completeness: '#1d5fae', projected: '#52a35a', coverage: '#d48806', pace: '#8c8c8c' };
/** The app's font (App.tsx theme): ECharts measures text with it to truncate names and place the legend. */
const FONT =
  "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif";
const AXIS_TEXT = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 12, fontFamily: FONT };

export const percentText = (v: number, lang: Lang) => `${formatNumber(v, lang, 1)}%`;

export interface BarSeries {
  name: string;
  values: number[];
  color: string;
}

/** Height of a horizontal bar chart with `rows` categories. */
export const barHeight = (rows: number, series: number) => Math.max(160, rows * (series * 14 + 18) + 70);

/** Horizontal bars on a 0–100 % scale, first category on top; long names truncated (the tooltip has them whole). */
export function percentBars(names: string[], series: BarSeries[], lang: Lang, narrow: boolean): ChartOption {
  const pct = (v: unknown) => percentText(Number(v), lang);
  // Names get a fixed column (truncated, whole in the tooltip and the table): the bars never push them out.
  const labelWidth = narrow ? 104 : 200;
  return {
    animationDuration: 300,
    textStyle: { fontFamily: FONT },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: AXIS_TEXT },
    grid: {
      left: labelWidth + 12,
      right: narrow ? 36 : 48,
      top: 32,
      bottom: 24,
      outerBoundsMode: 'none',
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: pct, confine: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      splitNumber: narrow ? 2 : 5,
      axisLabel: { ...AXIS_TEXT, formatter: (v: number) => pct(v) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { ...AXIS_TEXT, width: labelWidth, overflow: 'truncate' },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      itemStyle: { color: s.color },
      barMaxWidth: 16,
      label: {
        show: true,
        position: 'right',
        fontSize: 11,
        formatter: (p: { value?: unknown }) => pct(p.value),
      },
    })),
  };
}

export interface TrendPoint {
  date: string;
  completenessPercent: number;
  projectedIndexPercent: number;
  evidenceCoveragePercent: number;
  formulaVersion?: string;
}

const DAY = 86_400_000;
const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const isoOf = (v: number) => new Date(v).toISOString().slice(0, 10);

export interface TrendOptions {
  lang: Lang;
  narrow: boolean;
  names: { completeness: string; projected: string; coverage: string; pace: string; deadline: string };
  /** Label of a formula change marker, from the new version. */
  formulaChange?: (version: string) => string;
  /** Drawn when it falls inside the snapshots' span or after it. */
  deadline?: string;
  /** From the latest snapshot to 100 % at the deadline. */
  pace?: { from: string; fromValue: number; to: string };
}

/** Lines of the daily snapshots on a time axis, the deadline as a red marker, the pace needed as a dashed line. */
export function trendLines(points: TrendPoint[], opts: TrendOptions): ChartOption {
  const pct = (v: unknown) => percentText(Number(v), opts.lang);
  const { min, max } = timeSpan(points, opts.deadline);
  return {
    animationDuration: 300,
    textStyle: { fontFamily: FONT },
    // Dates are calendar days at UTC midnight: ticks and labels on the same days, whatever the browser's zone.
    useUTC: true,
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: AXIS_TEXT },
    grid: { left: 4, right: opts.narrow ? 16 : 32, top: opts.narrow ? 56 : 36, bottom: 24 },
    tooltip: { trigger: 'axis', confine: true, formatter: trendTooltip(pct) },
    xAxis: {
      type: 'time',
      min,
      max,
      splitNumber: opts.narrow ? 3 : 6,
      minInterval: DAY,
      axisLabel: {
        ...AXIS_TEXT,
        hideOverlap: true,
        // The ends are padding, not days with data.
        showMinLabel: false,
        showMaxLabel: false,
        formatter: (v: number) => formatIsoDate(isoOf(v)).slice(0, 5),
      },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { ...AXIS_TEXT, formatter: (v: number) => pct(v) },
    },
    series: trendSeries(points, opts),
  };
}

/** The axis' ends: the first and last snapshots and the deadline, padded; a lone snapshot gets a readable week. */
function timeSpan(points: TrendPoint[], deadline: string | undefined) {
  const first = points[0]?.date;
  const last = points[points.length - 1]?.date;
  const ends = [first, last, deadline].filter((d): d is string => Boolean(d)).map(ms);
  const min = Math.min(...ends);
  const max = Math.max(...ends);
  const pad = max - min < 7 * DAY ? 3 * DAY : (max - min) * 0.03;
  return { min: min - pad, max: max + pad };
}

/** The tooltip: the day, then each line's value. */
const trendTooltip = (pct: (v: unknown) => string) => (params: unknown) => {
  const list = (Array.isArray(params) ? params : [params]) as {
    marker?: string;
    seriesName?: string;
    value?: [number, number];
  }[];
  const when = list[0]?.value ? formatIsoDate(isoOf(list[0].value[0])) : '';
  return [when, ...list.map((p) => `${p.marker ?? ''}${p.seriesName}: ${pct(p.value?.[1])}`)].join('<br/>');
};

const snapshotLine = (
  points: TrendPoint[],
  name: string,
  color: string,
  pick: (p: TrendPoint) => number,
) => ({
  type: 'line' as const,
  name,
  data: points.map((p) => [ms(p.date), pick(p)]),
  itemStyle: { color },
  lineStyle: { color, width: 2 },
  showSymbol: true,
  symbolSize: 6,
});

/** Completeness (with the deadline marker), projected, coverage (with the formula changes), the pace line. */
function trendSeries(points: TrendPoint[], opts: TrendOptions): LineSeriesOption[] {
  const { names } = opts;
  const changes = formulaChanges(points);
  return [
    {
      ...snapshotLine(points, names.completeness, '#1d5fae', (p) => p.completenessPercent),
      markLine: opts.deadline
        ? {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#cf1322', type: 'solid', width: 2 },
            label: { formatter: names.deadline, color: '#cf1322', position: 'insideEndTop' },
            data: [{ xAxis: ms(opts.deadline) }],
          }
        : undefined,
    },
    snapshotLine(points, names.projected, COLORS.projected, (p) => p.projectedIndexPercent),
    {
      ...snapshotLine(points, names.coverage, COLORS.coverage, (p) => p.evidenceCoveragePercent),
      markLine: changes.length
        ? {
            symbol: 'none',
            silent: true,
            lineStyle: { color: COLORS.pace, type: 'dotted' as const, width: 2 },
            label: { color: '#595959', position: 'insideStartTop' as const, fontSize: 11 },
            data: changes.map((c) => ({
              xAxis: ms(c.date),
              label: { formatter: opts.formulaChange?.(c.to) ?? c.to },
            })),
          }
        : undefined,
    },
    ...(opts.pace
      ? [
          {
            type: 'line' as const,
            name: names.pace,
            data: [
              [ms(opts.pace.from), opts.pace.fromValue],
              [ms(opts.pace.to), 100],
            ],
            itemStyle: { color: COLORS.pace },
            lineStyle: { color: COLORS.pace, type: 'dashed' as const, width: 2 },
            showSymbol: false,
          },
        ]
      : []),
  ];
}
