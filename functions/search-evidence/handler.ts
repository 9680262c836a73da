import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { searchEvidence } from '../../shared/usecases/evidence-manage.ts';

const deps = { evidence: evidenceRepository, cycles: cycleRepository, org: organizationRepository };

export const handler = httpHandler(evidenceRoutes.searchEvidence, ({ actor, params, query }) =>
  searchEvidence(deps, actor, params.cycleId, query),
);
