import { userAdminDeps } from '#composition/user-admin-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as usersRoutes from '#http/routes/users.ts';
import { updateUser } from '#usecases/users.ts';

export const handler = httpHandler(usersRoutes.updateUser, ({ actor, params, body }) =>
  updateUser(userAdminDeps, actor, params.userId, body),
);
