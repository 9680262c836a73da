/**
 * Readiness (BRIEF §4): the one formula module. Pure: no I/O, no clock. The API, exports and reminders call
 * only this, and every result carries `formulaVersion` and the inputs that produced it so the UI can show
 * "how this is computed".
 *
 * Decisions where §4 is silent (documented here and tested):
 * - Evidence fills a slot when its document type equals the slot's kind; a criterion with no declared slots
 *   has one implicit slot "≥ 1 file of any type".
 * - A criterion without a self score projects 0 points and is not complete.
 * - `evidenceCoveragePercent` (mean of coverage(c) over L) is reported beside completeness: it is the figure
 *   that moves as soon as files arrive, before anyone self-scores.
 * - Percentages are rounded to 2 decimals at the end, never in between.
 */

import { countsAsFilled, type EvidenceState } from './evidence.ts';
import { bandFor, type Framework, type FrameworkNode, leaves, roleOf } from './framework.ts';

export const FORMULA_VERSION = 'readiness/1.0.0';

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
}

export interface ReadinessInput {
  framework: Pick<Framework, 'nodes' | 'bands'>;
  evidence: readonly EvidenceFact[];
  scores: readonly ScoreFact[];
  evidencePolicy: 'available' | 'accepted';
  surveyPoints?: number;
  bonusPoints?: number;
  penaltyPoints?: number;
}

export interface SlotResult {
  kind: string;
  minCount: number;
  count: number;
  filled: boolean;
}

export interface CriterionReadiness {
  code: string;
  maxPoints: number;
  slots: SlotResult[];
  slotsFilled: number;
  coverage: number;
  selfScore?: number;
  explanationGiven: boolean;
  appraised: boolean;
  complete: boolean;
  projectedPoints: number;
  atRiskPoints: number;
}

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
  projectedIndexPercent: number;
  band?: string;
  criteria: CriterionReadiness[];
  /** The aggregate inputs, spelled out for "how this is computed". */
  explain: {
    completeness: string;
    projectedIndex: string;
    surveyPoints: number;
    bonusPoints: number;
    penaltyPoints: number;
    evidencePolicy: 'available' | 'accepted';
  };
}

const IMPLICIT_SLOT = { kind: '*', minCount: 1 } as const;

const round2 = (n: number): number => Math.round(n * 100) / 100;
const percent = (num: number, den: number): number =>
  den === 0 ? 0 : round2(Math.min(100, Math.max(0, (num / den) * 100)));

function criterionReadiness(
  node: FrameworkNode,
  evidence: readonly EvidenceFact[],
  score: ScoreFact | undefined,
  policy: 'available' | 'accepted',
): CriterionReadiness {
  const counted = evidence.filter((e) => countsAsFilled(e.state, policy));
  const declared = node.slots.length > 0 ? node.slots : [IMPLICIT_SLOT];
  const slots = declared.map((slot) => {
    const count = counted.filter((e) => slot.kind === '*' || e.documentType === slot.kind).length;
    return { kind: slot.kind, minCount: slot.minCount, count, filled: count >= slot.minCount };
  });
  const slotsFilled = slots.filter((s) => s.filled).length;
  const coverage = slotsFilled / slots.length;
  const selfScore = score?.selfScore;
  const explanationGiven = Boolean(score?.explanation?.trim());
  const appraised = score?.appraisedScore !== undefined;
  const complete = selfScore !== undefined && (coverage === 1 || explanationGiven);
  const projectedPoints = appraised ? score!.appraisedScore! : (selfScore ?? 0) * coverage;
  return {
    code: node.code,
    maxPoints: node.maxPoints,
    slots,
    slotsFilled,
    coverage,
    selfScore,
    explanationGiven,
    appraised,
    complete,
    projectedPoints,
    atRiskPoints: appraised ? 0 : (selfScore ?? 0) - projectedPoints,
  };
}

export function computeReadiness(input: ReadinessInput): Readiness {
  const allLeaves = leaves(input.framework.nodes);
  // Bonus and penalty nodes sit outside L and outside the maximum: they arrive as bonus/penalty points.
  const regular = allLeaves.filter((n) => roleOf(n) === 'regular');
  const scored = regular
    .filter((n) => n.method === 'evidence' || n.method === 'computed')
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const surveyMaxPoints = regular.filter((n) => n.method === 'survey').reduce((s, n) => s + n.maxPoints, 0);

  const evidenceByCode = new Map<string, EvidenceFact[]>();
  for (const e of input.evidence) {
    for (const code of new Set(e.criterionCodes)) {
      const list = evidenceByCode.get(code);
      if (list) list.push(e);
      else evidenceByCode.set(code, [e]);
    }
  }
  const scoreByCode = new Map(input.scores.map((s) => [s.criterionCode, s]));

  const criteria = scored.map((n) =>
    criterionReadiness(n, evidenceByCode.get(n.code) ?? [], scoreByCode.get(n.code), input.evidencePolicy),
  );

  const maxPoints = criteria.reduce((s, c) => s + c.maxPoints, 0);
  const completeCount = criteria.filter((c) => c.complete).length;
  const completePoints = criteria.reduce((s, c) => s + (c.complete ? c.maxPoints : 0), 0);
  const projected = criteria.reduce((s, c) => s + c.projectedPoints, 0);
  const atRisk = criteria.reduce((s, c) => s + c.atRiskPoints, 0);
  const coverageSum = criteria.reduce((s, c) => s + c.coverage, 0);
  const surveyPoints = input.surveyPoints ?? 0;
  const bonusPoints = input.bonusPoints ?? 0;
  const penaltyPoints = input.penaltyPoints ?? 0;
  const projectedIndexPercent = percent(
    projected + bonusPoints - penaltyPoints + surveyPoints,
    maxPoints + surveyMaxPoints,
  );

  return {
    formulaVersion: FORMULA_VERSION,
    criteriaCount: criteria.length,
    completeCount,
    completenessPercent: percent(completeCount, criteria.length),
    completenessByPointsPercent: percent(completePoints, maxPoints),
    evidenceCoveragePercent: percent(coverageSum, criteria.length),
    projectedPoints: round2(projected),
    atRiskPoints: round2(atRisk),
    maxPoints,
    surveyMaxPoints,
    projectedIndexPercent,
    band: bandFor(input.framework.bands, projectedIndexPercent),
    criteria,
    explain: {
      completeness: `${completeCount} / ${criteria.length} tiêu chí hoàn thành (complete criteria)`,
      projectedIndex: `(${round2(projected)} + ${bonusPoints} − ${penaltyPoints} + ${surveyPoints}) / (${maxPoints} + ${surveyMaxPoints}) × 100`,
      surveyPoints,
      bonusPoints,
      penaltyPoints,
      evidencePolicy: input.evidencePolicy,
    },
  };
}
