import * as z from 'zod/mini';
import { ROLES } from '#domain/actor.ts';
import { droppable } from '#domain/common.ts';
import { mfaStatusSchema } from '#domain/user.ts';
import { defineRoute } from './types.ts';

export const meResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    userId: z.string(),
    email: z.optional(z.string()),
    name: z.optional(z.string()),
    role: z.enum(ROLES),
    entityId: z.optional(z.string()),
    unitId: z.optional(z.string()),
  }),
);

export const getMe = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/me',
  fn: 'get-me',
  tag: 'identity',
  summary: { vi: 'Người dùng hiện tại', en: 'The signed-in user' },
  auth: 'jwt',
  action: 'me:read',
  // The web app learns who it is before an admin has enrolled an authenticator.
  allowWithoutMfa: true,
  success: { status: 200, description: 'The actor read from the verified token' },
}));

export const checkMyMfa = /* @__PURE__ */ defineRoute(() => ({
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
  body: z.strictObject({}),
  success: {
    status: 200,
    description: "The caller's TOTP state as the identity provider reports it now",
  },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const identityRoutes = { getMe, checkMyMfa };

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const identityResponses = /* @__PURE__ */ droppable(() => ({
  getMe: meResponse,
  checkMyMfa: mfaStatusSchema,
}));
