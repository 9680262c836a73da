import { readinessDeps } from '#composition/readiness-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as scoringRoutes from '#http/routes/scoring.ts';
import { listSubmissions } from '#usecases/scoring.ts';

const deps = readinessDeps;

export const handler = httpHandler(scoringRoutes.listSubmissions, ({ actor, params }) =>
  listSubmissions(deps, actor, params),
);
