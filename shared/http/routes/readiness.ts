import * as z from 'zod';
import { id } from '../../domain/common.ts';
import { defineRoutes } from './types.ts';

export const entityParams = z.object({ cycleId: id, entityId: id });
const slotResult = z.object({
  kind: z.string(),
  minCount: z.number(),
  count: z.number(),
  filled: z.boolean(),
});
export const readinessResponse = z.object({
  cycleId: z.string(),
  entityId: z.string(),
  formulaVersion: z.string(),
  criteriaCount: z.number(),
  completeCount: z.number(),
  completenessPercent: z.number().min(0).max(100),
  completenessByPointsPercent: z.number().min(0).max(100),
  evidenceCoveragePercent: z.number().min(0).max(100),
  projectedPoints: z.number(),
  atRiskPoints: z.number(),
  maxPoints: z.number(),
  surveyMaxPoints: z.number(),
  projectedIndexPercent: z.number().min(0).max(100),
  band: z.string().optional(),
  criteria: z.array(
    z.object({
      code: z.string(),
      maxPoints: z.number(),
      slots: z.array(slotResult),
      slotsFilled: z.number(),
      coverage: z.number(),
      selfScore: z.number().optional(),
      explanationGiven: z.boolean(),
      appraised: z.boolean(),
      complete: z.boolean(),
      projectedPoints: z.number(),
      atRiskPoints: z.number(),
    }),
  ),
  explain: z.object({
    completeness: z.string(),
    projectedIndex: z.string(),
    surveyPoints: z.number(),
    bonusPoints: z.number(),
    penaltyPoints: z.number(),
    evidencePolicy: z.enum(['available', 'accepted']),
  }),
});

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
      description: 'Readiness per BRIEF §4 with its formula version and inputs',
    },
  },
});
