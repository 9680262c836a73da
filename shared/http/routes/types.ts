import type * as z from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/cycles/{cycleId}`. */
  path: string;
  /** Folder under `functions/` holding the handler. */
  fn: string;
  summary: { vi: string; en: string };
  tag: string;
  /** Every route needs a signed-in user; the JWT authorizer guards it in AWS, the local gateway locally. */
  auth: 'jwt';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status code and schema of the successful response. */
  success: { status: 200 | 201 | 202; schema: z.ZodType; description: string };
}

export const defineRoutes = <T extends Record<string, RouteDef>>(r: T) => r;
