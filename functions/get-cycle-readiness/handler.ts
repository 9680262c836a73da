import { readinessDeps } from '../../shared/composition/readiness-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { readinessRoutes } from '../../shared/http/routes/readiness.ts';
import { getCycleReadiness } from '../../shared/usecases/readiness.ts';

const deps = readinessDeps;

export const handler = httpHandler(readinessRoutes.getCycleReadiness, ({ actor, params }) =>
  getCycleReadiness(deps, actor, params.cycleId),
);
