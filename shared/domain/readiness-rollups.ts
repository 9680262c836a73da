/**
 * Sums of criteria (docs/readiness.md, "Entity figures" and rules 5, 8, 9, 11): the entity's totals, the caps
 * of bonus and penalty, node and unit roll-ups. Sums run in code order and are rounded only at the end.
 */

import {
  type CriterionReadiness,
  type NodeRollup,
  percent,
  type Rollup,
  round2,
  type SurveyReadiness,
  type UnitRollup,
} from './readiness-model.ts';
import { compareCodes, type ReadinessPlan } from './readiness-tree.ts';

export interface Acc {
  criteria: number;
  complete: number;
  byExplanation: number;
  sentBack: number;
  lateUnscored: number;
  completeMax: number;
  coverage: number;
  max: number;
  projected: number;
  atRisk: number;
  surveyMax: number;
  survey: number;
}
export const newAcc = (): Acc => ({
  criteria: 0,
  complete: 0,
  byExplanation: 0,
  sentBack: 0,
  lateUnscored: 0,
  completeMax: 0,
  coverage: 0,
  max: 0,
  projected: 0,
  atRisk: 0,
  surveyMax: 0,
  survey: 0,
});

export function addCriterion(acc: Acc, c: CriterionReadiness) {
  acc.criteria++;
  acc.max += c.maxPoints;
  acc.projected += c.projectedPoints;
  acc.atRisk += c.atRiskPoints;
  acc.coverage += c.coverage;
  if (c.sentBack) acc.sentBack++;
  if (c.lateUnscored) acc.lateUnscored++;
  if (c.complete) {
    acc.complete++;
    acc.completeMax += c.maxPoints;
    if (c.completeByExplanation) acc.byExplanation++;
  }
}

function addSurvey(acc: Acc, s: SurveyReadiness) {
  acc.surveyMax += s.maxPoints;
  acc.survey += s.points;
}

/** "Entity figures": completeness, coverage, projected and at-risk points of a group of criteria. */
export const rollupOf = (a: Acc, projected = a.projected): Rollup => ({
  criteriaCount: a.criteria,
  completeCount: a.complete,
  completeByExplanationCount: a.byExplanation,
  sentBackCount: a.sentBack,
  lateUnscoredCount: a.lateUnscored,
  completenessPercent: percent(a.complete, a.criteria),
  completenessByPointsPercent: percent(a.completeMax, a.max),
  coveragePercent: percent(a.coverage, a.criteria),
  maxPoints: round2(a.max),
  projectedPoints: round2(projected),
  atRiskPoints: round2(a.atRisk),
});

/** "Entity figures": the entity's sums over L and its survey leaves. */
export function entityTotals(criteria: readonly CriterionReadiness[], survey: readonly SurveyReadiness[]) {
  const total = newAcc();
  for (const c of criteria) addCriterion(total, c);
  for (const s of survey) addSurvey(total, s);
  return total;
}

/** Rule 5: bonus and penalty are the sums of each top node's leaves, each capped at that node's max. */
export function adjustmentTotals(
  plan: ReadinessPlan,
  byLeaf: readonly (CriterionReadiness | SurveyReadiness)[],
) {
  const adjust = { bonus: { points: 0, max: 0, claimed: 0 }, penalty: { points: 0, max: 0, claimed: 0 } };
  const tops = new Map<string, { role: 'bonus' | 'penalty'; sum: number }>();
  plan.leaves.forEach((leaf, i) => {
    if (leaf.role === 'regular') return;
    const entry = tops.get(leaf.top) ?? { role: leaf.role, sum: 0 };
    entry.sum += (byLeaf[i] as CriterionReadiness).projectedPoints;
    tops.set(leaf.top, entry);
  });
  // Top codes in code order (rule 11); each is a node of the applicable tree.
  for (const code of [...tops.keys()].sort(compareCodes)) {
    const t = tops.get(code)!;
    const max = plan.tree.byCode.get(code)!.maxPoints;
    adjust[t.role].points += Math.min(t.sum, max);
    adjust[t.role].claimed += t.sum;
    adjust[t.role].max += max;
  }
  return adjust;
}

/**
 * Rule 8: every non-leaf node with an applicable leaf below; a regular node sums its regular leaves (L and
 * survey), a bonus/penalty node its own leaves, capped at its max.
 */
export function nodeRollups(
  plan: ReadinessPlan,
  byLeaf: readonly (CriterionReadiness | SurveyReadiness)[],
): NodeRollup[] {
  const accs: (Acc | undefined)[] = new Array(plan.inner.length);
  plan.leaves.forEach((leaf, l) => {
    for (const i of leaf.rollsInto) {
      let acc = accs[i];
      if (!acc) {
        acc = newAcc();
        accs[i] = acc;
      }
      if (leaf.survey) addSurvey(acc, byLeaf[l] as SurveyReadiness);
      else addCriterion(acc, byLeaf[l] as CriterionReadiness);
    }
  });
  const out: NodeRollup[] = [];
  plan.inner.forEach(({ node, role, depth }, i) => {
    const a = accs[i];
    if (!a) return;
    const regular = role === 'regular';
    const projected = regular ? a.projected : Math.min(a.projected, node.maxPoints);
    out.push({
      code: node.code,
      role,
      depth,
      ...rollupOf(a, projected),
      surveyMaxPoints: round2(a.surveyMax),
      surveyPoints: round2(a.survey),
      projectedPercent: regular
        ? percent(a.projected + a.survey, a.max + a.surveyMax)
        : percent(projected, node.maxPoints),
    });
  });
  return out;
}

/** Rule 9: a criterion shared by units counts in full under each; criteria nobody covers form the `null` unit. */
export function unitRollups(criteria: readonly CriterionReadiness[]): UnitRollup[] {
  const unitAccs = new Map<string | null, { acc: Acc; codes: string[] }>();
  const add = (u: string | null, c: CriterionReadiness) => {
    let e = unitAccs.get(u);
    if (!e) {
      e = { acc: newAcc(), codes: [] };
      unitAccs.set(u, e);
    }
    addCriterion(e.acc, c);
    e.codes.push(c.code);
  };
  for (const c of criteria) {
    if (c.unitIds.length === 0) add(null, c);
    else for (const u of c.unitIds) add(u, c);
  }
  return [...unitAccs]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([unitId, e]) => ({ unitId, criterionCodes: e.codes, ...rollupOf(e.acc) }));
}
