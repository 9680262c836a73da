import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { listEvidence } from '../../shared/usecases/evidence.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  evidence: evidenceRepository,
  org: organizationRepository,
};

export const handler = httpHandler(evidenceRoutes.listEvidence, ({ actor, params, query }) =>
  listEvidence(deps, actor, params, query.limit, query.cursor),
);
