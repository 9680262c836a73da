import { readinessDeps } from '../../shared/composition/readiness-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { readinessRoutes } from '../../shared/http/routes/readiness.ts';
import { getEntityReadiness } from '../../shared/usecases/readiness.ts';

const deps = readinessDeps;

export const handler = httpHandler(readinessRoutes.getEntityReadiness, ({ actor, params }) =>
  getEntityReadiness(deps, actor, params.cycleId, params.entityId),
);
