import * as z from 'zod/mini';
import { droppable, id, strictOf } from '#domain/common.ts';
import { cycleSchema, cycleUpdateSchema, newCycleSchema } from '#domain/cycle.ts';
import { frameworkLabelSchema } from '#domain/framework-label.ts';
import { extendObject } from '#domain/zod-lean.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoute } from './types.ts';

export const cycleParams = /* @__PURE__ */ droppable(() => z.object({ cycleId: id }));
export const createCycleBody = /* @__PURE__ */ droppable(() => strictOf(newCycleSchema));
export const cycleResponse = cycleSchema;
/**
 * A cycle as read (getCycle, listCycles): with its scored framework's label — name, version, provenance and
 * note — so everyone who reads the cycle can say what its scores rest on (absent only if the version is gone).
 */
export const cycleReadResponse = /* @__PURE__ */ droppable(() =>
  extendObject(cycleSchema, {
    framework: z.optional(
      frameworkLabelSchema.check(
        z.describe("The scored framework's name and provenance; 'sample' scores are not official"),
      ),
    ),
  }),
);
export const cyclePage = /* @__PURE__ */ droppable(() => page(cycleReadResponse));

export const listCycles = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles',
  fn: 'list-cycles',
  tag: 'cycles',
  summary: { vi: 'Danh sách kỳ đánh giá', en: 'List assessment cycles' },
  auth: 'jwt',
  action: 'cycle:read',
  query: paginationQuery,
  success: { status: 200, description: 'Cycles, newest year first' },
}));

export const createCycle = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles',
  fn: 'create-cycle',
  tag: 'cycles',
  summary: { vi: 'Mở kỳ đánh giá', en: 'Open an assessment cycle' },
  auth: 'jwt',
  action: 'cycle:create',
  body: createCycleBody,
  success: { status: 201, description: 'The new cycle' },
}));

export const getCycle = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}',
  fn: 'get-cycle',
  tag: 'cycles',
  summary: { vi: 'Xem kỳ đánh giá', en: 'Read an assessment cycle' },
  auth: 'jwt',
  action: 'cycle:read',
  params: cycleParams,
  success: { status: 200, description: 'The cycle' },
}));

export const updateCycle = /* @__PURE__ */ defineRoute(() => ({
  method: 'PATCH',
  path: '/v1/cycles/{cycleId}',
  fn: 'update-cycle',
  tag: 'cycles',
  summary: {
    vi: 'Sửa lịch, chính sách nhắc việc, tính minh chứng của kỳ',
    en: "Change a cycle's dates, reminder and evidence policies",
  },
  auth: 'jwt',
  action: 'cycle:update',
  params: cycleParams,
  body: strictOf(cycleUpdateSchema),
  success: {
    status: 200,
    description: 'The cycle at its new version (frameworks are kept as opened)',
  },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const cyclesRoutes = { listCycles, createCycle, getCycle, updateCycle };

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const cyclesResponses = /* @__PURE__ */ droppable(() => ({
  listCycles: cyclePage,
  createCycle: cycleResponse,
  getCycle: cycleReadResponse,
  updateCycle: cycleResponse,
}));
