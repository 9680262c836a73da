/** What a leader's "Nộp tự đánh giá" offers: the criteria still with the unit, those ticked, those not ready. */
import type { CriterionReadiness } from '../../api/types.ts';

/** The states in which a criterion is still with the unit (no state yet: nothing submitted). */
const WITH_UNIT = new Set([undefined, 'draft', 'changes_requested']);

/** The unit's criteria it can still submit. */
export const pendingForUnit = (
  criteria: readonly CriterionReadiness[],
  unitId: string,
): CriterionReadiness[] => criteria.filter((c) => c.unitIds.includes(unitId) && WITH_UNIT.has(c.state));

/** The codes to submit (ready and not unticked by the leader) and those that are not ready, to be named. */
export function submitChoice(pending: readonly CriterionReadiness[], unticked: ReadonlySet<string>) {
  return {
    chosen: pending.filter((c) => c.ready && !unticked.has(c.code)).map((c) => c.code),
    notReady: pending.filter((c) => !c.ready).map((c) => c.code),
  };
}

/** The unticked codes after a checkbox changed. */
export function withTick(unticked: ReadonlySet<string>, code: string, checked: boolean): Set<string> {
  const next = new Set(unticked);
  if (checked) next.delete(code);
  else next.add(code);
  return next;
}
