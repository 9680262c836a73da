/**
 * The self-assessment records and request bodies (docs/scoring.md): scores, the reviewers' queue, comments,
 * reopenings, survey points, and which review states each side may act on. The rules are in scoring.ts.
 */
import * as z from 'zod/mini';
import { criterionCode, droppable, id, isoDate, text } from './common.ts';
import { REVIEW_STATES, type ReviewState, round2 } from './readiness.ts';
import { isoDateTime } from './zod-lean.ts';

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

const points = /* @__PURE__ */ droppable(() =>
  z.number().check(
    z.refine((n) => Number.isFinite(n) && Math.abs(round2(n) - n) < 1e-9, {
      message: 'at most 2 decimals',
      params: { vi: 'tối đa 2 chữ số thập phân' },
    }),
  ),
);

export const computedInputSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    value: z.number().check(z.gte(0), z.lte(1e12)),
    /** The evidence the figure comes from (a report of this entity's cycle linked to the criterion). */
    evidenceId: z.optional(id),
  }),
);
export type ComputedInput = z.infer<typeof computedInputSchema>;

export const COMPUTED_RULES = ['guide-thresholds', 'proportional'] as const;

export const scoreSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: id,
    entityId: id,
    criterionCode,
    state: z.enum(REVIEW_STATES),
    selfScore: z.optional(z.number()),
    explanation: z.optional(z.string()),
    computed: z.optional(
      z.object({
        numerator: computedInputSchema,
        denominator: computedInputSchema,
        percent: z.number(),
        rule: z.enum(COMPUTED_RULES),
      }),
    ),
    selfUpdatedAt: z.optional(isoDateTime()),
    selfUpdatedBy: z.optional(z.string()),
    submittedAt: z.optional(isoDateTime()),
    submittedBy: z.optional(z.string()),
    /** The reviewer who took the criterion into review. */
    reviewerId: z.optional(z.string()),
    appraisedScore: z.optional(z.number()),
    reviewerComment: z.optional(z.string()),
    appraisedAt: z.optional(isoDateTime()),
    appraisedBy: z.optional(z.string()),
    version: z.number().check(z.int(), z.gte(1)),
    createdAt: isoDateTime(),
    updatedAt: isoDateTime(),
    updatedBy: z.string(),
  }),
);
export type Score = z.infer<typeof scoreSchema>;

/** What the reviewers' queue holds per criterion awaiting them (a GSI lists it oldest first). */
export const reviewQueueItemSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: id,
    entityId: id,
    province: z.optional(z.string()),
    criterionCode,
    state: z.enum(QUEUED_STATES),
    /** When it (re)entered the queue: the queue's order. */
    queuedAt: isoDateTime(),
    selfScore: z.optional(z.number()),
    unitIds: z.array(id),
    reviewerId: z.optional(z.string()),
    scoreVersion: z.number().check(z.int()),
  }),
);
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const COMMENT_KINDS = ['comment', 'accepted', 'changes_requested'] as const;
export const commentSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    commentId: id,
    cycleId: id,
    entityId: id,
    criterionCode,
    kind: z.enum(COMMENT_KINDS),
    body: z.string(),
    author: z.object({ userId: z.string(), role: z.string(), name: z.optional(z.string()) }),
    at: isoDateTime(),
  }),
);
export type Comment = z.infer<typeof commentSchema>;

/** Per unit (or the whole entity when `unitId` is absent): a reopened self-assessment. */
export const submissionSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: id,
    entityId: id,
    unitId: z.optional(id),
    reopenedUntil: isoDate,
    reason: z.string(),
    reopenedBy: z.string(),
    reopenedAt: isoDateTime(),
    version: z.number().check(z.int(), z.gte(1)),
  }),
);
export type Submission = z.infer<typeof submissionSchema>;

export const surveyImportSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: id,
    entityId: id,
    criterionCode,
    points: z.number(),
    source: z.optional(z.string()),
    importedAt: isoDateTime(),
    importedBy: z.string(),
    version: z.number().check(z.int(), z.gte(1)),
  }),
);
export type SurveyImport = z.infer<typeof surveyImportSchema>;

// ——— Request bodies ———

const version = /* @__PURE__ */ droppable(() => z.number().check(z.int(), z.gte(1)));

export const selfScoreBodySchema = /* @__PURE__ */ droppable(() =>
  z.object({
    /** The score's version as the client saw it; absent when the criterion has no score yet. */
    version: z.optional(version),
    selfScore: z.optional(points),
    inputs: z.optional(z.object({ numerator: computedInputSchema, denominator: computedInputSchema })),
    /** Giải trình; `null` clears it. */
    explanation: z.optional(z.nullable(text(4000))),
  }),
);
export type SelfScoreBody = z.infer<typeof selfScoreBodySchema>;

export const submitBodySchema = /* @__PURE__ */ droppable(() =>
  z.object({
    /** Submit one unit's criteria; absent: the whole entity. */
    unitId: z.optional(id),
    /** Only these criteria (within the unit or entity); absent: all of them. */
    criterionCodes: z.optional(z.array(criterionCode).check(z.minLength(1), z.maxLength(500))),
  }),
);
export type SubmitBody = z.infer<typeof submitBodySchema>;

export const startReviewBodySchema = /* @__PURE__ */ droppable(() => z.object({ version }));

export const appraisalBodySchema = /* @__PURE__ */ droppable(() =>
  z.object({
    version,
    appraisedScore: points,
    comment: text(4000),
    decision: z.enum(['accept', 'request_changes']),
  }),
);
export type AppraisalBody = z.infer<typeof appraisalBodySchema>;

export const reopenBodySchema = /* @__PURE__ */ droppable(() =>
  z.object({
    /** Reopen one unit; absent: the whole entity. */
    unitId: z.optional(id),
    reason: text(1000),
    /** New last day (inclusive, Asia/Ho_Chi_Minh). */
    deadline: isoDate,
    /** The submission record's version when it exists already (a second reopen). */
    version: z.optional(version),
  }),
);
export type ReopenBody = z.infer<typeof reopenBodySchema>;

export const commentBodySchema = /* @__PURE__ */ droppable(() => z.object({ body: text(4000) }));

export const surveyPointsBodySchema = /* @__PURE__ */ droppable(() =>
  z.object({
    points: points,
    /** Where the figure comes from (the published report). */
    source: z.optional(text(500)),
    version: z.optional(version),
  }),
);
export type SurveyPointsBody = z.infer<typeof surveyPointsBodySchema>;
