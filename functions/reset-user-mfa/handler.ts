import { userAdminDeps } from '../../shared/composition/user-admin-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { usersRoutes } from '../../shared/http/routes/users.ts';
import { resetUserMfa } from '../../shared/usecases/mfa.ts';

export const handler = httpHandler(usersRoutes.resetUserMfa, ({ actor, params, body }) =>
  resetUserMfa(userAdminDeps, actor, params.userId, body),
);
