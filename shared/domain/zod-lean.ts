/**
 * zod/mini's `z.iso.*` and `z.coerce.*` are namespace re-exports: one builder reached through them bundles every
 * builder of the namespace (esbuild materialises the namespace object), ~3 KB per function. These build the same
 * schemas from zod's core one at a time: use them instead of `z.iso.datetime()`, `z.iso.date()`,
 * `z.coerce.number()`.
 */
import * as z from 'zod/mini';
import type * as core from 'zod/v4/core';
import { _coercedNumber, _isoDate, _isoDateTime } from 'zod/v4/core';

/** `z.iso.datetime()` */
export const isoDateTime = (params?: string | core.$ZodISODateTimeParams): z.ZodMiniISODateTime =>
  _isoDateTime(z.ZodMiniISODateTime, params);

/** `z.iso.date()` */
export const isoCalendarDate = (params?: string | core.$ZodISODateParams): z.ZodMiniISODate =>
  _isoDate(z.ZodMiniISODate, params);

/** `z.coerce.number()` */
export const coercedNumber = <T = unknown>(params?: string | core.$ZodNumberParams): z.ZodMiniNumber<T> =>
  _coercedNumber(z.ZodMiniNumber, params) as z.ZodMiniNumber<T>;

/**
 * `z.extend(base, shape)` for a base built by plain `z.object({…})` (no checks, default strictness): the same
 * object of both shapes, the caller's keys winning, without zod's extend helper (~1.2 KB in each bundle that
 * uses it). A base with checks or `strictObject` keeps `z.extend`.
 */
export const extendObject = <T extends z.ZodMiniObject, U extends core.$ZodLooseShape>(
  base: T,
  shape: U,
): z.ZodMiniObject<core.util.Extend<T['shape'], core.util.Writeable<U>>> =>
  z.object({ ...base.shape, ...shape }) as never;
