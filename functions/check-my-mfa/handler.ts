import { userAdminDeps } from '../../shared/composition/user-admin-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { identityRoutes } from '../../shared/http/routes/identity.ts';
import { checkMyMfa } from '../../shared/usecases/mfa.ts';

export const handler = httpHandler(identityRoutes.checkMyMfa, ({ actor }) =>
  checkMyMfa(userAdminDeps, actor),
);
