import * as z from 'zod/mini';
import { criterionCode, droppable, id, strictOf } from '#domain/common.ts';
import { REVIEW_STATES } from '#domain/readiness.ts';
import {
  appraisalBodySchema,
  commentBodySchema,
  commentSchema,
  reopenBodySchema,
  reviewQueueItemSchema,
  scoreSchema,
  selfScoreBodySchema,
  startReviewBodySchema,
  submissionSchema,
  submitBodySchema,
} from '#domain/scoring.ts';
import { extendObject } from '#domain/zod-lean.ts';
import { page, pageQuery, paginationQuery } from '#http/schemas.ts';
import { defineRoute } from './types.ts';

const entityParams = /* @__PURE__ */ droppable(() => z.object({ cycleId: id, entityId: id }));
const criterionParams = /* @__PURE__ */ droppable(() => extendObject(entityParams, { criterionCode }));
const cycleParams = /* @__PURE__ */ droppable(() => z.object({ cycleId: id }));

const criterionScoreView = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: z.string(),
    entityId: z.string(),
    criterionCode: z.string(),
    score: z.nullable(scoreSchema),
    unitIds: z.array(z.string()),
    deadline: z.string().check(z.describe('Last day (Asia/Ho_Chi_Minh) the unit may change it')),
    locked: z.boolean(),
  }),
);
const submissionStatus = /* @__PURE__ */ droppable(() =>
  z.object({
    unitId: z.nullable(z.string()),
    deadline: z.string(),
    locked: z.boolean(),
    reopened: z.optional(submissionSchema),
    counts: z.record(z.enum(REVIEW_STATES), z.number()),
  }),
);
const auditEntry = /* @__PURE__ */ droppable(() =>
  z.object({
    auditId: z.string(),
    at: z.string(),
    actor: z.object({ userId: z.string(), role: z.string(), name: z.optional(z.string()) }),
    action: z.string(),
    subject: z.string(),
    before: z.optional(z.unknown()),
    after: z.optional(z.unknown()),
  }),
);
const auditQuery = /* @__PURE__ */ droppable(() =>
  pageQuery({
    order: z
      ._default(z.enum(['asc', 'desc']), 'desc')
      .check(z.describe('By time: newest first (desc) or oldest first')),
  }),
);

export const listScores = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/scores',
  fn: 'list-scores',
  tag: 'scoring',
  summary: { vi: 'Điểm tự chấm và thẩm định của đơn vị', en: 'Self and appraised scores of an entity' },
  auth: 'jwt',
  action: 'score:read',
  params: entityParams,
  success: {
    status: 200,
    description: 'Scores by code',
  },
}));

export const getCriterionScore = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/score',
  fn: 'get-criterion-score',
  tag: 'scoring',
  summary: { vi: 'Điểm của một tiêu chí', en: 'Score, state and deadline of one criterion' },
  auth: 'jwt',
  action: 'score:read',
  params: criterionParams,
  success: {
    status: 200,
    description: 'The score (null before the first one)',
  },
}));

export const setSelfScore = /* @__PURE__ */ defineRoute(() => ({
  method: 'PUT',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/self-score',
  fn: 'set-self-score',
  tag: 'scoring',
  summary: {
    vi: 'Tự chấm điểm và giải trình',
    en: 'Set the self score (or computed inputs) and explanation',
  },
  auth: 'jwt',
  action: 'score:write',
  params: criterionParams,
  body: strictOf(selfScoreBodySchema),
  success: { status: 200, description: 'The score after the change' },
}));

export const submitSelfAssessment = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/submissions',
  fn: 'submit-self-assessment',
  tag: 'scoring',
  summary: { vi: 'Nộp kết quả tự đánh giá', en: 'Submit a unit’s (or the entity’s) self-assessment' },
  auth: 'jwt',
  action: 'submission:submit',
  params: entityParams,
  body: strictOf(submitBodySchema),
  success: {
    status: 200,
    description: 'Criteria submitted now, and those already with the reviewers',
  },
}));

export const listSubmissions = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/submissions',
  fn: 'list-submissions',
  tag: 'scoring',
  summary: { vi: 'Tình trạng nộp theo phòng', en: 'Submission status, deadline and lock per unit' },
  auth: 'jwt',
  action: 'score:read',
  params: entityParams,
  success: {
    status: 200,
    description: 'The entity and each unit',
  },
}));

export const reopenSubmission = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/submissions/reopen',
  fn: 'reopen-submission',
  tag: 'scoring',
  summary: { vi: 'Mở lại tự đánh giá', en: 'Reopen a unit’s (or the entity’s) self-assessment' },
  auth: 'jwt',
  action: 'submission:reopen',
  params: entityParams,
  body: strictOf(reopenBodySchema),
  success: { status: 200, description: 'The reopening, with its new deadline' },
}));

export const listReviewQueue = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/review-queue',
  fn: 'list-review-queue',
  tag: 'scoring',
  summary: { vi: 'Danh sách chờ thẩm định', en: 'Criteria awaiting appraisal, oldest first' },
  auth: 'jwt',
  action: 'review:queue',
  params: cycleParams,
  query: pageQuery({ entityId: z.optional(id) }),
  success: { status: 200, description: 'Oldest first, within scope' },
}));

export const startReview = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/review',
  fn: 'start-review',
  tag: 'scoring',
  summary: { vi: 'Nhận thẩm định tiêu chí', en: 'Take a submitted criterion into review' },
  auth: 'jwt',
  action: 'appraisal:write',
  params: criterionParams,
  body: strictOf(startReviewBodySchema),
  success: { status: 200, description: 'The score, in review' },
}));

export const appraiseCriterion = /* @__PURE__ */ defineRoute(() => ({
  method: 'PUT',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/appraisal',
  fn: 'appraise-criterion',
  tag: 'scoring',
  summary: { vi: 'Thẩm định tiêu chí', en: 'Set the appraised score; accept or request changes' },
  auth: 'jwt',
  action: 'appraisal:write',
  params: criterionParams,
  body: strictOf(appraisalBodySchema),
  success: { status: 200, description: 'The score after appraisal' },
}));

export const listComments = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/comments',
  fn: 'list-comments',
  tag: 'scoring',
  summary: { vi: 'Trao đổi về tiêu chí', en: 'Comment thread of a criterion, oldest first' },
  auth: 'jwt',
  action: 'score:read',
  params: criterionParams,
  query: paginationQuery,
  success: { status: 200, description: 'Comments, oldest first' },
}));

export const addComment = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/comments',
  fn: 'add-comment',
  tag: 'scoring',
  summary: { vi: 'Thêm trao đổi', en: 'Add a comment to a criterion’s thread' },
  auth: 'jwt',
  action: 'comment:write',
  params: criterionParams,
  body: strictOf(commentBodySchema),
  success: { status: 201, description: 'The comment' },
}));

export const listEntityAudit = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/audit',
  fn: 'list-entity-audit',
  tag: 'audit',
  summary: { vi: 'Nhật ký thay đổi của đơn vị', en: 'Audit trail of an entity in a cycle' },
  auth: 'jwt',
  action: 'audit:read',
  params: entityParams,
  query: auditQuery,
  success: { status: 200, description: 'Entries by time (append-only)' },
}));

export const listCriterionAudit = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/audit',
  fn: 'list-criterion-audit',
  tag: 'audit',
  summary: { vi: 'Nhật ký thay đổi của tiêu chí', en: 'Audit trail of one criterion' },
  auth: 'jwt',
  action: 'audit:read',
  params: criterionParams,
  query: auditQuery,
  success: { status: 200, description: 'Entries by time (append-only)' },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const scoringRoutes = {
  listScores,
  getCriterionScore,
  setSelfScore,
  submitSelfAssessment,
  listSubmissions,
  reopenSubmission,
  listReviewQueue,
  startReview,
  appraiseCriterion,
  listComments,
  addComment,
  listEntityAudit,
  listCriterionAudit,
};

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const scoringResponses = /* @__PURE__ */ droppable(() => ({
  listScores: z.object({ items: z.array(scoreSchema) }),
  getCriterionScore: criterionScoreView,
  setSelfScore: scoreSchema,
  submitSelfAssessment: z.object({
    submitted: z.array(z.string()),
    skipped: z.array(z.string()),
    at: z.string(),
  }),
  listSubmissions: z.object({
    cycleId: z.string(),
    entityId: z.string(),
    today: z.string(),
    selfAssessmentDue: z.string(),
    entity: submissionStatus,
    units: z.array(submissionStatus),
  }),
  reopenSubmission: submissionSchema,
  listReviewQueue: page(reviewQueueItemSchema),
  startReview: scoreSchema,
  appraiseCriterion: scoreSchema,
  listComments: page(commentSchema),
  addComment: commentSchema,
  listEntityAudit: page(auditEntry),
  listCriterionAudit: page(auditEntry),
}));
