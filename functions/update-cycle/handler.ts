import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as cyclesRoutes from '#http/routes/cycles.ts';
import { updateCycle } from '#usecases/cycles.ts';

const deps = { cycles: cycleRepository, org: organizationRepository, clock: systemClock, ids: ulidIds };

export const handler = httpHandler(cyclesRoutes.updateCycle, ({ actor, params, body }) =>
  updateCycle(deps, actor, params.cycleId, body),
);
