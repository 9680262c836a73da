import { httpHandler } from '#http/http-handler.ts';
import { identityRoutes } from '#http/routes/identity.ts';

export const handler = httpHandler(identityRoutes.getMe, async ({ actor }) => actor);
