import { userAdminDeps } from '#composition/user-admin-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as identityRoutes from '#http/routes/identity.ts';
import { checkMyMfa } from '#usecases/mfa.ts';

export const handler = httpHandler(identityRoutes.checkMyMfa, ({ actor }) =>
  checkMyMfa(userAdminDeps, actor),
);
