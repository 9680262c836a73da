/**
 * Schemas every route module shares (pagination, the error body). Each route module in `routes/` declares its
 * own request/response schemas next to its routes: handlers parse with them and the OpenAPI document is
 * generated from them, so the two cannot disagree.
 */
import * as z from 'zod';
import { bilingual } from '#domain/common.ts';

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().optional().describe('Opaque cursor of the next page') });

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
