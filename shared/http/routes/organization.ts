import * as z from 'zod/mini';
import { droppable, id } from '#domain/common.ts';
import { entitySchema, unitSchema } from '#domain/organization.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoute } from './types.ts';

export const listEntities = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/provinces/{provinceId}/entities',
  fn: 'list-entities',
  tag: 'organization',
  summary: { vi: 'Các đơn vị được đánh giá của tỉnh', en: "A province's assessed entities" },
  auth: 'jwt',
  action: 'org:read',
  params: z.object({ provinceId: id }),
  query: paginationQuery,
  success: {
    status: 200,
    description: 'Entities by type; members see their own',
  },
}));

export const getEntity = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/entities/{entityId}',
  fn: 'get-entity',
  tag: 'organization',
  summary: { vi: 'Đơn vị được đánh giá và các phòng', en: 'An assessed entity and its units' },
  auth: 'jwt',
  action: 'org:read',
  params: z.object({ entityId: id }),
  success: {
    status: 200,
    description: 'The entity with its units',
  },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const organizationRoutes = { listEntities, getEntity };

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const organizationResponses = /* @__PURE__ */ droppable(() => ({
  listEntities: page(entitySchema),
  getEntity: z.object({ entity: entitySchema, units: z.array(unitSchema) }),
}));
