import { userAdminDeps } from '../../shared/composition/user-admin-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { usersRoutes } from '../../shared/http/routes/users.ts';
import { setUserEnabled } from '../../shared/usecases/users.ts';

export const handler = httpHandler(usersRoutes.setUserEnabled, ({ actor, params, body }) =>
  setUserEnabled(userAdminDeps, actor, params.userId, body),
);
