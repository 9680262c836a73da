/**
 * Schemas every route module shares (pagination, the error body). Each route module in `routes/` declares its
 * own request/response schemas next to its routes: handlers parse with them and the OpenAPI document is
 * generated from them, so the two cannot disagree.
 */
import * as z from 'zod/mini';
import { bilingual, droppable } from '#domain/common.ts';
import { coercedNumber } from '#domain/zod-lean.ts';

export const paginationQuery = /* @__PURE__ */ droppable(() =>
  z.object({
    limit: z._default(coercedNumber().check(z.int(), z.gte(1), z.lte(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  }),
);

/**
 * The pagination query with a listing's own parameters: a plain object of both shapes (what `z.extend` makes),
 * built without zod's extend helper, which would add ~1.2 KB to each list function.
 */
export const pageQuery = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.object({ ...paginationQuery.shape, ...shape });

export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    next: z.optional(z.string()).check(z.describe('Opaque cursor of the next page')),
  });

export const errorResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    error: z.object({
      code: z.string(),
      message: bilingual,
      reason: z.optional(z.string()),
      issues: z.optional(z.array(z.object({ field: z.string(), message: bilingual }))),
      current: z.optional(z.unknown()),
      requestId: z.optional(z.string()),
    }),
  }),
);
