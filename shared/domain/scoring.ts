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
 */
import * as z from 'zod';
import { criterionCode, id, isoDate, TIME_ZONE, text } from './common.ts';
import type { FieldIssue } from './errors.ts';
import type { FrameworkNode, GuideLevel } from './framework.ts';
import { REVIEW_STATES, type ReviewState, round2 } from './readiness.ts';

export { REVIEW_STATES, type ReviewState };

/** States in which the reviewers' queue holds the criterion. */
export const QUEUED_STATES = [
  'submitted',
  'in_review',
  'resubmitted',
] as const satisfies readonly ReviewState[];
export type QueuedState = (typeof QUEUED_STATES)[number];
export const isQueued = (s: ReviewState): s is QueuedState =>
  (QUEUED_STATES as readonly string[]).includes(s);

export const UNIT_EDITABLE: readonly ReviewState[] = ['draft', 'changes_requested'];
export const APPRAISABLE: readonly ReviewState[] = ['submitted', 'in_review', 'resubmitted', 'accepted'];

const points = z.number().refine((n) => Number.isFinite(n) && Math.abs(round2(n) - n) < 1e-9, {
  message: 'at most 2 decimals',
  params: { vi: 'tối đa 2 chữ số thập phân' },
});

export const computedInputSchema = z.object({
  value: z.number().min(0).max(1e12),
  /** The evidence the figure comes from (a report of this entity's cycle linked to the criterion). */
  evidenceId: id.optional(),
});
export type ComputedInput = z.infer<typeof computedInputSchema>;

export const COMPUTED_RULES = ['guide-thresholds', 'proportional'] as const;

export const scoreSchema = z.object({
  cycleId: id,
  entityId: id,
  criterionCode,
  state: z.enum(REVIEW_STATES),
  selfScore: z.number().optional(),
  explanation: z.string().optional(),
  computed: z
    .object({
      numerator: computedInputSchema,
      denominator: computedInputSchema,
      percent: z.number(),
      rule: z.enum(COMPUTED_RULES),
    })
    .optional(),
  selfUpdatedAt: z.iso.datetime().optional(),
  selfUpdatedBy: z.string().optional(),
  submittedAt: z.iso.datetime().optional(),
  submittedBy: z.string().optional(),
  /** The reviewer who took the criterion into review. */
  reviewerId: z.string().optional(),
  appraisedScore: z.number().optional(),
  reviewerComment: z.string().optional(),
  appraisedAt: z.iso.datetime().optional(),
  appraisedBy: z.string().optional(),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});
export type Score = z.infer<typeof scoreSchema>;

/** What the reviewers' queue holds per criterion awaiting them (a GSI lists it oldest first). */
export const reviewQueueItemSchema = z.object({
  cycleId: id,
  entityId: id,
  province: z.string().optional(),
  criterionCode,
  state: z.enum(QUEUED_STATES),
  /** When it (re)entered the queue: the queue's order. */
  queuedAt: z.iso.datetime(),
  selfScore: z.number().optional(),
  unitIds: z.array(id),
  reviewerId: z.string().optional(),
  scoreVersion: z.number().int(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const COMMENT_KINDS = ['comment', 'accepted', 'changes_requested'] as const;
export const commentSchema = z.object({
  commentId: id,
  cycleId: id,
  entityId: id,
  criterionCode,
  kind: z.enum(COMMENT_KINDS),
  body: z.string(),
  author: z.object({ userId: z.string(), role: z.string(), name: z.string().optional() }),
  at: z.iso.datetime(),
});
export type Comment = z.infer<typeof commentSchema>;

/** Per unit (or the whole entity when `unitId` is absent): a reopened self-assessment. */
export const submissionSchema = z.object({
  cycleId: id,
  entityId: id,
  unitId: id.optional(),
  reopenedUntil: isoDate,
  reason: z.string(),
  reopenedBy: z.string(),
  reopenedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type Submission = z.infer<typeof submissionSchema>;

export const surveyImportSchema = z.object({
  cycleId: id,
  entityId: id,
  criterionCode,
  points: z.number(),
  source: z.string().optional(),
  importedAt: z.iso.datetime(),
  importedBy: z.string(),
  version: z.number().int().min(1),
});
export type SurveyImport = z.infer<typeof surveyImportSchema>;

// ——— Request bodies ———

const version = z.number().int().min(1);

export const selfScoreBodySchema = z.object({
  /** The score's version as the client saw it; absent when the criterion has no score yet. */
  version: version.optional(),
  selfScore: points.optional(),
  inputs: z.object({ numerator: computedInputSchema, denominator: computedInputSchema }).optional(),
  /** Giải trình; `null` clears it. */
  explanation: text(4000).nullable().optional(),
});
export type SelfScoreBody = z.infer<typeof selfScoreBodySchema>;

export const submitBodySchema = z.object({
  /** Submit one unit's criteria; absent: the whole entity. */
  unitId: id.optional(),
  /** Only these criteria (within the unit or entity); absent: all of them. */
  criterionCodes: z.array(criterionCode).min(1).max(500).optional(),
});
export type SubmitBody = z.infer<typeof submitBodySchema>;

export const startReviewBodySchema = z.object({ version });

export const appraisalBodySchema = z.object({
  version,
  appraisedScore: points,
  comment: text(4000),
  decision: z.enum(['accept', 'request_changes']),
});
export type AppraisalBody = z.infer<typeof appraisalBodySchema>;

export const reopenBodySchema = z.object({
  /** Reopen one unit; absent: the whole entity. */
  unitId: id.optional(),
  reason: text(1000),
  /** New last day (inclusive, Asia/Ho_Chi_Minh). */
  deadline: isoDate,
  /** The submission record's version when it exists already (a second reopen). */
  version: version.optional(),
});
export type ReopenBody = z.infer<typeof reopenBodySchema>;

export const commentBodySchema = z.object({ body: text(4000) });

export const surveyPointsBodySchema = z.object({
  points: points,
  /** Where the figure comes from (the published report). */
  source: text(500).optional(),
  version: version.optional(),
});
export type SurveyPointsBody = z.infer<typeof surveyPointsBodySchema>;

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

/**
 * A self score for one criterion: within the node's scale, one of its guide's levels when it has a guide,
 * computed from the inputs for `computed` nodes; survey nodes are never self-scored.
 */
export function checkSelfScore(
  node: Pick<FrameworkNode, 'code' | 'method' | 'maxPoints' | 'minPoints' | 'guide' | 'role'>,
  body: Pick<SelfScoreBody, 'selfScore' | 'inputs'>,
): { selfScore: number; computed?: Score['computed'] } | { issues: FieldIssue[] } {
  if (node.method === 'survey')
    return {
      issues: [
        issue(
          'path.criterionCode',
          `Tiêu chí ${node.code} lấy điểm từ điều tra xã hội học, không tự chấm.`,
          `Criterion ${node.code} is scored by survey; it cannot be self-scored.`,
        ),
      ],
    };
  if (node.method === 'computed') {
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
    const issues: FieldIssue[] = [];
    if (denominator.value <= 0)
      issues.push(
        issue('body.inputs.denominator.value', 'Mẫu số phải lớn hơn 0.', 'The denominator must be above 0.'),
      );
    else if (numerator.value > denominator.value)
      issues.push(
        issue(
          'body.inputs.numerator.value',
          'Tử số không được lớn hơn mẫu số.',
          'The numerator must not exceed the denominator.',
        ),
      );
    if (issues.length) return { issues };
    const r = computedPoints(node, numerator.value, denominator.value);
    return {
      selfScore: r.points,
      computed: { numerator, denominator, percent: r.percent, rule: r.rule },
    };
  }
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
  const floor = node.role === 'bonus' || node.role === 'penalty' ? 0 : (node.minPoints ?? 0);
  if (score < floor || score > node.maxPoints)
    return {
      issues: [
        issue(
          'body.selfScore',
          `Điểm phải trong khoảng ${fmt(floor).vi}–${fmt(node.maxPoints).vi}.`,
          `The score must be within ${floor}–${node.maxPoints}.`,
        ),
      ],
    };
  if (node.guide?.length && !node.guide.some((g) => Math.abs(g.points - score) < 1e-9)) {
    const levels = node.guide.map((g) => g.points);
    return {
      issues: [
        issue(
          'body.selfScore',
          `Điểm phải là một mức của hướng dẫn chấm: ${levels.map((l) => fmt(l).vi).join('; ')}.`,
          `The score must be one of the guide's levels: ${levels.join(', ')}.`,
        ),
      ],
    };
  }
  return { selfScore: score };
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
