/**
 * Which criteria may lose points and in what order they are listed: the server's `atRiskPoints` per criterion,
 * the kind of risk from the criterion's state and its effective deadline.
 */
import type { CriterionReadiness, Readiness } from '../../api/types.ts';
import type { DeadlineInfo } from '../../common/deadline.ts';

/** Working days left at or under which an incomplete criterion is "likely to miss". */
export const LIKELY_MISS_WORKING_DAYS = 5;

export type RiskKind = 'late' | 'likely' | 'open' | 'points';

export function riskOf(c: CriterionReadiness, deadline: DeadlineInfo): RiskKind | undefined {
  if (c.appraised) return undefined;
  // The server judged it past due without a self score (its whole max is in atRiskPoints).
  if (c.lateUnscored) return 'late';
  if (!c.complete) {
    if (deadline.past) return 'late';
    return deadline.workingDays <= LIKELY_MISS_WORKING_DAYS ? 'likely' : 'open';
  }
  return c.atRiskPoints > 0 ? 'points' : undefined;
}

const RISK_ORDER: Record<RiskKind, number> = { late: 0, likely: 1, open: 2, points: 3 };

export type RiskRow = CriterionReadiness & { kind: RiskKind };

/** The criteria at risk, most points first, then the most urgent kind. */
export function atRiskRows(
  criteria: readonly CriterionReadiness[],
  deadlineOf: (unitIds: readonly string[]) => DeadlineInfo,
): RiskRow[] {
  return criteria
    .flatMap((c) => {
      const kind = riskOf(c, deadlineOf(c.unitIds));
      return kind ? [{ ...c, kind }] : [];
    })
    .sort((a, b) => b.atRiskPoints - a.atRiskPoints || RISK_ORDER[a.kind] - RISK_ORDER[b.kind]);
}

/** Units with criteria still to complete or points at risk. */
export const unitsAtRisk = (byUnit: Readiness['byUnit']) =>
  byUnit.filter((u) => u.completenessPercent < 100 || u.atRiskPoints > 0);
