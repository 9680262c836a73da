import { userAdminDeps } from '#composition/user-admin-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as usersRoutes from '#http/routes/users.ts';
import { resetUserMfa } from '#usecases/mfa.ts';

export const handler = httpHandler(usersRoutes.resetUserMfa, ({ actor, params, body }) =>
  resetUserMfa(userAdminDeps, actor, params.userId, body),
);
