import * as cycles from '#adapters/dynamo/cycle-repository.ts';
import { getLabel } from '#adapters/dynamo/framework-label.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as cyclesRoutes from '#http/routes/cycles.ts';
import { getCycle } from '#usecases/cycles.ts';

export const handler = httpHandler(cyclesRoutes.getCycle, ({ actor, params }) =>
  getCycle({ cycles: { get: cycles.get }, frameworks: { getLabel } }, actor, params.cycleId),
);
