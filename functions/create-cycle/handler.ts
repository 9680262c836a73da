import {
  cycleRepository,
  frameworkRepository,
  organizationRepository,
} from '../../shared/adapters/dynamo/repositories.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { createCycle } from '../../shared/usecases/cycles.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(routes.createCycle, ({ actor, body }) => createCycle(deps, actor, body));
