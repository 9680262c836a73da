import { httpHandler } from '#http/http-handler.ts';
import * as identityRoutes from '#http/routes/identity.ts';

export const handler = httpHandler(identityRoutes.getMe, async ({ actor }) => actor);
