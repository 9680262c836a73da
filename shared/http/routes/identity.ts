import * as z from 'zod';
import { ROLES } from '#domain/actor.ts';
import { mfaStatusSchema } from '#domain/user.ts';
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
    // The web app learns who it is before an admin has enrolled an authenticator.
    allowWithoutMfa: true,
    success: { status: 200, schema: meResponse, description: 'The actor read from the verified token' },
  },
  checkMyMfa: {
    method: 'POST',
    path: '/v1/me/mfa',
    fn: 'check-my-mfa',
    tag: 'identity',
    summary: {
      vi: 'Kiểm tra xác thực hai bước của tôi với dịch vụ đăng nhập và ghi nhận',
      en: 'Check my two-step sign-in with the identity provider and record it',
    },
    auth: 'jwt',
    action: 'me:mfa',
    // What an admin calls right after enrolling (or signing in) so the API lets them act.
    allowWithoutMfa: true,
    // Nothing to send: an empty object (or no body) and nothing else, so a stray field is a 400, not ignored.
    body: z.object({}).strict(),
    success: {
      status: 200,
      schema: mfaStatusSchema,
      description: "The caller's TOTP state as the identity provider reports it now",
    },
  },
});
