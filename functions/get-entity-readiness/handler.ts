import { readinessDeps } from '#composition/readiness-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as readinessRoutes from '#http/routes/readiness.ts';
import { getEntityReadiness } from '#usecases/readiness.ts';

const deps = readinessDeps;

export const handler = httpHandler(readinessRoutes.getEntityReadiness, ({ actor, params }) =>
  getEntityReadiness(deps, actor, params.cycleId, params.entityId),
);
