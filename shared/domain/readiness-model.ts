/**
 * The readiness module's vocabulary: its inputs (facts), its results (figures, per criterion, roll-ups, `how`)
 * and the number rules every figure shares (docs/readiness.md, rule 11: round at the end, percentages within
 * 0–100). The formula itself is `computeReadiness` in readiness.ts.
 */

import type { EvidenceState } from './evidence.ts';
import type { EvidenceSlot, Framework, NodeRole } from './framework.ts';
import type { EntityType } from './organization.ts';

/**
 * 3.1.0: a second index on the self-assessed part alone, rescaled to 100, beside the full formula while survey
 * points are not imported (`selfAssessedIndexPercent`, `surveyPending`).
 * 3.0.0: partial slots (k/n, distinct periods), a criterion sent back is not complete, completeness on an
 * explanation counted apart, at-risk adds past-due unscored criteria (due dates and today are inputs).
 * 2.0.0: applicability, bonus/penalty and survey per node, review state, roll-ups, ranking, `how`.
 */
export const FORMULA_VERSION = 'readiness/3.1.0';

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
  'selfAssessedIndexPercent',
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
  /**
   * Rule 15: the index on the self-assessed part alone, rescaled to 100 — (Σ p + bonus − penalty) / Σ max × 100,
   * within 0–100 — and its band. Equal to the projected index when the framework has no survey points.
   */
  selfAssessedIndexPercent: number;
  selfAssessedBand?: string;
  /** Some applicable survey item is not imported yet: the full formula counts it 0 (rule 15). */
  surveyPending: boolean;
  /** How many applicable survey items are not imported yet. */
  surveyPendingCount: number;
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

export const round2 = (n: number): number => Math.round(n * 100) / 100;
export const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
export const percent = (num: number, den: number): number =>
  den === 0 ? 0 : round2(clamp((num / den) * 100, 0, 100));
