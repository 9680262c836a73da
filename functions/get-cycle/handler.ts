import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { cyclesRoutes } from '../../shared/http/routes/cycles.ts';
import { getCycle } from '../../shared/usecases/cycles.ts';

export const handler = httpHandler(cyclesRoutes.getCycle, ({ actor, params }) =>
  getCycle({ cycles: cycleRepository }, actor, params.cycleId),
);
