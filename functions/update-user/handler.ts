import { userAdminDeps } from '../../shared/composition/user-admin-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { usersRoutes } from '../../shared/http/routes/users.ts';
import { updateUser } from '../../shared/usecases/users.ts';

export const handler = httpHandler(usersRoutes.updateUser, ({ actor, params, body }) =>
  updateUser(userAdminDeps, actor, params.userId, body),
);
