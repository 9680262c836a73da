import { httpHandler } from '../../shared/http/http-handler.ts';
import { identityRoutes } from '../../shared/http/routes/identity.ts';

export const handler = httpHandler(identityRoutes.getMe, async ({ actor }) => actor);
