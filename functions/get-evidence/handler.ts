import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { getEvidence } from '../../shared/usecases/evidence.ts';

const deps = { evidence: evidenceRepository, org: organizationRepository };

export const handler = httpHandler(evidenceRoutes.getEvidence, ({ actor, params }) =>
  getEvidence(deps, actor, params),
);
