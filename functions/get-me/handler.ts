import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/http/routes.ts';

export const handler = httpHandler(routes.getMe, async ({ actor }) => actor);
