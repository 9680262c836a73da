import { cycleRepository } from '../../shared/adapters/dynamo/repositories.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { getCycle } from '../../shared/usecases/cycles.ts';

export const handler = httpHandler(routes.getCycle, ({ actor, params }) =>
  getCycle({ cycles: cycleRepository }, actor, params.cycleId),
);
