import type * as z from 'zod/mini';
import type { Action } from '#domain/policy.ts';

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
  /**
   * The policy action this route performs. Checked against the path's `entityId` (when it has one) before
   * the query or body is parsed, so a refused caller learns nothing from validation messages.
   */
  action: Action;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /**
   * Status code of the successful response. Its schema is kept apart, in the module's `<module>Responses`
   * by route id, so no handler bundles it; the route table (`routes.ts`) joins the two.
   */
  success: { status: 200 | 201 | 202; description: string };
  /** The route answers with a file (its use case returns a `FileResult`), not JSON. */
  file?: { contentType: string };
  /**
   * An admin who has not (yet) proven a second factor may call this route: only the few that serve enrolment
   * (who am I, check my MFA). Every other route answers them 403 `MFA_REQUIRED` (docs/access.md, "MFA").
   */
  allowWithoutMfa?: true;
  /** A larger JSON body limit for this route only (spreadsheets uploaded as base64). */
  maxBodyBytes?: number;
}

/** A route of the table, joined with the schema of what it answers (OpenAPI, web types). */
export type RouteWithResponse = RouteDef & { success: { schema: z.ZodMiniType } };

export const defineRoutes = <T extends Record<string, RouteDef>>(r: T) => r;

/**
 * One route, built so that a handler's bundle keeps only the route it serves: `export const <id> =
 * defineRoute(() => ({ … }))` marked `@__PURE__`, and the handler imports its module as a namespace
 * (`import * as xRoutes`); see `droppable` in shared/domain/common.ts. `file` stays readable on every route,
 * as the route table's readers expect.
 */
export const defineRoute = <T extends RouteDef>(build: () => T): T & Pick<RouteDef, 'file'> => build();
