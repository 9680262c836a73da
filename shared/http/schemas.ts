/**
 * Request and response schemas of the HTTP API. The route table points at these; handlers parse with them;
 * the OpenAPI document is generated from them. One schema per thing, so the three cannot disagree.
 */
import * as z from 'zod';
import { ROLES } from '../domain/actor.ts';
import { bilingual, criterionCode, id } from '../domain/common.ts';
import { cycleSchema, newCycleSchema } from '../domain/cycle.ts';
import { evidenceSchema, uploadRequestSchema } from '../domain/evidence.ts';

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export const cycleParams = z.object({ cycleId: id });
export const entityParams = z.object({ cycleId: id, entityId: id });
export const criterionParams = z.object({ cycleId: id, entityId: id, criterionCode });

export const meResponse = z.object({
  userId: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
  role: z.enum(ROLES),
  entityId: z.string().optional(),
  unitId: z.string().optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().optional().describe('Opaque cursor of the next page') });

export const createCycleBody = newCycleSchema.strict();
export const cycleResponse = cycleSchema;
export const cyclePage = page(cycleSchema);

export const uploadBody = uploadRequestSchema.strict();
export const uploadResponse = z.object({
  evidence: evidenceSchema,
  upload: z.object({
    method: z.literal('PUT'),
    url: z.url(),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime(),
  }),
});
export const evidencePage = page(evidenceSchema);

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

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: bilingual,
    reason: z.string().optional(),
    issues: z.array(z.object({ field: z.string(), message: bilingual })).optional(),
    current: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
