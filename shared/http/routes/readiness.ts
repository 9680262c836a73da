import * as z from 'zod/mini';
import { criterionCode, droppable, id, isoDate, strictOf } from '#domain/common.ts';
import { REVIEW_STATES } from '#domain/readiness.ts';
import { surveyImportSchema, surveyPointsBodySchema } from '#domain/scoring.ts';
import { extendObject } from '#domain/zod-lean.ts';
import { defineRoute } from './types.ts';

export const entityParams = /* @__PURE__ */ droppable(() => z.object({ cycleId: id, entityId: id }));
const surveyParams = /* @__PURE__ */ droppable(() => extendObject(entityParams, { criterionCode }));
const unitParams = /* @__PURE__ */ droppable(() => extendObject(entityParams, { unitId: id }));
const cycleParams = /* @__PURE__ */ droppable(() => z.object({ cycleId: id }));

const percent = /* @__PURE__ */ droppable(() => z.number().check(z.gte(0), z.lte(100)));
const role = /* @__PURE__ */ droppable(() => z.enum(['regular', 'bonus', 'penalty']));
const slotResult = /* @__PURE__ */ droppable(() =>
  z.object({
    kind: z.string(),
    minCount: z.number(),
    period: z.optional(z.enum(['year', 'half-year', 'quarter', 'month'])),
    count: z
      .number()
      .check(z.describe('k: counted documents, or distinct qualifying periods under a period rule')),
    documents: z.number().check(z.describe('Counted documents of the kind, before any period rule')),
    undated: z
      .number()
      .check(z.describe('Period rule: documents without a date, each counted as one period')),
    outsideYear: z
      .number()
      .check(z.describe('Period rule: documents dated outside the assessed year (not counted)')),
    periods: z.array(z.string()).check(z.describe('Period rule: the periods covered, e.g. 2023-Q1')),
    fill: z.number().check(z.gte(0), z.lte(1), z.describe('min(count / minCount, 1)')),
    filled: z.boolean(),
  }),
);
const criterionReadiness = /* @__PURE__ */ droppable(() =>
  z.object({
    code: z.string(),
    role,
    maxPoints: z.number(),
    slots: z.array(slotResult),
    slotsFilled: z.number(),
    coverage: z.number().check(z.gte(0), z.lte(1)),
    selfScore: z.optional(z.number()),
    explanationGiven: z.boolean(),
    appraised: z.boolean(),
    appraisedScore: z.optional(z.number()),
    state: z.optional(z.enum(REVIEW_STATES)),
    sentBack: z.boolean().check(z.describe('The reviewer requested changes: not complete until resubmitted')),
    ready: z
      .boolean()
      .check(z.describe('Self-scored with full coverage or an explanation: can be (re)submitted')),
    complete: z.boolean(),
    completeByExplanation: z.boolean(),
    dueDate: z
      .optional(isoDate)
      .check(z.describe('Earliest due date of its tasks, else the self-assessment deadline')),
    pastDue: z.boolean(),
    lateUnscored: z.boolean().check(z.describe('Past due without a self score: its whole max is at risk')),
    projectedPoints: z.number(),
    atRiskPoints: z.number(),
    unitIds: z.array(z.string()),
  }),
);
const rollup = /* @__PURE__ */ droppable(() => ({
  criteriaCount: z.number(),
  completeCount: z.number(),
  completeByExplanationCount: z.number(),
  sentBackCount: z.number(),
  lateUnscoredCount: z.number(),
  completenessPercent: percent,
  completenessByPointsPercent: percent,
  coveragePercent: percent,
  maxPoints: z.number(),
  projectedPoints: z.number(),
  atRiskPoints: z.number(),
}));
const explanation = /* @__PURE__ */ droppable(() =>
  z
    .object({
      formula: z.string(),
      inputs: z.record(z.string(), z.union([z.number(), z.string()])),
      value: z.union([z.number(), z.string(), z.null()]),
      says: z
        .optional(z.object({ vi: z.string(), en: z.string() }))
        .check(z.describe('The same computation in plain sentences with this entity’s numbers')),
    })
    .check(z.describe('How a figure is computed: its formula, the numbers that went in, and the result')),
);

export const readinessResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: z.string(),
    entityId: z.string(),
    entityType: z.optional(z.string()),
    formulaVersion: z.string(),
    criteriaCount: z.number(),
    completeCount: z.number(),
    completeByExplanationCount: z.number(),
    sentBackCount: z.number(),
    lateUnscoredCount: z.number(),
    completenessPercent: percent,
    completenessByPointsPercent: percent,
    evidenceCoveragePercent: percent,
    projectedPoints: z.number(),
    atRiskPoints: z.number(),
    maxPoints: z.number(),
    surveyMaxPoints: z.number(),
    surveyPoints: z.number(),
    bonusPoints: z.number(),
    bonusMaxPoints: z.number(),
    penaltyPoints: z.number(),
    penaltyMaxPoints: z.number(),
    projectedIndexPercent: percent,
    band: z.optional(z.string()),
    selfAssessedIndexPercent: z
      .number()
      .check(
        z.gte(0),
        z.lte(100),
        z.describe(
          'The self-assessed part alone rescaled to 100: (projected + bonus − penalty) / maxPoints × 100 (docs/readiness.md, rule 15)',
        ),
      ),
    selfAssessedBand: z.optional(z.string()),
    surveyPending: z
      .boolean()
      .check(z.describe('Some survey item is not imported yet: the full formula counts it 0')),
    surveyPendingCount: z.number(),
    today: z
      .optional(isoDate)
      .check(z.describe('The day past-due criteria were judged on (Asia/Ho_Chi_Minh)')),
    criteria: z
      .array(criterionReadiness)
      .check(z.describe('L: applicable regular criteria scored with evidence or computed')),
    adjustments: z.array(criterionReadiness).check(z.describe('Bonus and penalty criteria')),
    survey: z.array(
      z.object({ code: z.string(), maxPoints: z.number(), imported: z.boolean(), points: z.number() }),
    ),
    byNode: z.array(
      z.object({
        code: z.string(),
        role,
        depth: z.number(),
        ...rollup,
        surveyMaxPoints: z.number(),
        surveyPoints: z.number(),
        projectedPercent: percent,
      }),
    ),
    byUnit: z.array(
      z.object({ unitId: z.nullable(z.string()), criterionCodes: z.array(z.string()), ...rollup }),
    ),
    how: z.record(z.string(), explanation),
    explain: z.object({
      completeness: z.string(),
      projectedIndex: z.string(),
      surveyPoints: z.number(),
      bonusPoints: z.number(),
      penaltyPoints: z.number(),
      evidencePolicy: z.enum(['available', 'accepted']),
    }),
  }),
);

const unitReadinessResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: z.string(),
    entityId: z.string(),
    unitId: z.string(),
    formulaVersion: z.string(),
    rollup: z.object(rollup),
    criteria: z.array(criterionReadiness),
    adjustments: z.array(criterionReadiness),
  }),
);

const rankedEntity = /* @__PURE__ */ droppable(() =>
  z.object({
    rank: z.number().check(z.int(), z.gte(1)),
    entityId: z.string(),
    projectedIndexPercent: percent,
    completenessPercent: percent,
    completenessByPointsPercent: percent,
    evidenceCoveragePercent: percent,
    projectedPoints: z.number(),
    atRiskPoints: z.number(),
    criteriaCount: z.number(),
    completeCount: z.number(),
    band: z.optional(z.string()),
    selfAssessedIndexPercent: percent,
    selfAssessedBand: z.optional(z.string()),
    surveyPending: z.boolean(),
  }),
);
const cycleReadinessResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: z.string(),
    formulaVersion: z.string(),
    entityTotal: z
      .number()
      .check(z.describe('Entities in the cycle; `entities` lists those the caller may see')),
    entities: z.array(rankedEntity),
    totals: z.object({
      entityCount: z.number(),
      criteriaCount: z.number(),
      completeCount: z.number(),
      completenessPercent: percent,
      meanProjectedIndexPercent: percent,
      meanSelfAssessedIndexPercent: percent,
      surveyPendingCount: z.number().check(z.describe('Entities with survey items not imported yet')),
      atRiskPoints: z.number(),
      bands: z.record(z.string(), z.number()),
    }),
    how: z.record(z.string(), explanation),
  }),
);

const snapshot = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: z.string(),
    entityId: z.string(),
    date: isoDate,
    takenAt: z.string(),
    formulaVersion: z.string(),
    criteriaCount: z.number(),
    completeCount: z.number(),
    completenessPercent: percent,
    completenessByPointsPercent: percent,
    evidenceCoveragePercent: percent,
    projectedPoints: z.number(),
    atRiskPoints: z.number(),
    projectedIndexPercent: percent,
    band: z.optional(z.string()),
  }),
);
const trendQuery = /* @__PURE__ */ droppable(() =>
  z.object({ from: z.optional(isoDate), to: z.optional(isoDate) }),
);

export const getEntityReadiness = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/readiness',
  fn: 'get-entity-readiness',
  tag: 'readiness',
  summary: { vi: 'Mức độ sẵn sàng của đơn vị', en: 'Readiness of an assessed entity' },
  auth: 'jwt',
  action: 'readiness:read',
  params: entityParams,
  success: {
    status: 200,
    description:
      'Readiness (docs/readiness.md) with every breakdown, its formula version and how each figure is computed',
  },
}));

export const getUnitReadiness = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/units/{unitId}/readiness',
  fn: 'get-unit-readiness',
  tag: 'readiness',
  summary: { vi: 'Mức độ sẵn sàng của phòng', en: 'Readiness of a unit (its assigned criteria)' },
  auth: 'jwt',
  action: 'readiness:read',
  params: unitParams,
  success: { status: 200, description: 'The unit’s roll-up and criteria' },
}));

export const getCycleReadiness = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/readiness',
  fn: 'get-cycle-readiness',
  tag: 'readiness',
  summary: { vi: 'Xếp hạng các đơn vị trong kỳ', en: 'Entities of a cycle, ranked by projected index' },
  auth: 'jwt',
  action: 'readiness:read',
  params: cycleParams,
  success: {
    status: 200,
    description: 'Ranking (cycle-wide ranks) of the entities the caller may see, with totals',
  },
}));

export const getReadinessTrend = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/readiness/trend',
  fn: 'get-readiness-trend',
  tag: 'readiness',
  summary: { vi: 'Diễn biến mức độ sẵn sàng theo ngày', en: 'Daily readiness snapshots of an entity' },
  auth: 'jwt',
  action: 'readiness:read',
  params: entityParams,
  query: trendQuery,
  success: {
    status: 200,
    description: 'Snapshots oldest first (one per day, Asia/Ho_Chi_Minh)',
  },
}));

export const recordSurveyPoints = /* @__PURE__ */ defineRoute(() => ({
  method: 'PUT',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/survey-points',
  fn: 'record-survey-points',
  tag: 'readiness',
  summary: {
    vi: 'Nhập điểm điều tra xã hội học',
    en: 'Record imported survey points of a survey criterion',
  },
  auth: 'jwt',
  action: 'survey:import',
  params: surveyParams,
  body: strictOf(surveyPointsBodySchema),
  success: { status: 200, description: 'The stored survey points' },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const readinessRoutes = {
  getEntityReadiness,
  getUnitReadiness,
  getCycleReadiness,
  getReadinessTrend,
  recordSurveyPoints,
};

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const readinessResponses = /* @__PURE__ */ droppable(() => ({
  getEntityReadiness: readinessResponse,
  getUnitReadiness: unitReadinessResponse,
  getCycleReadiness: cycleReadinessResponse,
  getReadinessTrend: z.object({ cycleId: z.string(), entityId: z.string(), items: z.array(snapshot) }),
  recordSurveyPoints: surveyImportSchema,
}));
