import { readinessDeps } from '#composition/readiness-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as readinessRoutes from '#http/routes/readiness.ts';
import { getUnitReadiness } from '#usecases/readiness.ts';

const deps = readinessDeps;

export const handler = httpHandler(readinessRoutes.getUnitReadiness, ({ actor, params }) =>
  getUnitReadiness(deps, actor, params),
);
