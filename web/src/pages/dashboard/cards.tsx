/**
 * The dashboard's chart cards: readiness by area, by unit, by entity (ranking) and the trend to the deadline.
 * Every number is the API's; the UI only sorts, labels and draws them. One file per card.
 */
export { AreaCard } from './AreaCard.tsx';
export { type CycleReadiness, type Trend, trendKey } from './card-common.ts';
export { EntityCard } from './EntityCard.tsx';
export { TrendCard } from './TrendCard.tsx';
export { UnitCard } from './UnitCard.tsx';
