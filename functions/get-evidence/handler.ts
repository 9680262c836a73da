import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { getEvidence } from '#usecases/evidence.ts';

const deps = { evidence: evidenceRepository, org: organizationRepository };

export const handler = httpHandler(evidenceRoutes.getEvidence, ({ actor, params }) =>
  getEvidence(deps, actor, params),
);
