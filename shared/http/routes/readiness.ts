import * as z from 'zod';
import { criterionCode, id, isoDate } from '#domain/common.ts';
import { REVIEW_STATES } from '#domain/readiness.ts';
import { surveyImportSchema, surveyPointsBodySchema } from '#domain/scoring.ts';
import { defineRoutes } from './types.ts';

export const entityParams = z.object({ cycleId: id, entityId: id });
const surveyParams = entityParams.extend({ criterionCode });
const unitParams = entityParams.extend({ unitId: id });
const cycleParams = z.object({ cycleId: id });

const percent = z.number().min(0).max(100);
const role = z.enum(['regular', 'bonus', 'penalty']);
const slotResult = z.object({
  kind: z.string(),
  minCount: z.number(),
  period: z.enum(['year', 'half-year', 'quarter', 'month']).optional(),
  count: z.number().describe('k: counted documents, or distinct qualifying periods under a period rule'),
  documents: z.number().describe('Counted documents of the kind, before any period rule'),
  undated: z.number().describe('Period rule: documents without a date, each counted as one period'),
  outsideYear: z.number().describe('Period rule: documents dated outside the assessed year (not counted)'),
  periods: z.array(z.string()).describe('Period rule: the periods covered, e.g. 2023-Q1'),
  fill: z.number().min(0).max(1).describe('min(count / minCount, 1)'),
  filled: z.boolean(),
});
const criterionReadiness = z.object({
  code: z.string(),
  role,
  maxPoints: z.number(),
  slots: z.array(slotResult),
  slotsFilled: z.number(),
  coverage: z.number().min(0).max(1),
  selfScore: z.number().optional(),
  explanationGiven: z.boolean(),
  appraised: z.boolean(),
  appraisedScore: z.number().optional(),
  state: z.enum(REVIEW_STATES).optional(),
  sentBack: z.boolean().describe('The reviewer requested changes: not complete until resubmitted'),
  ready: z.boolean().describe('Self-scored with full coverage or an explanation: can be (re)submitted'),
  complete: z.boolean(),
  completeByExplanation: z.boolean(),
  dueDate: isoDate.optional().describe('Earliest due date of its tasks, else the self-assessment deadline'),
  pastDue: z.boolean(),
  lateUnscored: z.boolean().describe('Past due without a self score: its whole max is at risk'),
  projectedPoints: z.number(),
  atRiskPoints: z.number(),
  unitIds: z.array(z.string()),
});
const rollup = {
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
};
const explanation = z
  .object({
    formula: z.string(),
    inputs: z.record(z.string(), z.union([z.number(), z.string()])),
    value: z.union([z.number(), z.string(), z.null()]),
    says: z
      .object({ vi: z.string(), en: z.string() })
      .optional()
      .describe('The same computation in plain sentences with this entity’s numbers'),
  })
  .describe('How a figure is computed: its formula, the numbers that went in, and the result');

export const readinessResponse = z.object({
  cycleId: z.string(),
  entityId: z.string(),
  entityType: z.string().optional(),
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
  band: z.string().optional(),
  today: isoDate.optional().describe('The day past-due criteria were judged on (Asia/Ho_Chi_Minh)'),
  criteria: z
    .array(criterionReadiness)
    .describe('L: applicable regular criteria scored with evidence or computed'),
  adjustments: z.array(criterionReadiness).describe('Bonus and penalty criteria'),
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
    z.object({ unitId: z.string().nullable(), criterionCodes: z.array(z.string()), ...rollup }),
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
});

const unitReadinessResponse = z.object({
  cycleId: z.string(),
  entityId: z.string(),
  unitId: z.string(),
  formulaVersion: z.string(),
  rollup: z.object(rollup),
  criteria: z.array(criterionReadiness),
  adjustments: z.array(criterionReadiness),
});

const rankedEntity = z.object({
  rank: z.number().int().min(1),
  entityId: z.string(),
  projectedIndexPercent: percent,
  completenessPercent: percent,
  completenessByPointsPercent: percent,
  evidenceCoveragePercent: percent,
  projectedPoints: z.number(),
  atRiskPoints: z.number(),
  criteriaCount: z.number(),
  completeCount: z.number(),
  band: z.string().optional(),
});
const cycleReadinessResponse = z.object({
  cycleId: z.string(),
  formulaVersion: z.string(),
  entityTotal: z.number().describe('Entities in the cycle; `entities` lists those the caller may see'),
  entities: z.array(rankedEntity),
  totals: z.object({
    entityCount: z.number(),
    criteriaCount: z.number(),
    completeCount: z.number(),
    completenessPercent: percent,
    meanProjectedIndexPercent: percent,
    atRiskPoints: z.number(),
    bands: z.record(z.string(), z.number()),
  }),
  how: z.record(z.string(), explanation),
});

const snapshot = z.object({
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
  band: z.string().optional(),
});
const trendQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export const readinessRoutes = defineRoutes({
  getEntityReadiness: {
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
      schema: readinessResponse,
      description:
        'Readiness (docs/readiness.md) with every breakdown, its formula version and how each figure is computed',
    },
  },
  getUnitReadiness: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/units/{unitId}/readiness',
    fn: 'get-unit-readiness',
    tag: 'readiness',
    summary: { vi: 'Mức độ sẵn sàng của phòng', en: 'Readiness of a unit (its assigned criteria)' },
    auth: 'jwt',
    action: 'readiness:read',
    params: unitParams,
    success: { status: 200, schema: unitReadinessResponse, description: 'The unit’s roll-up and criteria' },
  },
  getCycleReadiness: {
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
      schema: cycleReadinessResponse,
      description: 'Ranking (cycle-wide ranks) of the entities the caller may see, with totals',
    },
  },
  getReadinessTrend: {
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
      schema: z.object({ cycleId: z.string(), entityId: z.string(), items: z.array(snapshot) }),
      description: 'Snapshots oldest first (one per day, Asia/Ho_Chi_Minh)',
    },
  },
  recordSurveyPoints: {
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
    body: surveyPointsBodySchema.strict(),
    success: { status: 200, schema: surveyImportSchema, description: 'The stored survey points' },
  },
});
