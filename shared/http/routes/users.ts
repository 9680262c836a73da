import * as z from 'zod';
import { id } from '#domain/common.ts';
import {
  inviteUserSchema,
  resetMfaSchema,
  setEnabledSchema,
  updateUserSchema,
  userProfileSchema,
} from '#domain/user.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoutes } from './types.ts';

export const userParams = z.object({ userId: z.string().min(1).max(128) });
export const listUsersQuery = paginationQuery.extend({ entityId: id.optional() });

export const usersRoutes = defineRoutes({
  listUsers: {
    method: 'GET',
    path: '/v1/users',
    fn: 'list-users',
    tag: 'users',
    summary: { vi: 'Danh sách người dùng', en: 'List users' },
    auth: 'jwt',
    action: 'user:read',
    query: listUsersQuery,
    success: { status: 200, schema: page(userProfileSchema), description: 'Users the caller may see' },
  },
  inviteUser: {
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
    success: { status: 201, schema: userProfileSchema, description: 'The invited user' },
  },
  updateUser: {
    method: 'PATCH',
    path: '/v1/users/{userId}',
    fn: 'update-user',
    tag: 'users',
    summary: { vi: 'Đổi vai trò, cơ quan, phòng của người dùng', en: "Change a user's role, entity or unit" },
    auth: 'jwt',
    action: 'user:admin',
    params: userParams,
    body: updateUserSchema,
    success: { status: 200, schema: userProfileSchema, description: 'The updated user' },
  },
  setUserEnabled: {
    method: 'PUT',
    path: '/v1/users/{userId}/enabled',
    fn: 'set-user-enabled',
    tag: 'users',
    summary: { vi: 'Khoá hoặc mở khoá tài khoản', en: 'Disable or enable an account' },
    auth: 'jwt',
    action: 'user:admin',
    params: userParams,
    body: setEnabledSchema,
    success: { status: 200, schema: userProfileSchema, description: 'The user with the new state' },
  },
  resetUserMfa: {
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
    success: { status: 200, schema: userProfileSchema, description: 'The user, MFA off' },
  },
});
