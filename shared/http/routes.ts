/**
 * THE route table. The CDK API construct and the local gateway both read it, so what runs locally is what
 * deploys. Each route names the function folder (`functions/<fn>/handler.ts`) that serves it, the schemas of
 * its input and output (also the OpenAPI source), and the access action the policy checks.
 *
 * Adding a route: add an entry here, create `functions/<fn>/handler.ts` with `httpHandler(routes.<id>, …)`,
 * then `npm test` (the OpenAPI and route tests fail until both sides exist).
 */
import type { z } from 'zod';
import {
  createCycleBody,
  criterionParams,
  cyclePage,
  cycleParams,
  cycleResponse,
  entityParams,
  evidencePage,
  meResponse,
  paginationQuery,
  readinessResponse,
  uploadBody,
  uploadResponse,
} from './schemas.ts';

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

const defineRoutes = <T extends Record<string, RouteDef>>(r: T) => r;

export const routes = defineRoutes({
  getMe: {
    method: 'GET',
    path: '/v1/me',
    fn: 'get-me',
    tag: 'identity',
    summary: { vi: 'Người dùng hiện tại', en: 'The signed-in user' },
    auth: 'jwt',
    success: { status: 200, schema: meResponse, description: 'The actor read from the verified token' },
  },
  listCycles: {
    method: 'GET',
    path: '/v1/cycles',
    fn: 'list-cycles',
    tag: 'cycles',
    summary: { vi: 'Danh sách kỳ đánh giá', en: 'List assessment cycles' },
    auth: 'jwt',
    query: paginationQuery,
    success: { status: 200, schema: cyclePage, description: 'Cycles, newest year first' },
  },
  createCycle: {
    method: 'POST',
    path: '/v1/cycles',
    fn: 'create-cycle',
    tag: 'cycles',
    summary: { vi: 'Mở kỳ đánh giá', en: 'Open an assessment cycle' },
    auth: 'jwt',
    body: createCycleBody,
    success: { status: 201, schema: cycleResponse, description: 'The new cycle' },
  },
  getCycle: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}',
    fn: 'get-cycle',
    tag: 'cycles',
    summary: { vi: 'Xem kỳ đánh giá', en: 'Read an assessment cycle' },
    auth: 'jwt',
    params: cycleParams,
    success: { status: 200, schema: cycleResponse, description: 'The cycle' },
  },
  requestUpload: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/uploads',
    fn: 'request-upload',
    tag: 'evidence',
    summary: {
      vi: 'Xin đường dẫn tải lên tài liệu kiểm chứng',
      en: 'Request a presigned upload for an evidence file',
    },
    auth: 'jwt',
    params: criterionParams,
    body: uploadBody,
    success: {
      status: 201,
      schema: uploadResponse,
      description: 'Pending evidence and a presigned PUT signed for the declared size and type',
    },
  },
  listEvidence: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/evidence',
    fn: 'list-evidence',
    tag: 'evidence',
    summary: { vi: 'Tài liệu kiểm chứng của tiêu chí', en: "A criterion's evidence" },
    auth: 'jwt',
    params: criterionParams,
    query: paginationQuery,
    success: { status: 200, schema: evidencePage, description: 'Evidence, newest first' },
  },
  getEntityReadiness: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/readiness',
    fn: 'get-entity-readiness',
    tag: 'readiness',
    summary: { vi: 'Mức độ sẵn sàng của đơn vị', en: 'Readiness of an assessed entity' },
    auth: 'jwt',
    params: entityParams,
    success: {
      status: 200,
      schema: readinessResponse,
      description: 'Readiness per BRIEF §4 with its formula version and inputs',
    },
  },
});

export type RouteId = keyof typeof routes;
export const routeList = Object.entries(routes).map(([id, r]) => ({ id, ...r })) as (RouteDef & {
  id: string;
})[];

/** Functions that are not behind an HTTP route (event-driven). */
export const eventFunctions = {
  finalizeUpload: { fn: 'finalize-upload', source: 's3:ObjectCreated' },
} as const;
