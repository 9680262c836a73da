/**
 * Self-assessment and appraisal (docs/scoring.md): per criterion, the entity's self score (with its
 * explanation, or the numeric inputs of a `computed` criterion) and the reviewer's appraised score, moved
 * through the review states. Pure rules and schemas; shared/usecases/scoring.ts orchestrates them.
 *
 * States:  draft ──submit──▶ submitted ──start review──▶ in_review ──appraise──▶ accepted | changes_requested
 *          changes_requested ──(unit answers) submit──▶ resubmitted ──▶ in_review ──▶ …
 * Decisions:
 * - Units edit only `draft` and `changes_requested` criteria: submitted work is with the reviewers until they
 *   decide. Reviewers appraise `submitted`, `in_review`, `resubmitted`, and may revise an `accepted` one.
 * - Lock: unit-side writes (self score, explanation, inputs, submission) are allowed until the end of the
 *   effective deadline's day in Asia/Ho_Chi_Minh. The deadline is `selfAssessmentDue`, or `appraisalEnd` for
 *   a criterion whose changes were requested (the reviewer's request is itself the opening), extended by a
 *   reopen of the entity or of any unit responsible for the criterion. Comments never lock.
 * - `computed` criteria take a numerator and a denominator; points follow the node's guide when every level
 *   names its lower bound in percent ("95 % to below 100 %", "Below 80 %"), else max × ratio (capped at 1).
 *
 * The records and request bodies are in scoring-schemas.ts (re-exported here).
 */
import { TIME_ZONE } from './common.ts';
import type { FieldIssue } from './errors.ts';
import type { FrameworkNode, GuideLevel } from './framework.ts';
import { REVIEW_STATES, type ReviewState, round2 } from './readiness.ts';
import type { COMPUTED_RULES, Score, SelfScoreBody, Submission } from './scoring-schemas.ts';

export * from './scoring-schemas.ts';
export { REVIEW_STATES, type ReviewState };

// ——— Rules ———

/** The calendar date of an instant in a time zone (`YYYY-MM-DD`). */
export function localDate(instant: Date, timeZone: string = TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** Latest of ISO dates (they sort as strings). */
const maxDate = (...ds: (string | undefined)[]) =>
  ds
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1)!;

/**
 * The last day a unit may still change a criterion, and whether that day has passed. `reopens` are the
 * reopen records of the entity and of the criterion's responsible units.
 */
export function editDeadline(
  dates: { selfAssessmentDue: string; appraisalEnd: string },
  state: ReviewState,
  reopens: readonly Pick<Submission, 'reopenedUntil'>[],
  today: string,
): { deadline: string; locked: boolean } {
  const base =
    state === 'changes_requested'
      ? maxDate(dates.selfAssessmentDue, dates.appraisalEnd)
      : dates.selfAssessmentDue;
  const deadline = maxDate(base, ...reopens.map((r) => r.reopenedUntil));
  return { deadline, locked: today > deadline };
}

const issue = (field: string, vi: string, en: string): FieldIssue => ({ field, message: { vi, en } });
const fmt = (n: number) => ({ vi: n.toLocaleString('vi-VN', { maximumFractionDigits: 2 }), en: String(n) });

/** Lower bounds in percent of a guide's levels, when every level states one; otherwise undefined. */
export function guideThresholds(
  guide: readonly GuideLevel[] | undefined,
): { points: number; minPercent: number }[] | undefined {
  if (!guide?.length) return undefined;
  const out: { points: number; minPercent: number }[] = [];
  for (const level of guide) {
    const bound = thresholdOf(level.label.en) ?? thresholdOf(level.label.vi);
    if (bound === undefined) return undefined;
    out.push({ points: level.points, minPercent: bound });
  }
  return out.sort((a, b) => b.minPercent - a.minPercent || b.points - a.points);
}

function thresholdOf(label: string): number | undefined {
  const s = label.normalize('NFC').trim().toLowerCase();
  if (/^(below|under|less than|dưới|thấp hơn)\b/u.test(s)) return 0;
  const m = /(\d+(?:[.,]\d+)?)\s*%/.exec(s);
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
}

/** Points of a `computed` criterion from its inputs (see the header for the rule). */
export function computedPoints(
  node: Pick<FrameworkNode, 'maxPoints' | 'guide'>,
  numerator: number,
  denominator: number,
): { points: number; percent: number; rule: (typeof COMPUTED_RULES)[number] } {
  const percent = round2((numerator / denominator) * 100);
  const thresholds = guideThresholds(node.guide);
  if (thresholds) {
    const level = thresholds.find((t) => percent >= t.minPercent);
    return { points: level?.points ?? 0, percent, rule: 'guide-thresholds' };
  }
  return {
    points: round2(node.maxPoints * Math.min(1, numerator / denominator)),
    percent,
    rule: 'proportional',
  };
}

type ScoredNode = Pick<FrameworkNode, 'code' | 'method' | 'maxPoints' | 'minPoints' | 'guide' | 'role'>;
type SelfScoreResult = { selfScore: number; computed?: Score['computed'] } | { issues: FieldIssue[] };

/**
 * A self score for one criterion, by the node's method (docs/scoring.md, "Self scores"): survey nodes are
 * never self-scored, `computed` nodes score from their inputs, evidence nodes take a score on their scale.
 */
export function checkSelfScore(
  node: ScoredNode,
  body: Pick<SelfScoreBody, 'selfScore' | 'inputs'>,
): SelfScoreResult {
  if (node.method === 'survey') return refuseSurveySelfScore(node);
  if (node.method === 'computed') return scoreFromInputs(node, body);
  return checkEvidenceScore(node, body);
}

/** "Survey criteria are never self-scored": an admin records the published points instead. */
function refuseSurveySelfScore(node: ScoredNode): SelfScoreResult {
  return {
    issues: [
      issue(
        'path.criterionCode',
        `Tiêu chí ${node.code} lấy điểm từ điều tra xã hội học, không tự chấm.`,
        `Criterion ${node.code} is scored by survey; it cannot be self-scored.`,
      ),
    ],
  };
}

/**
 * "Computed criteria": a numerator and a denominator, never a score; the points, percent and rule come from
 * `computedPoints` and are stored with the score.
 */
function scoreFromInputs(
  node: ScoredNode,
  body: Pick<SelfScoreBody, 'selfScore' | 'inputs'>,
): SelfScoreResult {
  if (body.selfScore !== undefined)
    return {
      issues: [
        issue(
          'body.selfScore',
          'Tiêu chí tính từ số liệu: nhập tử số và mẫu số (inputs), không nhập điểm.',
          'This criterion is computed: send its inputs (numerator and denominator), not a score.',
        ),
      ],
    };
  if (!body.inputs)
    return {
      issues: [
        issue('body.inputs', 'Cần nhập tử số và mẫu số.', 'The numerator and denominator are required.'),
      ],
    };
  const { numerator, denominator } = body.inputs;
  const issues = ratioIssues(numerator.value, denominator.value);
  if (issues.length) return { issues };
  const r = computedPoints(node, numerator.value, denominator.value);
  return {
    selfScore: r.points,
    computed: { numerator, denominator, percent: r.percent, rule: r.rule },
  };
}

/** A ratio of at most 1: the denominator above 0, the numerator not above it. */
function ratioIssues(numerator: number, denominator: number): FieldIssue[] {
  if (denominator <= 0)
    return [
      issue('body.inputs.denominator.value', 'Mẫu số phải lớn hơn 0.', 'The denominator must be above 0.'),
    ];
  if (numerator > denominator)
    return [
      issue(
        'body.inputs.numerator.value',
        'Tử số không được lớn hơn mẫu số.',
        'The numerator must not exceed the denominator.',
      ),
    ];
  return [];
}

/**
 * "Evidence criteria": a score, no inputs, within `[minPoints ?? 0, maxPoints]` (bonus and penalty from 0),
 * and one of the guide's levels when the node has a guide.
 */
function checkEvidenceScore(
  node: ScoredNode,
  body: Pick<SelfScoreBody, 'selfScore' | 'inputs'>,
): SelfScoreResult {
  if (body.inputs)
    return {
      issues: [
        issue(
          'body.inputs',
          'Chỉ tiêu chí tính từ số liệu mới nhận tử số/mẫu số.',
          'Only computed criteria take inputs.',
        ),
      ],
    };
  const score = body.selfScore;
  if (score === undefined)
    return { issues: [issue('body.selfScore', 'Cần nhập điểm tự chấm.', 'The self score is required.')] };
  const problem = scaleIssue(node, score) ?? guideLevelIssue(node, score);
  return problem ? { issues: [problem] } : { selfScore: score };
}

/** On the node's scale; bonus and penalty points start at 0 whatever the floor. */
function scaleIssue(node: ScoredNode, score: number): FieldIssue | undefined {
  const floor = node.role === 'bonus' || node.role === 'penalty' ? 0 : (node.minPoints ?? 0);
  if (score >= floor && score <= node.maxPoints) return undefined;
  return issue(
    'body.selfScore',
    `Điểm phải trong khoảng ${fmt(floor).vi}–${fmt(node.maxPoints).vi}.`,
    `The score must be within ${floor}–${node.maxPoints}.`,
  );
}

/** With a scoring guide, the self score is one of its levels (the reviewer's score need not be). */
function guideLevelIssue(node: ScoredNode, score: number): FieldIssue | undefined {
  if (!node.guide?.length || node.guide.some((g) => Math.abs(g.points - score) < 1e-9)) return undefined;
  const levels = node.guide.map((g) => g.points);
  return issue(
    'body.selfScore',
    `Điểm phải là một mức của hướng dẫn chấm: ${levels.map((l) => fmt(l).vi).join('; ')}.`,
    `The score must be one of the guide's levels: ${levels.join(', ')}.`,
  );
}

/** An appraised score: within the node's scale (bonus/penalty from 0); guide levels are advisory here. */
export function checkAppraisedScore(
  node: Pick<FrameworkNode, 'maxPoints' | 'minPoints' | 'role'>,
  score: number,
): FieldIssue[] {
  const floor = node.role === 'bonus' || node.role === 'penalty' ? 0 : (node.minPoints ?? 0);
  return score < floor || score > node.maxPoints
    ? [
        issue(
          'body.appraisedScore',
          `Điểm thẩm định phải trong khoảng ${fmt(floor).vi}–${fmt(node.maxPoints).vi}.`,
          `The appraised score must be within ${floor}–${node.maxPoints}.`,
        ),
      ]
    : [];
}

/** Imported survey points: within the node's scale. */
export function checkSurveyPoints(
  node: Pick<FrameworkNode, 'code' | 'method' | 'maxPoints' | 'minPoints'>,
  p: number,
) {
  if (node.method !== 'survey')
    return [
      issue(
        'path.criterionCode',
        `Tiêu chí ${node.code} không phải tiêu chí điều tra xã hội học.`,
        `Criterion ${node.code} is not a survey criterion.`,
      ),
    ];
  const floor = node.minPoints ?? 0;
  return p < floor || p > node.maxPoints
    ? [
        issue(
          'body.points',
          `Điểm điều tra phải trong khoảng ${fmt(floor).vi}–${fmt(node.maxPoints).vi}.`,
          `Survey points must be within ${floor}–${node.maxPoints}.`,
        ),
      ]
    : [];
}
