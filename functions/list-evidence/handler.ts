import {
  cycleRepository,
  evidenceRepository,
  frameworkRepository,
} from '../../shared/adapters/dynamo/repositories.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { listEvidence } from '../../shared/usecases/evidence.ts';

const deps = { cycles: cycleRepository, frameworks: frameworkRepository, evidence: evidenceRepository };

export const handler = httpHandler(routes.listEvidence, ({ actor, params, query }) =>
  listEvidence(deps, actor, params, query.limit, query.cursor),
);
