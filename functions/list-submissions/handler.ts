import { readinessDeps } from '../../shared/composition/readiness-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { scoringRoutes } from '../../shared/http/routes/scoring.ts';
import { listSubmissions } from '../../shared/usecases/scoring.ts';

const deps = readinessDeps;

export const handler = httpHandler(scoringRoutes.listSubmissions, ({ actor, params }) =>
  listSubmissions(deps, actor, params),
);
