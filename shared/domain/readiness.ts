/**
 * Readiness: THE formula module. Pure: no I/O and no clock — "today", due dates and the assessed year are
 * inputs. The API, the daily snapshots, exports and reminders call only this; every result carries
 * `formulaVersion` and, per figure, the inputs that produced it and a plain sentence with this entity's numbers
 * (`how`, built by readiness-how.ts), so the UI can show "how this is computed".
 *
 * The rules and every decision where they could be read two ways are written in docs/readiness.md (numbered
 * there; each has a test in test/unit/readiness.test.ts). In short, for L = the applicable regular leaf
 * criteria scored with evidence or computed:
 *   fill(slot) = min(k / n, 1)  (k = counted documents, or distinct qualifying periods with a period rule)
 *   coverage(c) = Σ fill / slots;  complete(c) ⇔ self ∧ (coverage = 1 ∨ explanation) ∧ not sent back
 *   p(c) = appraised if appraised, else self × coverage
 *   at risk = Σ (self − p) over c not appraised + Σ max(c) over c past due without a self score
 *   index % = (Σ p + bonus − penalty + survey) / (Σ max + survey max) × 100
 *   self-assessed index % = (Σ p + bonus − penalty) / Σ max × 100  (shown beside it while survey is pending)
 */

import { bandFor } from './framework.ts';
import { criterionReadiness, type Facts, indexFacts, surveyLeaf } from './readiness-criterion.ts';
import { explainFigures } from './readiness-how.ts';
import {
  type CriterionReadiness,
  FORMULA_VERSION,
  percent,
  type Readiness,
  type ReadinessInput,
  round2,
  type SurveyReadiness,
} from './readiness-model.ts';
import {
  type Acc,
  adjustmentTotals,
  entityTotals,
  nodeRollups,
  rollupOf,
  unitRollups,
} from './readiness-rollups.ts';
import { type ReadinessPlan, readinessPlan } from './readiness-tree.ts';

export * from './readiness-model.ts';
export { criterionCoverage, periodOf, type SlotOptions, slotCoverage } from './readiness-slots.ts';
export { applicableTree, compareCodes } from './readiness-tree.ts';
export * from './readiness-views.ts';

/** Rules 2–6, 13, 14: every leaf's figures in code order; `byLeaf` holds them at their leaf's position. */
function leafResults(plan: ReadinessPlan, facts: Facts, input: ReadinessInput) {
  const criteria: CriterionReadiness[] = [];
  const adjustments: CriterionReadiness[] = [];
  const survey: SurveyReadiness[] = [];
  const byLeaf: (CriterionReadiness | SurveyReadiness)[] = new Array(plan.leaves.length);
  for (let i = 0; i < plan.leaves.length; i++) {
    const leaf = plan.leaves[i]!;
    if (leaf.survey) {
      const s = surveyLeaf(leaf, facts);
      survey.push(s);
      byLeaf[i] = s;
      continue;
    }
    const c = criterionReadiness(leaf, facts, input);
    (leaf.role === 'regular' ? criteria : adjustments).push(c);
    byLeaf[i] = c;
  }
  return { criteria, adjustments, survey, byLeaf };
}

/** Rule 7: the index % over the framework's full total, clamped to 0–100, and its band. */
function projectedIndex(total: Acc, adjust: ReturnType<typeof adjustmentTotals>, input: ReadinessInput) {
  const numerator = total.projected + adjust.bonus.points - adjust.penalty.points + total.survey;
  const denominator = total.max + total.surveyMax;
  const projectedIndexPercent = percent(numerator, denominator);
  return {
    numerator,
    denominator,
    projectedIndexPercent,
    band: bandFor(input.framework.bands, projectedIndexPercent),
  };
}

/**
 * Rule 15: the self-assessed part alone, rescaled to 100 (as an index that runs no survey does), and whether
 * survey items are still to be imported — while they are, this figure is shown beside the full formula.
 */
function selfAssessedIndex(
  total: Acc,
  adjust: ReturnType<typeof adjustmentTotals>,
  survey: readonly SurveyReadiness[],
  input: ReadinessInput,
) {
  const selfAssessedIndexPercent = percent(
    total.projected + adjust.bonus.points - adjust.penalty.points,
    total.max,
  );
  let pending = 0;
  for (const s of survey) if (!s.imported) pending++;
  return {
    selfAssessedIndexPercent,
    selfAssessedBand: bandFor(input.framework.bands, selfAssessedIndexPercent),
    surveyPending: pending > 0,
    surveyPendingCount: pending,
  };
}

type Leaves = ReturnType<typeof leafResults>;
type Adjust = ReturnType<typeof adjustmentTotals>;
type Index = ReturnType<typeof projectedIndex>;
type SelfIndex = ReturnType<typeof selfAssessedIndex>;

/** "Entity figures" rounded at the end (rule 11), with the node (rule 8) and unit (rule 9) roll-ups. */
function entityFigures(
  input: ReadinessInput,
  plan: ReadinessPlan,
  leaves: Leaves,
  sums: { total: Acc; adjust: Adjust; index: Index; self: SelfIndex },
): Omit<Readiness, 'how'> {
  const { total, adjust, index, self } = sums;
  const t = rollupOf(total);
  const bonusPoints = round2(adjust.bonus.points);
  const penaltyPoints = round2(adjust.penalty.points);
  const surveyPoints = round2(total.survey);
  const surveyMaxPoints = round2(total.surveyMax);
  return {
    formulaVersion: FORMULA_VERSION,
    criteriaCount: t.criteriaCount,
    completeCount: t.completeCount,
    completeByExplanationCount: t.completeByExplanationCount,
    sentBackCount: t.sentBackCount,
    lateUnscoredCount: t.lateUnscoredCount,
    completenessPercent: t.completenessPercent,
    completenessByPointsPercent: t.completenessByPointsPercent,
    evidenceCoveragePercent: t.coveragePercent,
    projectedPoints: t.projectedPoints,
    atRiskPoints: t.atRiskPoints,
    maxPoints: t.maxPoints,
    surveyMaxPoints,
    surveyPoints,
    bonusPoints,
    bonusMaxPoints: round2(adjust.bonus.max),
    penaltyPoints,
    penaltyMaxPoints: round2(adjust.penalty.max),
    projectedIndexPercent: index.projectedIndexPercent,
    band: index.band,
    selfAssessedIndexPercent: self.selfAssessedIndexPercent,
    ...(self.selfAssessedBand !== undefined ? { selfAssessedBand: self.selfAssessedBand } : {}),
    surveyPending: self.surveyPending,
    surveyPendingCount: self.surveyPendingCount,
    ...(input.today !== undefined ? { today: input.today } : {}),
    criteria: leaves.criteria,
    adjustments: leaves.adjustments,
    survey: leaves.survey,
    byNode: nodeRollups(plan, leaves.byLeaf),
    byUnit: unitRollups(leaves.criteria),
    explain: {
      completeness: `${t.completeCount} / ${t.criteriaCount} tiêu chí hoàn thành (complete criteria)`,
      projectedIndex: `(${t.projectedPoints} + ${bonusPoints} − ${penaltyPoints} + ${surveyPoints}) / (${t.maxPoints} + ${surveyMaxPoints}) × 100`,
      surveyPoints,
      bonusPoints,
      penaltyPoints,
      evidencePolicy: input.evidencePolicy,
    },
  };
}

/** "Cách tính": the raw sums behind the rounded figures, for `how`. */
function howExtras(input: ReadinessInput, total: Acc, adjust: Adjust, index: Index) {
  return {
    bands: input.framework.bands,
    policy: input.evidencePolicy,
    completeMaxPoints: round2(total.completeMax),
    coverageSum: round2(total.coverage),
    rawNumerator: round2(index.numerator),
    rawDenominator: round2(index.denominator),
    rawSelfNumerator: round2(total.projected + adjust.bonus.points - adjust.penalty.points),
    bonusClaimed: round2(adjust.bonus.claimed),
    penaltyDeclared: round2(adjust.penalty.claimed),
  };
}

/** The formula, one step per section of docs/readiness.md ("Where each rule lives" maps them). */
export function computeReadiness(input: ReadinessInput): Readiness {
  const plan = readinessPlan(input.framework.nodes, input.entityType); // rule 1: which criteria
  const facts = indexFacts(input, plan.leafIndex); // rule 2: which evidence counts; scores, units, due dates
  const leaves = leafResults(plan, facts, input); // the formula table: slots, p(c), late, at risk
  const total = entityTotals(leaves.criteria, leaves.survey); // entity figures
  const adjust = adjustmentTotals(plan, leaves.byLeaf); // rule 5: capped bonus and penalty
  const index = projectedIndex(total, adjust, input); // rule 7: index % and band
  const self = selfAssessedIndex(total, adjust, leaves.survey, input); // rule 15: rescaled, survey pending
  const result = entityFigures(input, plan, leaves, { total, adjust, index, self }); // rules 8, 9, 11
  return { ...result, how: explainFigures(result, howExtras(input, total, adjust, index)) };
}
