/** What the trend card reads off the snapshots: the ends, whether the deadline is on the chart, the pace needed. */
import { type DeadlineInfo, paceNeeded } from '../../common/deadline.ts';

export interface TrendPace {
  /** Completeness points per working day still needed to reach 100 % at the deadline. */
  perDay: number;
  from: string;
  fromValue: number;
}

export function trendSummary<P extends { date: string; completenessPercent: number }>(
  items: readonly P[],
  deadline: DeadlineInfo,
) {
  const first = items[0];
  const last = items[items.length - 1];
  // A deadline before the first snapshot would stretch the axis over days without data: it is named instead.
  const showDeadline = Boolean(first && deadline.deadline >= first.date);
  const perDay = last ? paceNeeded(last.completenessPercent, deadline) : undefined;
  const pace: TrendPace | undefined =
    last && perDay !== undefined
      ? { perDay, from: last.date, fromValue: last.completenessPercent }
      : undefined;
  return { first, last, showDeadline, pace };
}
