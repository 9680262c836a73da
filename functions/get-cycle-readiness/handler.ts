import { readinessDeps } from '#composition/readiness-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as readinessRoutes from '#http/routes/readiness.ts';
import { getCycleReadiness } from '#usecases/readiness.ts';

const deps = readinessDeps;

export const handler = httpHandler(readinessRoutes.getCycleReadiness, ({ actor, params }) =>
  getCycleReadiness(deps, actor, params.cycleId),
);
