import * as z from 'zod';
import { ROLES } from '../../domain/actor.ts';
import { defineRoutes } from './types.ts';

export const meResponse = z.object({
  userId: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
  role: z.enum(ROLES),
  entityId: z.string().optional(),
  unitId: z.string().optional(),
});

export const identityRoutes = defineRoutes({
  getMe: {
    method: 'GET',
    path: '/v1/me',
    fn: 'get-me',
    tag: 'identity',
    summary: { vi: 'Người dùng hiện tại', en: 'The signed-in user' },
    auth: 'jwt',
    action: 'me:read',
    success: { status: 200, schema: meResponse, description: 'The actor read from the verified token' },
  },
});
