/**
 * Readiness (BRIEF §4): THE formula module. Pure: no I/O, no clock. The API, the daily snapshots, exports and
 * reminders call only this, and every result carries `formulaVersion` and, per figure, the inputs that
 * produced it (`how`), so the UI can show "how this is computed".
 *
 * For an entity in a cycle, L = the applicable leaf criteria with method `evidence` or `computed` and the
 * regular role. Per criterion c: coverage(c) = slotsFilled / slots; complete(c) ⇔ self score set ∧
 * (coverage = 1 ∨ explanation given); p(c) = appraised score if appraised, else self × coverage(c).
 * Completeness = |complete| / |L| (and Σ max·complete / Σ max); at risk = Σ (self − p) over L not appraised;
 * projected index % = (Σ p + bonus − penalty + imported survey points) / (Σ max + survey max) × 100, with
 * the framework's band.
 *
 * Decisions where §4 is silent or ambiguous (each one has a test in test/unit/readiness.test.ts):
 * 1. Leaves are nodes no other node extends. A node applies to the entity's type unless it or an ancestor
 *    lists `appliesTo` without that type; inapplicable nodes vanish from every figure (L, max, survey max,
 *    roll-ups). Without an entity type every node applies.
 * 2. Evidence fills a slot when its document type equals the slot's kind; a criterion with no declared slots
 *    has one implicit slot "≥ 1 file of any type". One evidence counts once per criterion, however many files
 *    it holds. Which states count is the cycle's policy (`countsAsFilled`).
 * 3. No self score ⇒ p = 0 and not complete.
 * 4. Appraised ⇔ an appraised score is set and the review state is `accepted` (or no state is given). A
 *    reviewer's provisional score while changes are requested or the answer is pending does not count:
 *    p falls back to self × coverage and the gap stays at risk.
 * 5. Bonus and penalty leaves (role `bonus` / `penalty`, applicable, evidence|computed) are not in L nor in
 *    Σ max. Bonus p = appraised, else self × coverage (a claimed bonus needs its proof like any criterion);
 *    penalty p = appraised, else self in full (a declared penalty is never discounted for missing evidence).
 *    Each leaf is kept within [0, its max]; each top bonus/penalty node (whose parent does not share its
 *    role) caps the sum of its leaves at its own max.
 * 6. Survey: applicable regular `survey` leaves. Imported points are clamped to [minPoints ?? 0, max]. A
 *    survey node not imported yet counts 0 points while its max stays in the denominator: the index is out
 *    of the framework's full total from day one.
 * 7. The projected index % is clamped to 0–100 (a large penalty cannot make it negative); `how` keeps the
 *    raw numerator. The band is the highest band whose minPercent ≤ the rounded index %.
 * 8. Node roll-ups: every non-leaf node with an applicable leaf below it. A regular node sums its regular
 *    leaves only (L and survey), so parents equal the sum of their children; bonus/penalty nodes report
 *    their own capped sums.
 * 9. Unit roll-ups: a criterion of L covered by several units counts in full under each (each unit sees all
 *    it must do), so unit roll-ups add up to the entity only when no criterion is shared; criteria nobody
 *    covers form the `null` unit.
 * 10. Ranking: by projected index % (rounded) descending; equal figures share a rank (1, 2, 2, 4); within a
 *    tie, higher completeness then entity id come first. Cycle completeness is pooled over all criteria of
 *    all entities; the cycle's index is the plain mean over entities.
 * 11. Percentages and points are rounded to 2 decimals at the end, never in between; sums run in code order,
 *    so the order of the inputs never changes a result. One score and one survey import per criterion (the
 *    store keys them by criterion).
 * 12. `evidenceCoveragePercent` (mean coverage over L) is reported beside completeness: it moves as soon as
 *    files arrive, before anyone self-scores.
 */

import { countsAsFilled, type EvidenceState } from './evidence.ts';
import { bandFor, type Framework, type FrameworkNode, type NodeRole, roleOf } from './framework.ts';
import type { EntityType } from './organization.ts';

/** 2.0.0: applicability, bonus/penalty and survey per node, review state, roll-ups, ranking, `how`. */
export const FORMULA_VERSION = 'readiness/2.0.0';

export const REVIEW_STATES = [
  'draft',
  'submitted',
  'in_review',
  'accepted',
  'changes_requested',
  'resubmitted',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface EvidenceFact {
  criterionCodes: readonly string[];
  state: EvidenceState;
  documentType?: string;
}

export interface ScoreFact {
  criterionCode: string;
  selfScore?: number;
  explanation?: string;
  appraisedScore?: number;
  /** Absent: an appraised score counts as final (facts from before the review workflow). */
  state?: ReviewState;
}

/** Points imported from a published survey for one survey node. */
export interface SurveyFact {
  criterionCode: string;
  points: number;
}

/** A unit responsible for criteria (from the cycle's assignments). */
export interface ResponsibilityFact {
  unitId: string;
  criterionCodes: readonly string[];
}

export type EvidencePolicy = 'available' | 'accepted';

export interface ReadinessInput {
  framework: Pick<Framework, 'nodes' | 'bands'>;
  /** Decides which nodes apply (`appliesTo`); absent: every node applies. */
  entityType?: EntityType;
  evidence: readonly EvidenceFact[];
  scores: readonly ScoreFact[];
  evidencePolicy: EvidencePolicy;
  survey?: readonly SurveyFact[];
  responsibilities?: readonly ResponsibilityFact[];
}

export interface SlotResult {
  kind: string;
  minCount: number;
  count: number;
  filled: boolean;
}

export interface CriterionReadiness {
  code: string;
  role: NodeRole;
  maxPoints: number;
  slots: SlotResult[];
  slotsFilled: number;
  coverage: number;
  selfScore?: number;
  explanationGiven: boolean;
  appraised: boolean;
  appraisedScore?: number;
  state?: ReviewState;
  complete: boolean;
  projectedPoints: number;
  atRiskPoints: number;
  /** Units responsible for the criterion, sorted; empty when nobody is assigned. */
  unitIds: string[];
}

export interface SurveyReadiness {
  code: string;
  maxPoints: number;
  imported: boolean;
  points: number;
}

/** Totals of a group of criteria: a framework node, a unit, an entity. */
export interface Rollup {
  criteriaCount: number;
  completeCount: number;
  completenessPercent: number;
  completenessByPointsPercent: number;
  coveragePercent: number;
  maxPoints: number;
  projectedPoints: number;
  atRiskPoints: number;
}

export interface NodeRollup extends Rollup {
  code: string;
  role: NodeRole;
  depth: number;
  surveyMaxPoints: number;
  surveyPoints: number;
  /** Regular nodes: (projected + survey) / (max + survey max); bonus/penalty nodes: projected / max. */
  projectedPercent: number;
}

export interface UnitRollup extends Rollup {
  /** `null`: criteria no unit is assigned. */
  unitId: string | null;
  criterionCodes: string[];
}

/** One figure's formula, the numbers that went in and what came out. */
export interface Explanation {
  formula: string;
  inputs: Record<string, number | string>;
  value: number | string | null;
}

export const FIGURES = [
  'completenessPercent',
  'completenessByPointsPercent',
  'evidenceCoveragePercent',
  'projectedPoints',
  'atRiskPoints',
  'bonusPoints',
  'penaltyPoints',
  'surveyPoints',
  'projectedIndexPercent',
  'band',
] as const;
export type Figure = (typeof FIGURES)[number];

export interface Readiness {
  formulaVersion: string;
  criteriaCount: number;
  completeCount: number;
  completenessPercent: number;
  completenessByPointsPercent: number;
  evidenceCoveragePercent: number;
  projectedPoints: number;
  atRiskPoints: number;
  maxPoints: number;
  surveyMaxPoints: number;
  surveyPoints: number;
  bonusPoints: number;
  bonusMaxPoints: number;
  penaltyPoints: number;
  penaltyMaxPoints: number;
  projectedIndexPercent: number;
  band?: string;
  /** L, in code order. */
  criteria: CriterionReadiness[];
  /** Bonus and penalty leaves, in code order. */
  adjustments: CriterionReadiness[];
  survey: SurveyReadiness[];
  byNode: NodeRollup[];
  byUnit: UnitRollup[];
  how: Record<Figure, Explanation>;
  /** Short forms of the main inputs (kept for clients written against readiness/1). */
  explain: {
    completeness: string;
    projectedIndex: string;
    surveyPoints: number;
    bonusPoints: number;
    penaltyPoints: number;
    evidencePolicy: EvidencePolicy;
  };
}

const IMPLICIT_SLOT = { kind: '*', minCount: 1 } as const;

export const round2 = (n: number): number => Math.round(n * 100) / 100;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
export const percent = (num: number, den: number): number =>
  den === 0 ? 0 : round2(clamp((num / den) * 100, 0, 100));

/** Numeric comparison of codes (`1.10` after `1.9`) without a collator: it runs on every sort of 10⁴ codes. */
export function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const parentOf = (code: string): string | undefined => {
  const i = code.lastIndexOf('.');
  return i < 0 ? undefined : code.slice(0, i);
};

type Node = Pick<
  FrameworkNode,
  'code' | 'maxPoints' | 'minPoints' | 'method' | 'role' | 'appliesTo' | 'slots'
>;

/** The framework reduced to what applies to the entity, with leaves found in one pass (not O(n²)). */
export function applicableTree(nodes: readonly Node[], entityType?: EntityType) {
  const byCode = new Map<string, Node>();
  const parent = new Map<string, string | undefined>();
  const key = new Map<string, number[]>();
  for (const n of nodes) {
    byCode.set(n.code, n);
    parent.set(n.code, parentOf(n.code));
    key.set(n.code, n.code.split('.').map(Number));
  }
  const verdict = new Map<string, boolean>();
  const applies = (code: string | undefined): boolean => {
    if (code === undefined) return true;
    const known = verdict.get(code);
    if (known !== undefined) return known;
    const n = byCode.get(code);
    const own = !entityType || !n?.appliesTo || n.appliesTo.length === 0 || n.appliesTo.includes(entityType);
    const v = own && applies(parent.has(code) ? parent.get(code) : parentOf(code));
    verdict.set(code, v);
    return v;
  };
  const hasChild = new Set<string>();
  for (const p of parent.values()) if (p !== undefined) hasChild.add(p);
  // Sort keys parsed once: a comparator that splits codes runs 10⁵ times on a large framework.
  const cmp = (a: Node, b: Node) => {
    const x = key.get(a.code)!;
    const y = key.get(b.code)!;
    for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  const applicable = nodes.filter((n) => applies(n.code)).sort(cmp);
  return {
    byCode,
    parent,
    applicable,
    leaves: applicable.filter((n) => !hasChild.has(n.code)),
    inner: applicable.filter((n) => hasChild.has(n.code)),
  };
}

/** Which evidence counts for which criterion: per code, the number of counting evidence per document type. */
function indexEvidence(evidence: readonly EvidenceFact[], policy: EvidencePolicy) {
  const byCode = new Map<string, { total: number; byType: Map<string, number> }>();
  for (const e of evidence) {
    if (!countsAsFilled(e.state, policy)) continue;
    const codes = e.criterionCodes;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      // An evidence linked twice to one criterion still counts once (lists are short: no Set needed).
      if (i > 0 && codes.lastIndexOf(code, i - 1) >= 0) continue;
      let entry = byCode.get(code);
      if (!entry) {
        entry = { total: 0, byType: new Map() };
        byCode.set(code, entry);
      }
      entry.total++;
      if (e.documentType !== undefined)
        entry.byType.set(e.documentType, (entry.byType.get(e.documentType) ?? 0) + 1);
    }
  }
  return byCode;
}

/** Slots of one criterion against the evidence that counts for it (also used to validate a self score). */
export function slotCoverage(
  node: Pick<FrameworkNode, 'slots'>,
  counted: { total: number; byType: ReadonlyMap<string, number> } | undefined,
): { slots: SlotResult[]; slotsFilled: number; coverage: number } {
  const declared = node.slots.length > 0 ? node.slots : [IMPLICIT_SLOT];
  const slots = declared.map((slot) => {
    const count = slot.kind === '*' ? (counted?.total ?? 0) : (counted?.byType.get(slot.kind) ?? 0);
    return { kind: slot.kind, minCount: slot.minCount, count, filled: count >= slot.minCount };
  });
  const slotsFilled = slots.filter((s) => s.filled).length;
  return { slots, slotsFilled, coverage: slotsFilled / slots.length };
}

/** coverage(c) of one criterion from its evidence: the same rule readiness uses, for the self-score check. */
export function criterionCoverage(
  node: Pick<FrameworkNode, 'slots' | 'code'>,
  evidence: readonly EvidenceFact[],
  policy: EvidencePolicy,
) {
  return slotCoverage(node, indexEvidence(evidence, policy).get(node.code));
}

function isAppraised(s: ScoreFact | undefined): boolean {
  return s?.appraisedScore !== undefined && (s.state === undefined || s.state === 'accepted');
}

function criterionReadiness(
  node: Node,
  counted: { total: number; byType: Map<string, number> } | undefined,
  score: ScoreFact | undefined,
  unitIds: string[],
): CriterionReadiness {
  const role = roleOf(node);
  const { slots, slotsFilled, coverage } = slotCoverage(node, counted);
  const selfScore = score?.selfScore;
  const explanationGiven = Boolean(score?.explanation?.trim());
  const appraised = isAppraised(score);
  const complete = selfScore !== undefined && (coverage === 1 || explanationGiven);
  let projected: number;
  if (appraised) projected = score!.appraisedScore!;
  else if (role === 'penalty') projected = selfScore ?? 0;
  else projected = (selfScore ?? 0) * coverage;
  if (role !== 'regular') projected = clamp(projected, 0, node.maxPoints);
  return {
    code: node.code,
    role,
    maxPoints: node.maxPoints,
    slots,
    slotsFilled,
    coverage,
    selfScore,
    explanationGiven,
    appraised,
    appraisedScore: score?.appraisedScore,
    state: score?.state,
    complete,
    projectedPoints: projected,
    atRiskPoints: appraised ? 0 : (selfScore ?? 0) - projected,
    unitIds,
  };
}

interface Acc {
  criteria: number;
  complete: number;
  completeMax: number;
  coverage: number;
  max: number;
  projected: number;
  atRisk: number;
  surveyMax: number;
  survey: number;
}
const newAcc = (): Acc => ({
  criteria: 0,
  complete: 0,
  completeMax: 0,
  coverage: 0,
  max: 0,
  projected: 0,
  atRisk: 0,
  surveyMax: 0,
  survey: 0,
});
function addCriterion(acc: Acc, c: CriterionReadiness) {
  acc.criteria++;
  acc.max += c.maxPoints;
  acc.projected += c.projectedPoints;
  acc.atRisk += c.atRiskPoints;
  acc.coverage += c.coverage;
  if (c.complete) {
    acc.complete++;
    acc.completeMax += c.maxPoints;
  }
}
const rollupOf = (a: Acc): Rollup => ({
  criteriaCount: a.criteria,
  completeCount: a.complete,
  completenessPercent: percent(a.complete, a.criteria),
  completenessByPointsPercent: percent(a.completeMax, a.max),
  coveragePercent: percent(a.coverage, a.criteria),
  maxPoints: round2(a.max),
  projectedPoints: round2(a.projected),
  atRiskPoints: round2(a.atRisk),
});

export function computeReadiness(input: ReadinessInput): Readiness {
  const tree = applicableTree(input.framework.nodes, input.entityType);
  const evidence = indexEvidence(input.evidence, input.evidencePolicy);
  const scoreByCode = new Map(input.scores.map((s) => [s.criterionCode, s]));
  const surveyByCode = new Map((input.survey ?? []).map((s) => [s.criterionCode, s.points]));
  const unitsByCode = new Map<string, Set<string>>();
  for (const r of input.responsibilities ?? [])
    for (const code of r.criterionCodes) {
      const set = unitsByCode.get(code);
      if (set) set.add(r.unitId);
      else unitsByCode.set(code, new Set([r.unitId]));
    }
  const unitsOf = (code: string) => [...(unitsByCode.get(code) ?? [])].sort();

  const criteria: CriterionReadiness[] = [];
  const adjustments: CriterionReadiness[] = [];
  const survey: SurveyReadiness[] = [];
  for (const n of tree.leaves) {
    const role = roleOf(n);
    if (n.method === 'survey') {
      // Bonus/penalty survey leaves have no place in §4; only regular survey points enter the index.
      if (role !== 'regular') continue;
      const raw = surveyByCode.get(n.code);
      survey.push({
        code: n.code,
        maxPoints: n.maxPoints,
        imported: raw !== undefined,
        points: raw === undefined ? 0 : clamp(raw, n.minPoints ?? 0, n.maxPoints),
      });
      continue;
    }
    const c = criterionReadiness(n, evidence.get(n.code), scoreByCode.get(n.code), unitsOf(n.code));
    (role === 'regular' ? criteria : adjustments).push(c);
  }

  // Totals over L, in code order.
  const total = newAcc();
  for (const c of criteria) addCriterion(total, c);
  let appraisedPoints = 0;
  let appraisedCount = 0;
  let selfNotAppraised = 0;
  for (const c of criteria)
    if (c.appraised) {
      appraisedPoints += c.projectedPoints;
      appraisedCount++;
    } else selfNotAppraised += c.selfScore ?? 0;
  for (const s of survey) {
    total.surveyMax += s.maxPoints;
    total.survey += s.points;
  }

  // Node roll-ups: each leaf adds itself to every ancestor.
  const accs = new Map<string, Acc>();
  const accFor = (code: string) => {
    let a = accs.get(code);
    if (!a) {
      a = newAcc();
      accs.set(code, a);
    }
    return a;
  };
  const ancestors = (code: string, role: NodeRole, visit: (code: string) => void) => {
    for (let p = tree.parent.get(code); p !== undefined; p = tree.parent.get(p) ?? parentOf(p)) {
      const pn = tree.byCode.get(p);
      if (pn && roleOf(pn) !== role) break;
      visit(p);
    }
  };
  for (const c of criteria) ancestors(c.code, 'regular', (p) => addCriterion(accFor(p), c));
  for (const s of survey)
    ancestors(s.code, 'regular', (p) => {
      const a = accFor(p);
      a.surveyMax += s.maxPoints;
      a.survey += s.points;
    });
  for (const c of adjustments) ancestors(c.code, c.role, (p) => addCriterion(accFor(p), c));

  // Bonus and penalty: the sum of each top node's leaves, capped at that node's max.
  const adjust = { bonus: { points: 0, max: 0, claimed: 0 }, penalty: { points: 0, max: 0, claimed: 0 } };
  const topOf = (c: CriterionReadiness) => {
    let top = c.code;
    ancestors(c.code, c.role, (p) => {
      top = p;
    });
    return top;
  };
  const tops = new Map<string, { role: 'bonus' | 'penalty'; sum: number }>();
  for (const c of adjustments) {
    const top = topOf(c);
    const entry = tops.get(top) ?? { role: c.role as 'bonus' | 'penalty', sum: 0 };
    entry.sum += c.projectedPoints;
    tops.set(top, entry);
  }
  for (const [code, t] of [...tops].sort((a, b) => compareCodes(a[0], b[0]))) {
    const max = tree.byCode.get(code)!.maxPoints;
    adjust[t.role].points += Math.min(t.sum, max);
    adjust[t.role].claimed += t.sum;
    adjust[t.role].max += max;
  }

  const byNode: NodeRollup[] = tree.inner
    .filter((n) => accs.has(n.code))
    .map((n) => {
      const a = accs.get(n.code)!;
      const role = roleOf(n);
      const regular = role === 'regular';
      const projected = regular ? a.projected : Math.min(a.projected, n.maxPoints);
      return {
        code: n.code,
        role,
        depth: n.code.split('.').length,
        ...rollupOf({ ...a, projected }),
        surveyMaxPoints: round2(a.surveyMax),
        surveyPoints: round2(a.survey),
        projectedPercent: regular
          ? percent(a.projected + a.survey, a.max + a.surveyMax)
          : percent(projected, n.maxPoints),
      };
    });

  const unitAccs = new Map<string | null, { acc: Acc; codes: string[] }>();
  for (const c of criteria) {
    for (const u of c.unitIds.length ? c.unitIds : [null]) {
      let e = unitAccs.get(u);
      if (!e) {
        e = { acc: newAcc(), codes: [] };
        unitAccs.set(u, e);
      }
      addCriterion(e.acc, c);
      e.codes.push(c.code);
    }
  }
  const byUnit: UnitRollup[] = [...unitAccs]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([unitId, e]) => ({ unitId, criterionCodes: e.codes, ...rollupOf(e.acc) }));

  const bonusPoints = round2(adjust.bonus.points);
  const penaltyPoints = round2(adjust.penalty.points);
  const surveyPoints = round2(total.survey);
  const numerator = total.projected + adjust.bonus.points - adjust.penalty.points + total.survey;
  const denominator = total.max + total.surveyMax;
  const projectedIndexPercent = percent(numerator, denominator);
  const band = bandFor(input.framework.bands, projectedIndexPercent);
  const t = rollupOf(total);
  const bandsText = [...input.framework.bands]
    .sort((a, b) => b.minPercent - a.minPercent)
    .map((b) => `${b.name} ≥ ${b.minPercent}`)
    .join('; ');

  const how: Record<Figure, Explanation> = {
    completenessPercent: {
      formula: '|complete| / |L| × 100; complete ⇔ self score ∧ (coverage = 1 ∨ explanation)',
      inputs: { complete: t.completeCount, criteria: t.criteriaCount },
      value: t.completenessPercent,
    },
    completenessByPointsPercent: {
      formula: 'Σ max(c) over complete c / Σ max(c) × 100',
      inputs: { completeMaxPoints: round2(total.completeMax), maxPoints: t.maxPoints },
      value: t.completenessByPointsPercent,
    },
    evidenceCoveragePercent: {
      formula: 'Σ coverage(c) / |L| × 100; coverage = slots filled / slots',
      inputs: {
        coverageSum: round2(total.coverage),
        criteria: t.criteriaCount,
        policy: input.evidencePolicy,
      },
      value: t.coveragePercent,
    },
    projectedPoints: {
      formula: 'Σ p(c); p = appraised score if appraised, else self score × coverage',
      inputs: {
        appraisedCriteria: appraisedCount,
        appraisedPoints: round2(appraisedPoints),
        selfTimesCoverage: round2(total.projected - appraisedPoints),
      },
      value: t.projectedPoints,
    },
    atRiskPoints: {
      formula: 'Σ (self − p) over criteria not yet appraised',
      inputs: {
        selfPoints: round2(selfNotAppraised),
        projectedPoints: round2(total.projected - appraisedPoints),
      },
      value: t.atRiskPoints,
    },
    bonusPoints: {
      formula: 'Σ over bonus nodes of min(Σ p(leaf), node max); p = appraised, else self × coverage',
      inputs: { claimed: round2(adjust.bonus.claimed), cap: round2(adjust.bonus.max) },
      value: bonusPoints,
    },
    penaltyPoints: {
      formula: 'Σ over penalty nodes of min(Σ p(leaf), node max); p = appraised, else self',
      inputs: { declared: round2(adjust.penalty.claimed), cap: round2(adjust.penalty.max) },
      value: penaltyPoints,
    },
    surveyPoints: {
      formula: 'Σ imported survey points, each within its node’s scale',
      inputs: {
        imported: survey.filter((s) => s.imported).length,
        surveyCriteria: survey.length,
        surveyMaxPoints: round2(total.surveyMax),
      },
      value: surveyPoints,
    },
    projectedIndexPercent: {
      formula: '(Σ p + bonus − penalty + survey points) / (Σ max + survey max) × 100, within 0–100',
      inputs: {
        projectedPoints: t.projectedPoints,
        bonusPoints,
        penaltyPoints,
        surveyPoints,
        maxPoints: t.maxPoints,
        surveyMaxPoints: round2(total.surveyMax),
        numerator: round2(numerator),
        denominator: round2(denominator),
      },
      value: projectedIndexPercent,
    },
    band: {
      formula: 'highest band whose minimum ≤ projected index %',
      inputs: { projectedIndexPercent, bands: bandsText },
      value: band ?? null,
    },
  };

  return {
    formulaVersion: FORMULA_VERSION,
    criteriaCount: t.criteriaCount,
    completeCount: t.completeCount,
    completenessPercent: t.completenessPercent,
    completenessByPointsPercent: t.completenessByPointsPercent,
    evidenceCoveragePercent: t.coveragePercent,
    projectedPoints: t.projectedPoints,
    atRiskPoints: t.atRiskPoints,
    maxPoints: t.maxPoints,
    surveyMaxPoints: round2(total.surveyMax),
    surveyPoints,
    bonusPoints,
    bonusMaxPoints: round2(adjust.bonus.max),
    penaltyPoints,
    penaltyMaxPoints: round2(adjust.penalty.max),
    projectedIndexPercent,
    band,
    criteria,
    adjustments,
    survey,
    byNode,
    byUnit,
    how,
    explain: {
      completeness: `${t.completeCount} / ${t.criteriaCount} tiêu chí hoàn thành (complete criteria)`,
      projectedIndex: `(${t.projectedPoints} + ${bonusPoints} − ${penaltyPoints} + ${surveyPoints}) / (${t.maxPoints} + ${round2(total.surveyMax)}) × 100`,
      surveyPoints,
      bonusPoints,
      penaltyPoints,
      evidencePolicy: input.evidencePolicy,
    },
  };
}

// ——— Unit, cycle and snapshot views: derived from `computeReadiness` results only ———

export interface UnitReadiness {
  formulaVersion: string;
  unitId: string;
  rollup: Rollup;
  criteria: CriterionReadiness[];
  adjustments: CriterionReadiness[];
}

/** A unit's share of an entity's readiness: its roll-up and the criteria it covers. */
export function unitReadiness(r: Readiness, unitId: string): UnitReadiness {
  const found = r.byUnit.find((u) => u.unitId === unitId);
  const {
    unitId: _u,
    criterionCodes: _c,
    ...rollup
  } = found ?? {
    unitId,
    criterionCodes: [],
    ...rollupOf(newAcc()),
  };
  return {
    formulaVersion: r.formulaVersion,
    unitId,
    rollup,
    criteria: r.criteria.filter((c) => c.unitIds.includes(unitId)),
    adjustments: r.adjustments.filter((c) => c.unitIds.includes(unitId)),
  };
}

export interface RankedEntity {
  rank: number;
  entityId: string;
  projectedIndexPercent: number;
  completenessPercent: number;
  completenessByPointsPercent: number;
  evidenceCoveragePercent: number;
  projectedPoints: number;
  atRiskPoints: number;
  criteriaCount: number;
  completeCount: number;
  band?: string;
}

export interface CycleRanking {
  formulaVersion: string;
  entities: RankedEntity[];
  totals: {
    entityCount: number;
    criteriaCount: number;
    completeCount: number;
    completenessPercent: number;
    meanProjectedIndexPercent: number;
    atRiskPoints: number;
    bands: Record<string, number>;
  };
  how: { ranking: Explanation; completenessPercent: Explanation; meanProjectedIndexPercent: Explanation };
}

/** Ranks the entities of a cycle (decision 10). The result does not depend on the order of `entries`. */
export function rankEntities(entries: readonly { entityId: string; readiness: Readiness }[]): CycleRanking {
  const rows = entries
    .map(({ entityId, readiness: r }) => ({
      entityId,
      projectedIndexPercent: r.projectedIndexPercent,
      completenessPercent: r.completenessPercent,
      completenessByPointsPercent: r.completenessByPointsPercent,
      evidenceCoveragePercent: r.evidenceCoveragePercent,
      projectedPoints: r.projectedPoints,
      atRiskPoints: r.atRiskPoints,
      criteriaCount: r.criteriaCount,
      completeCount: r.completeCount,
      band: r.band,
    }))
    .sort(
      (a, b) =>
        b.projectedIndexPercent - a.projectedIndexPercent ||
        b.completenessPercent - a.completenessPercent ||
        (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
    );
  const ranked: RankedEntity[] = [];
  rows.forEach((row, i) => {
    const prev = ranked[i - 1];
    const rank = prev && prev.projectedIndexPercent === row.projectedIndexPercent ? prev.rank : i + 1;
    ranked.push({ rank, ...row });
  });
  let criteria = 0;
  let complete = 0;
  let indexSum = 0;
  let atRisk = 0;
  const bands: Record<string, number> = {};
  for (const r of ranked) {
    criteria += r.criteriaCount;
    complete += r.completeCount;
    indexSum += r.projectedIndexPercent;
    atRisk += r.atRiskPoints;
    if (r.band) bands[r.band] = (bands[r.band] ?? 0) + 1;
  }
  const mean = ranked.length ? round2(indexSum / ranked.length) : 0;
  const completenessPercent = percent(complete, criteria);
  return {
    formulaVersion: FORMULA_VERSION,
    entities: ranked,
    totals: {
      entityCount: ranked.length,
      criteriaCount: criteria,
      completeCount: complete,
      completenessPercent,
      meanProjectedIndexPercent: mean,
      atRiskPoints: round2(atRisk),
      bands,
    },
    how: {
      ranking: {
        formula: 'by projected index % descending; equal % share a rank; ties by completeness, then id',
        inputs: { entities: ranked.length },
        value: null,
      },
      completenessPercent: {
        formula: 'Σ complete / Σ |L| over all entities × 100',
        inputs: { complete, criteria },
        value: completenessPercent,
      },
      meanProjectedIndexPercent: {
        formula: 'Σ projected index % / number of entities',
        inputs: { sum: round2(indexSum), entities: ranked.length },
        value: mean,
      },
    },
  };
}

/** What a daily snapshot keeps of a readiness result (a trend chart's point). */
export interface ReadinessSnapshotFigures {
  formulaVersion: string;
  criteriaCount: number;
  completeCount: number;
  completenessPercent: number;
  completenessByPointsPercent: number;
  evidenceCoveragePercent: number;
  projectedPoints: number;
  atRiskPoints: number;
  projectedIndexPercent: number;
  band?: string;
}

/** A stored daily snapshot of one entity's readiness. */
export interface ReadinessSnapshot extends ReadinessSnapshotFigures {
  cycleId: string;
  entityId: string;
  /** Calendar day in Asia/Ho_Chi_Minh. */
  date: string;
  takenAt: string;
}

export function snapshotFigures(r: Readiness): ReadinessSnapshotFigures {
  return {
    formulaVersion: r.formulaVersion,
    criteriaCount: r.criteriaCount,
    completeCount: r.completeCount,
    completenessPercent: r.completenessPercent,
    completenessByPointsPercent: r.completenessByPointsPercent,
    evidenceCoveragePercent: r.evidenceCoveragePercent,
    projectedPoints: r.projectedPoints,
    atRiskPoints: r.atRiskPoints,
    projectedIndexPercent: r.projectedIndexPercent,
    ...(r.band !== undefined ? { band: r.band } : {}),
  };
}
