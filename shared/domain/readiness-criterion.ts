/**
 * One leaf's figures (docs/readiness.md, "The formula" table): coverage, ready/complete, p(c), late and at risk
 * for a criterion; clamped points for a survey leaf. The facts each leaf needs are indexed once per entity.
 */

import type { NodeRole } from './framework.ts';
import {
  type CriterionReadiness,
  clamp,
  type EvidenceFact,
  type ReadinessInput,
  type ScoreFact,
  type SurveyReadiness,
} from './readiness-model.ts';
import { countedEvidence, coverageOf } from './readiness-slots.ts';
import type { LeafPlan, Node } from './readiness-tree.ts';

/** Rule 4: an appraised score counts once accepted (or with no state: facts from before the review workflow). */
export function isAppraised(s: ScoreFact | undefined): boolean {
  return s?.appraisedScore !== undefined && (s.state === undefined || s.state === 'accepted');
}

/** Rule 13: a reopening of the entity, or of one of the criterion's units, moves its due date to that day. */
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

/** The entity's facts, filed once by the position of their criterion among the framework's leaves. */
export interface Facts {
  /** Rule 2: the evidence that counts. */
  evidence: (EvidenceFact[] | undefined)[];
  scores: (ScoreFact | undefined)[];
  /** Rule 6: imported survey points. */
  survey: (number | undefined)[];
  /** Rule 9: responsible units, each once, sorted. */
  units: (string[] | undefined)[];
  /** Rule 13: the earliest due date of the tasks covering the criterion. */
  due: (string | undefined)[];
}

/** Rule 9 and 13: the units responsible for each criterion and its earliest task due date. */
function fileResponsibilities(facts: Facts, input: ReadinessInput, leafIndex: ReadonlyMap<string, number>) {
  for (const r of input.responsibilities ?? [])
    for (const code of r.criterionCodes) {
      const at = leafIndex.get(code);
      if (at === undefined) continue;
      const list = facts.units[at];
      if (!list) facts.units[at] = [r.unitId];
      else if (!list.includes(r.unitId)) list.push(r.unitId);
      const known = facts.due[at];
      if (r.dueDate && (known === undefined || r.dueDate < known)) facts.due[at] = r.dueDate;
    }
  for (const list of facts.units) if (list && list.length > 1) list.sort();
}

/** Every fact of the entity read once, filed by criterion (rules 2, 4, 6, 9, 13). */
export function indexFacts(input: ReadinessInput, leafIndex: ReadonlyMap<string, number>): Facts {
  const n = leafIndex.size;
  const facts: Facts = {
    evidence: countedEvidence(input.evidence, input.evidencePolicy, leafIndex),
    scores: new Array(n).fill(undefined),
    survey: new Array(n).fill(undefined),
    units: new Array(n).fill(undefined),
    due: new Array(n).fill(undefined),
  };
  for (const s of input.scores) {
    const at = leafIndex.get(s.criterionCode);
    if (at !== undefined) facts.scores[at] = s;
  }
  for (const s of input.survey ?? []) {
    const at = leafIndex.get(s.criterionCode);
    if (at !== undefined) facts.survey[at] = s.points;
  }
  fileResponsibilities(facts, input, leafIndex);
  return facts;
}

/** Rule 6: imported points clamped to [minPoints ?? 0, max]; not imported yet counts 0. */
export function surveyLeaf(leaf: LeafPlan, facts: Facts): SurveyReadiness {
  const { node } = leaf;
  const raw = facts.survey[leaf.factsAt];
  return {
    code: node.code,
    maxPoints: node.maxPoints,
    imported: raw !== undefined,
    points: raw === undefined ? 0 : clamp(raw, node.minPoints ?? 0, node.maxPoints),
  };
}

/** p(c), rules 3–5: appraised if appraised; a penalty in full; else self × coverage. Adjustments within [0, max]. */
function projectedPoints(
  role: NodeRole,
  maxPoints: number,
  score: ScoreFact | undefined,
  appraised: boolean,
  coverage: number,
): number {
  let projected: number;
  if (appraised) projected = score!.appraisedScore!;
  else if (role === 'penalty') projected = score?.selfScore ?? 0;
  else projected = (score?.selfScore ?? 0) * coverage;
  return role === 'regular' ? projected : clamp(projected, 0, maxPoints);
}

/** Rule 13: due date (tasks, else the cycle's deadline, moved by reopenings) and whether it has passed. */
function dueOf(at: number, unitIds: readonly string[], facts: Facts, input: ReadinessInput) {
  const dueDate = withReopenings(facts.due[at] ?? input.defaultDueDate, unitIds, input.reopenings);
  const pastDue = input.today !== undefined && dueDate !== undefined && dueDate < input.today;
  return { dueDate, pastDue };
}

/** Rules 3, 4 and 14: what the criterion's score says, given its coverage. */
function scoreStatus(score: ScoreFact | undefined, coverage: number) {
  const selfScore = score?.selfScore;
  const explanationGiven = Boolean(score?.explanation?.trim());
  const sentBack = score?.state === 'changes_requested';
  const ready = selfScore !== undefined && (coverage === 1 || explanationGiven);
  const complete = ready && !sentBack;
  const completeByExplanation = complete && coverage < 1;
  return {
    selfScore,
    explanationGiven,
    appraised: isAppraised(score),
    sentBack,
    ready,
    complete,
    completeByExplanation,
  };
}

/** atRisk(c): the self score's excess over p(c), plus the whole max when late and unscored (rule 13). */
function atRisk(
  role: NodeRole,
  maxPoints: number,
  status: ReturnType<typeof scoreStatus>,
  pastDue: boolean,
  projected: number,
) {
  const { selfScore, appraised } = status;
  // Only regular criteria carry late points: an unclaimed bonus or undeclared penalty loses nothing.
  const lateUnscored = role === 'regular' && pastDue && selfScore === undefined && !appraised;
  const atRiskPoints = appraised
    ? 0
    : Math.max(0, (selfScore ?? 0) - projected) + (lateUnscored ? maxPoints : 0);
  return { lateUnscored, atRiskPoints };
}

/** One criterion (L or bonus/penalty): the formula table of docs/readiness.md, rules 2–5, 13 and 14. */
export function criterionReadiness(leaf: LeafPlan, facts: Facts, input: ReadinessInput): CriterionReadiness {
  const { node, role } = leaf;
  const at = leaf.factsAt;
  const coverage = coverageOf(leaf.slots, facts.evidence[at], input);
  const score = facts.scores[at];
  const unitIds = facts.units[at] ?? [];
  const due = dueOf(at, unitIds, facts, input);
  const status = scoreStatus(score, coverage.coverage);
  const projected = projectedPoints(role, node.maxPoints, score, status.appraised, coverage.coverage);
  const risk = atRisk(role, node.maxPoints, status, due.pastDue, projected);
  return resultOf(node, role, { coverage, score, status, due, projected, risk, unitIds });
}

/** The criterion's result with its fields in the documented order (`dueDate` only when there is one). */
function resultOf(
  node: Node,
  role: NodeRole,
  parts: {
    coverage: ReturnType<typeof coverageOf>;
    score: ScoreFact | undefined;
    status: ReturnType<typeof scoreStatus>;
    due: ReturnType<typeof dueOf>;
    projected: number;
    risk: ReturnType<typeof atRisk>;
    unitIds: string[];
  },
): CriterionReadiness {
  const { code, maxPoints } = node;
  const { slots, slotsFilled, coverage } = parts.coverage;
  const { selfScore, explanationGiven, appraised, sentBack, ready, complete, completeByExplanation } =
    parts.status;
  const appraisedScore = parts.score?.appraisedScore;
  const state = parts.score?.state;
  const { dueDate, pastDue } = parts.due;
  const { lateUnscored, atRiskPoints } = parts.risk;
  const projectedPoints = parts.projected;
  const { unitIds } = parts;
  return dueDate !== undefined
    ? {
        code,
        role,
        maxPoints,
        slots,
        slotsFilled,
        coverage,
        selfScore,
        explanationGiven,
        appraised,
        appraisedScore,
        state,
        sentBack,
        ready,
        complete,
        completeByExplanation,
        dueDate,
        pastDue,
        lateUnscored,
        projectedPoints,
        atRiskPoints,
        unitIds,
      }
    : {
        code,
        role,
        maxPoints,
        slots,
        slotsFilled,
        coverage,
        selfScore,
        explanationGiven,
        appraised,
        appraisedScore,
        state,
        sentBack,
        ready,
        complete,
        completeByExplanation,
        pastDue,
        lateUnscored,
        projectedPoints,
        atRiskPoints,
        unitIds,
      };
}
