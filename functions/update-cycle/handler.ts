import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { cyclesRoutes } from '../../shared/http/routes/cycles.ts';
import { updateCycle } from '../../shared/usecases/cycles.ts';

const deps = { cycles: cycleRepository, org: organizationRepository, clock: systemClock, ids: ulidIds };

export const handler = httpHandler(cyclesRoutes.updateCycle, ({ actor, params, body }) =>
  updateCycle(deps, actor, params.cycleId, body),
);
