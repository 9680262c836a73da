import { userAdminDeps } from '#composition/user-admin-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as usersRoutes from '#http/routes/users.ts';
import { inviteUser } from '#usecases/users.ts';

export const handler = httpHandler(usersRoutes.inviteUser, ({ actor, body }) =>
  inviteUser(userAdminDeps, actor, body),
);
