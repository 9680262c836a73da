/** What the dashboard's chart cards share: the API's answers they draw, the trend's query key, the phone test. */
import { Grid } from 'antd';
import type { Output } from '../../api/types.ts';

export type CycleReadiness = Output<'getCycleReadiness'>;
export type Trend = Output<'getReadinessTrend'>;

export const trendKey = (cycleId: string, entityId: string) =>
  ['readiness-trend', cycleId, entityId] as const;

export const useNarrow = () => !Grid.useBreakpoint().md;
