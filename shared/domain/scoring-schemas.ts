/**
 * The self-assessment records and request bodies (docs/scoring.md): scores, the reviewers' queue, comments,
 * reopenings, survey points, and which review states each side may act on. The rules are in scoring.ts.
 */
import * as z from 'zod';
import { criterionCode, id, isoDate, text } from './common.ts';
import { REVIEW_STATES, type ReviewState, round2 } from './readiness.ts';

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
