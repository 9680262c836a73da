/** Item types of scoring: scores, the reviewers' queue, comments, reopenings, survey points, snapshots. */
import * as z from 'zod/mini';
import { droppable } from '#domain/common.ts';
import type { ReadinessSnapshot } from '#domain/readiness.ts';
import {
  type Comment,
  commentSchema,
  type ReviewQueueItem,
  reviewQueueItemSchema,
  type Score,
  type Submission,
  type SurveyImport,
  scoreSchema,
  submissionSchema,
  surveyImportSchema,
} from '#domain/scoring.ts';
import { itemType } from '../kernel/descriptor.ts';
import * as keys from '../keys.ts';

export const scoreItem = /* @__PURE__ */ droppable(() =>
  itemType<Score>({
    type: 'score',
    schema: scoreSchema,
    key: (s) => keys.score(s.cycleId, s.entityId, s.criterionCode),
  }),
);

export const reviewQueueItem = /* @__PURE__ */ droppable(() =>
  itemType<ReviewQueueItem>({
    type: 'review-queue',
    schema: reviewQueueItemSchema,
    key: (q) => keys.reviewQueue(q.cycleId, q.entityId, q.criterionCode),
    index: (q) => keys.reviewQueueIndex(q.cycleId, q.queuedAt, q.entityId, q.criterionCode),
  }),
);

export const commentItem = /* @__PURE__ */ droppable(() =>
  itemType<Comment>({
    type: 'comment',
    schema: commentSchema,
    key: (c) => keys.comment(c.cycleId, c.entityId, c.criterionCode, c.commentId),
  }),
);

export const submissionItem = /* @__PURE__ */ droppable(() =>
  itemType<Submission>({
    type: 'submission',
    schema: submissionSchema,
    key: (s) => keys.submission(s.cycleId, s.entityId, s.unitId),
  }),
);

export const surveyItem = /* @__PURE__ */ droppable(() =>
  itemType<SurveyImport>({
    type: 'survey-import',
    schema: surveyImportSchema,
    key: (s) => keys.surveyImport(s.cycleId, s.entityId, s.criterionCode),
  }),
);

const snapshotSchema: z.ZodMiniType<ReadinessSnapshot> = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: z.string(),
    entityId: z.string(),
    date: z.string(),
    takenAt: z.string(),
    formulaVersion: z.string(),
    criteriaCount: z.number(),
    completeCount: z.number(),
    completenessPercent: z.number(),
    completenessByPointsPercent: z.number(),
    evidenceCoveragePercent: z.number(),
    projectedPoints: z.number(),
    atRiskPoints: z.number(),
    projectedIndexPercent: z.number(),
    band: z.optional(z.string()),
  }),
);

export const snapshotItem = /* @__PURE__ */ droppable(() =>
  itemType<ReadinessSnapshot>({
    type: 'readiness-snapshot',
    schema: snapshotSchema,
    key: (s) => keys.snapshot(s.cycleId, s.entityId, s.date),
  }),
);
