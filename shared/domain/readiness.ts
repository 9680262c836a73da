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
 */

import { countsAsFilled, type EvidenceState } from './evidence.ts';
import {
  bandFor,
  type EvidenceSlot,
  type Framework,
  type FrameworkNode,
  type NodeRole,
  roleOf,
} from './framework.ts';
import type { EntityType } from './organization.ts';
import { explainFigures } from './readiness-how.ts';

/**
 * 3.0.0: partial slots (k/n, distinct periods), a criterion sent back is not complete, completeness on an
 * explanation counted apart, at-risk adds past-due unscored criteria (due dates and today are inputs).
 * 2.0.0: applicability, bonus/penalty and survey per node, review state, roll-ups, ranking, `how`.
 */
export const FORMULA_VERSION = 'readiness/3.0.0';

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
  /** A period rule reads the effective period's start, else the issue date (docs/readiness.md, rule 2). */
  issueDate?: string;
  effectivePeriod?: { from: string; to?: string };
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

/** A unit responsible for criteria (from the cycle's assignments), by its due date. */
export interface ResponsibilityFact {
  unitId: string;
  criterionCodes: readonly string[];
  /** YYYY-MM-DD, the last day of the task. */
  dueDate?: string;
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
  /** Today in Asia/Ho_Chi_Minh (YYYY-MM-DD). Absent: nothing is past due. */
  today?: string;
  /** Due date of criteria that no assignment dates: the cycle's self-assessment deadline. */
  defaultDueDate?: string;
  /** Self-assessments reopened until a later day, for the whole entity (no unit) or one unit. */
  reopenings?: readonly { unitId?: string; until: string }[];
  /** The assessed year: under a period rule only documents of this year qualify. Absent: any year. */
  assessmentYear?: number;
}

export type SlotPeriod = Exclude<NonNullable<EvidenceSlot['period']>, 'any'>;

export interface SlotResult {
  kind: string;
  minCount: number;
  /** The slot's period rule (absent: any document of the kind counts). */
  period?: SlotPeriod;
  /** k: counted documents; with a period rule, distinct qualifying periods plus undated documents. */
  count: number;
  /** Counted documents of the slot's kind, before any period rule. */
  documents: number;
  /** With a period rule: counted documents without a date (each taken as one period, to be dated). */
  undated: number;
  /** With a period rule: documents dated outside the assessed year (they do not count). */
  outsideYear: number;
  /** With a period rule: the periods covered, e.g. `2023-Q1`, in order. */
  periods: string[];
  /** min(count / minCount, 1). */
  fill: number;
  filled: boolean;
}

export interface CriterionReadiness {
  code: string;
  role: NodeRole;
  maxPoints: number;
  slots: SlotResult[];
  /** Σ fill over the slots (a half-filled slot adds 0.5). */
  slotsFilled: number;
  coverage: number;
  selfScore?: number;
  explanationGiven: boolean;
  appraised: boolean;
  appraisedScore?: number;
  state?: ReviewState;
  /** The reviewer sent it back for changes: not complete until resubmitted. */
  sentBack: boolean;
  /** Self-scored with full coverage or an explanation: what a submission (or resubmission) needs. */
  ready: boolean;
  /** Ready and not sent back for changes. */
  complete: boolean;
  /** Complete on an explanation (giải trình) rather than full coverage. */
  completeByExplanation: boolean;
  /** Earliest due date of the tasks that cover it, else the cycle's self-assessment deadline. */
  dueDate?: string;
  pastDue: boolean;
  /** Past due, not self-scored, not appraised: its whole max is at risk. */
  lateUnscored: boolean;
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
  completeByExplanationCount: number;
  sentBackCount: number;
  lateUnscoredCount: number;
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

/** One figure's formula, the numbers that went in, what came out, and the same in plain words. */
export interface Explanation {
  formula: string;
  inputs: Record<string, number | string>;
  value: number | string | null;
  /** The computation in sentences with this entity's numbers (entity readiness only). */
  says?: { vi: string; en: string };
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
  completeByExplanationCount: number;
  sentBackCount: number;
  lateUnscoredCount: number;
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
  /** The date "past due" was judged against (the input's `today`). */
  today?: string;
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

/** The evidence that counts under the policy, per criterion code; an evidence linked twice counts once. */
function indexEvidence(evidence: readonly EvidenceFact[], policy: EvidencePolicy) {
  const byCode = new Map<string, EvidenceFact[]>();
  for (const e of evidence) {
    if (!countsAsFilled(e.state, policy)) continue;
    const codes = e.criterionCodes;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      // Lists are short: no Set needed to skip a code linked twice.
      if (i > 0 && codes.lastIndexOf(code, i - 1) >= 0) continue;
      const list = byCode.get(code);
      if (list) list.push(e);
      else byCode.set(code, [e]);
    }
  }
  return byCode;
}

/** The period a date falls in under a slot's rule: `2023`, `2023-H2`, `2023-Q3`, `2023-07`. */
export function periodOf(date: string, period: SlotPeriod): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (period) {
    case 'year':
      return year;
    case 'half-year':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'month':
      return date.slice(0, 7);
  }
}

export interface SlotOptions {
  assessmentYear?: number;
}

/** One slot against the criterion's counted evidence (docs/readiness.md, rules 1–2). */
function fillSlot(
  slot: Pick<EvidenceSlot, 'kind' | 'minCount' | 'period'>,
  counted: readonly EvidenceFact[],
  opts: SlotOptions,
): SlotResult {
  const docs = slot.kind === '*' ? counted : counted.filter((e) => e.documentType === slot.kind);
  const period = slot.period && slot.period !== 'any' ? slot.period : undefined;
  let count = docs.length;
  let undated = 0;
  let outsideYear = 0;
  let periods: string[] = [];
  if (period) {
    const seen = new Set<string>();
    for (const e of docs) {
      const date = e.effectivePeriod?.from ?? e.issueDate;
      if (!date) undated++;
      else if (opts.assessmentYear !== undefined && Number(date.slice(0, 4)) !== opts.assessmentYear)
        outsideYear++;
      else seen.add(periodOf(date, period));
    }
    periods = [...seen].sort();
    count = seen.size + undated;
  }
  const fill = Math.min(count / slot.minCount, 1);
  return {
    kind: slot.kind,
    minCount: slot.minCount,
    ...(period ? { period } : {}),
    count,
    documents: docs.length,
    undated,
    outsideYear,
    periods,
    fill,
    filled: fill === 1,
  };
}

/** Slots of one criterion against the evidence that counts for it (also used to validate a self score). */
export function slotCoverage(
  node: Pick<FrameworkNode, 'slots'>,
  counted: readonly EvidenceFact[] | undefined,
  opts: SlotOptions = {},
): { slots: SlotResult[]; slotsFilled: number; coverage: number } {
  const declared = node.slots.length > 0 ? node.slots : [IMPLICIT_SLOT];
  const slots = declared.map((slot) => fillSlot(slot, counted ?? [], opts));
  let slotsFilled = 0;
  for (const s of slots) slotsFilled += s.fill;
  return { slots, slotsFilled, coverage: slotsFilled / slots.length };
}

/** coverage(c) of one criterion from its evidence: the same rule readiness uses, for the self-score check. */
export function criterionCoverage(
  node: Pick<FrameworkNode, 'slots' | 'code'>,
  evidence: readonly EvidenceFact[],
  policy: EvidencePolicy,
  opts: SlotOptions = {},
) {
  return slotCoverage(node, indexEvidence(evidence, policy).get(node.code), opts);
}

function isAppraised(s: ScoreFact | undefined): boolean {
  return s?.appraisedScore !== undefined && (s.state === undefined || s.state === 'accepted');
}

/** Due date per criterion code: the earliest due date of the tasks covering it. */
function dueDatesOf(responsibilities: readonly ResponsibilityFact[]): Map<string, string> {
  const due = new Map<string, string>();
  for (const r of responsibilities) {
    if (!r.dueDate) continue;
    for (const code of r.criterionCodes) {
      const known = due.get(code);
      if (known === undefined || r.dueDate < known) due.set(code, r.dueDate);
    }
  }
  return due;
}

/** A reopening of the entity, or of one of the criterion's units, moves its due date to the reopened day. */
function withReopenings(
  due: string | undefined,
  unitIds: readonly string[],
  reopenings: ReadinessInput['reopenings'],
): string | undefined {
  let out = due;
  for (const r of reopenings ?? [])
    if ((r.unitId === undefined || unitIds.includes(r.unitId)) && out !== undefined && r.until > out)
      out = r.until;
  return out;
}

interface CriterionFacts {
  counted: readonly EvidenceFact[] | undefined;
  score: ScoreFact | undefined;
  unitIds: string[];
  dueDate: string | undefined;
}

function criterionReadiness(
  node: Node,
  facts: CriterionFacts,
  input: Pick<ReadinessInput, 'today' | 'assessmentYear'>,
): CriterionReadiness {
  const { score, dueDate } = facts;
  const role = roleOf(node);
  const { slots, slotsFilled, coverage } = slotCoverage(node, facts.counted, input);
  const selfScore = score?.selfScore;
  const explanationGiven = Boolean(score?.explanation?.trim());
  const appraised = isAppraised(score);
  const sentBack = score?.state === 'changes_requested';
  const ready = selfScore !== undefined && (coverage === 1 || explanationGiven);
  const complete = ready && !sentBack;
  const pastDue = input.today !== undefined && dueDate !== undefined && dueDate < input.today;
  // Only regular criteria carry late points: an unclaimed bonus or undeclared penalty loses nothing.
  const lateUnscored = role === 'regular' && pastDue && selfScore === undefined && !appraised;
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
    sentBack,
    ready,
    complete,
    completeByExplanation: complete && coverage < 1,
    ...(dueDate !== undefined ? { dueDate } : {}),
    pastDue,
    lateUnscored,
    projectedPoints: projected,
    atRiskPoints: appraised
      ? 0
      : Math.max(0, (selfScore ?? 0) - projected) + (lateUnscored ? node.maxPoints : 0),
    unitIds: facts.unitIds,
  };
}

interface Acc {
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
const newAcc = (): Acc => ({
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
function addCriterion(acc: Acc, c: CriterionReadiness) {
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
const rollupOf = (a: Acc): Rollup => ({
  criteriaCount: a.criteria,
  completeCount: a.complete,
  completeByExplanationCount: a.byExplanation,
  sentBackCount: a.sentBack,
  lateUnscoredCount: a.lateUnscored,
  completenessPercent: percent(a.complete, a.criteria),
  completenessByPointsPercent: percent(a.completeMax, a.max),
  coveragePercent: percent(a.coverage, a.criteria),
  maxPoints: round2(a.max),
  projectedPoints: round2(a.projected),
  atRiskPoints: round2(a.atRisk),
});

type Tree = ReturnType<typeof applicableTree>;

/** Visits the ancestors of a code that share its role (a bonus subtree stops at its regular parent). */
function eachAncestor(tree: Tree, code: string, role: NodeRole, visit: (code: string) => void) {
  for (let p = tree.parent.get(code); p !== undefined; p = tree.parent.get(p) ?? parentOf(p)) {
    const pn = tree.byCode.get(p);
    if (pn && roleOf(pn) !== role) break;
    visit(p);
  }
}

/** Per-leaf results: L, bonus/penalty leaves and survey leaves, in code order. */
function leafResults(input: ReadinessInput, tree: Tree) {
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
  const due = dueDatesOf(input.responsibilities ?? []);

  const criteria: CriterionReadiness[] = [];
  const adjustments: CriterionReadiness[] = [];
  const survey: SurveyReadiness[] = [];
  for (const n of tree.leaves) {
    const role = roleOf(n);
    if (n.method === 'survey') {
      // Bonus/penalty survey leaves have no place in the formula; only regular survey points enter the index.
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
    const unitIds = [...(unitsByCode.get(n.code) ?? [])].sort();
    const c = criterionReadiness(
      n,
      {
        counted: evidence.get(n.code),
        score: scoreByCode.get(n.code),
        unitIds,
        dueDate: withReopenings(due.get(n.code) ?? input.defaultDueDate, unitIds, input.reopenings),
      },
      input,
    );
    (role === 'regular' ? criteria : adjustments).push(c);
  }
  return { criteria, adjustments, survey };
}

/** Node roll-ups: each leaf adds itself to every ancestor of its role. */
function nodeRollups(
  tree: Tree,
  criteria: readonly CriterionReadiness[],
  adjustments: readonly CriterionReadiness[],
  survey: readonly SurveyReadiness[],
): NodeRollup[] {
  const accs = new Map<string, Acc>();
  const accFor = (code: string) => {
    let a = accs.get(code);
    if (!a) {
      a = newAcc();
      accs.set(code, a);
    }
    return a;
  };
  for (const c of criteria) eachAncestor(tree, c.code, 'regular', (p) => addCriterion(accFor(p), c));
  for (const s of survey)
    eachAncestor(tree, s.code, 'regular', (p) => {
      const a = accFor(p);
      a.surveyMax += s.maxPoints;
      a.survey += s.points;
    });
  for (const c of adjustments) eachAncestor(tree, c.code, c.role, (p) => addCriterion(accFor(p), c));
  return tree.inner
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
}

/** Bonus and penalty: the sum of each top node's leaves, capped at that node's max. */
function adjustmentTotals(tree: Tree, adjustments: readonly CriterionReadiness[]) {
  const adjust = { bonus: { points: 0, max: 0, claimed: 0 }, penalty: { points: 0, max: 0, claimed: 0 } };
  const tops = new Map<string, { role: 'bonus' | 'penalty'; sum: number }>();
  for (const c of adjustments) {
    let top = c.code;
    eachAncestor(tree, c.code, c.role, (p) => {
      top = p;
    });
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
  return adjust;
}

/** Unit roll-ups (decision: a shared criterion counts in full under each unit; nobody's criteria → `null`). */
function unitRollups(criteria: readonly CriterionReadiness[]): UnitRollup[] {
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
  return [...unitAccs]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([unitId, e]) => ({ unitId, criterionCodes: e.codes, ...rollupOf(e.acc) }));
}

export function computeReadiness(input: ReadinessInput): Readiness {
  const tree = applicableTree(input.framework.nodes, input.entityType);
  const { criteria, adjustments, survey } = leafResults(input, tree);
  const total = newAcc();
  for (const c of criteria) addCriterion(total, c);
  for (const s of survey) {
    total.surveyMax += s.maxPoints;
    total.survey += s.points;
  }
  const adjust = adjustmentTotals(tree, adjustments);
  const bonusPoints = round2(adjust.bonus.points);
  const penaltyPoints = round2(adjust.penalty.points);
  const surveyPoints = round2(total.survey);
  const surveyMaxPoints = round2(total.surveyMax);
  const numerator = total.projected + adjust.bonus.points - adjust.penalty.points + total.survey;
  const denominator = total.max + total.surveyMax;
  const projectedIndexPercent = percent(numerator, denominator);
  const band = bandFor(input.framework.bands, projectedIndexPercent);
  const t = rollupOf(total);

  const result: Omit<Readiness, 'how'> = {
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
    projectedIndexPercent,
    band,
    ...(input.today !== undefined ? { today: input.today } : {}),
    criteria,
    adjustments,
    survey,
    byNode: nodeRollups(tree, criteria, adjustments, survey),
    byUnit: unitRollups(criteria),
    explain: {
      completeness: `${t.completeCount} / ${t.criteriaCount} tiêu chí hoàn thành (complete criteria)`,
      projectedIndex: `(${t.projectedPoints} + ${bonusPoints} − ${penaltyPoints} + ${surveyPoints}) / (${t.maxPoints} + ${surveyMaxPoints}) × 100`,
      surveyPoints,
      bonusPoints,
      penaltyPoints,
      evidencePolicy: input.evidencePolicy,
    },
  };
  const how = explainFigures(result, {
    bands: input.framework.bands,
    policy: input.evidencePolicy,
    completeMaxPoints: round2(total.completeMax),
    coverageSum: round2(total.coverage),
    rawNumerator: round2(numerator),
    rawDenominator: round2(denominator),
    bonusClaimed: round2(adjust.bonus.claimed),
    penaltyDeclared: round2(adjust.penalty.claimed),
  });
  return { ...result, how };
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
