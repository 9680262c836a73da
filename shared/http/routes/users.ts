import * as z from 'zod/mini';
import { droppable, id } from '#domain/common.ts';
import {
  inviteUserSchema,
  resetMfaSchema,
  setEnabledSchema,
  updateUserSchema,
  userProfileSchema,
} from '#domain/user.ts';
import { page, pageQuery } from '#http/schemas.ts';
import { defineRoute } from './types.ts';

export const userParams = /* @__PURE__ */ droppable(() =>
  z.object({ userId: z.string().check(z.minLength(1), z.maxLength(128)) }),
);
export const listUsersQuery = /* @__PURE__ */ droppable(() => pageQuery({ entityId: z.optional(id) }));

export const listUsers = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/users',
  fn: 'list-users',
  tag: 'users',
  summary: { vi: 'Danh sách người dùng', en: 'List users' },
  auth: 'jwt',
  action: 'user:read',
  query: listUsersQuery,
  success: { status: 200, description: 'Users the caller may see' },
}));

export const inviteUser = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/users',
  fn: 'invite-user',
  tag: 'users',
  summary: {
    vi: 'Mời người dùng (gửi mật khẩu tạm thời qua thư điện tử)',
    en: 'Invite a user (temporary password by e-mail)',
  },
  auth: 'jwt',
  action: 'user:admin',
  body: inviteUserSchema,
  success: { status: 201, description: 'The invited user' },
}));

export const updateUser = /* @__PURE__ */ defineRoute(() => ({
  method: 'PATCH',
  path: '/v1/users/{userId}',
  fn: 'update-user',
  tag: 'users',
  summary: { vi: 'Đổi vai trò, cơ quan, phòng của người dùng', en: "Change a user's role, entity or unit" },
  auth: 'jwt',
  action: 'user:admin',
  params: userParams,
  body: updateUserSchema,
  success: { status: 200, description: 'The updated user' },
}));

export const setUserEnabled = /* @__PURE__ */ defineRoute(() => ({
  method: 'PUT',
  path: '/v1/users/{userId}/enabled',
  fn: 'set-user-enabled',
  tag: 'users',
  summary: { vi: 'Khoá hoặc mở khoá tài khoản', en: 'Disable or enable an account' },
  auth: 'jwt',
  action: 'user:admin',
  params: userParams,
  body: setEnabledSchema,
  success: { status: 200, description: 'The user with the new state' },
}));

export const resetUserMfa = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/users/{userId}/mfa-reset',
  fn: 'reset-user-mfa',
  tag: 'users',
  summary: {
    vi: 'Tắt xác thực hai bước của người dùng (mất điện thoại): họ đăng nhập bằng mật khẩu rồi đăng ký lại',
    en: "Turn a user's two-step sign-in off (lost phone): they sign in with the password and enrol again",
  },
  auth: 'jwt',
  action: 'user:admin',
  params: userParams,
  body: resetMfaSchema,
  success: { status: 200, description: 'The user, MFA off' },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const usersRoutes = { listUsers, inviteUser, updateUser, setUserEnabled, resetUserMfa };

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const usersResponses = /* @__PURE__ */ droppable(() => ({
  listUsers: page(userProfileSchema),
  inviteUser: userProfileSchema,
  updateUser: userProfileSchema,
  setUserEnabled: userProfileSchema,
  resetUserMfa: userProfileSchema,
}));
