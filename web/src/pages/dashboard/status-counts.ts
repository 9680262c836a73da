/** How many criteria are in each preparation status and in each review state (`none`: never submitted). */
import type { CriterionReadiness } from '../../api/types.ts';
import { criterionStatus } from '../../common/labels.ts';

export const REVIEW_ORDER = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'resubmitted',
  'accepted',
] as const;

export function statusCounts(criteria: readonly CriterionReadiness[]) {
  const prep = new Map<string, number>();
  const review = new Map<string, number>();
  for (const c of criteria) {
    const s = criterionStatus(c);
    prep.set(s, (prep.get(s) ?? 0) + 1);
    const state = c.state ?? 'none';
    review.set(state, (review.get(state) ?? 0) + 1);
  }
  return { prep, review };
}
