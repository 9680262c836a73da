import {
  cycleRepository,
  evidenceRepository,
  frameworkRepository,
  scoreRepository,
} from '../../shared/adapters/dynamo/repositories.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { getEntityReadiness } from '../../shared/usecases/readiness.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  evidence: evidenceRepository,
  scores: scoreRepository,
};

export const handler = httpHandler(routes.getEntityReadiness, ({ actor, params }) =>
  getEntityReadiness(deps, actor, params.cycleId, params.entityId),
);
