import { userAdminDeps } from '#composition/user-admin-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as usersRoutes from '#http/routes/users.ts';
import { setUserEnabled } from '#usecases/users.ts';

export const handler = httpHandler(usersRoutes.setUserEnabled, ({ actor, params, body }) =>
  setUserEnabled(userAdminDeps, actor, params.userId, body),
);
