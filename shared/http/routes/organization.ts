import * as z from 'zod';
import { id } from '#domain/common.ts';
import { entitySchema, unitSchema } from '#domain/organization.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoutes } from './types.ts';

export const organizationRoutes = defineRoutes({
  listEntities: {
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
      schema: page(entitySchema),
      description: 'Entities by type; members see their own',
    },
  },
  getEntity: {
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
      schema: z.object({ entity: entitySchema, units: z.array(unitSchema) }),
      description: 'The entity with its units',
    },
  },
});
