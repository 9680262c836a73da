import * as z from 'zod';
import { id } from '#domain/common.ts';
import { cycleSchema, cycleUpdateSchema, newCycleSchema } from '#domain/cycle.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoutes } from './types.ts';

export const cycleParams = z.object({ cycleId: id });
export const createCycleBody = newCycleSchema.strict();
export const cycleResponse = cycleSchema;
export const cyclePage = page(cycleSchema);

export const cyclesRoutes = defineRoutes({
  listCycles: {
    method: 'GET',
    path: '/v1/cycles',
    fn: 'list-cycles',
    tag: 'cycles',
    summary: { vi: 'Danh sách kỳ đánh giá', en: 'List assessment cycles' },
    auth: 'jwt',
    action: 'cycle:read',
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
    action: 'cycle:create',
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
    action: 'cycle:read',
    params: cycleParams,
    success: { status: 200, schema: cycleResponse, description: 'The cycle' },
  },
  updateCycle: {
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
    body: cycleUpdateSchema.strict(),
    success: {
      status: 200,
      schema: cycleResponse,
      description: 'The cycle at its new version (frameworks are kept as opened)',
    },
  },
});
