import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as cyclesRoutes from '#http/routes/cycles.ts';
import { createCycle } from '#usecases/cycles.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(cyclesRoutes.createCycle, ({ actor, body }) =>
  createCycle(deps, actor, body),
);
