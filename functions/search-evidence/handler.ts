import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { searchEvidence } from '#usecases/evidence-manage.ts';

const deps = { evidence: evidenceRepository, cycles: cycleRepository, org: organizationRepository };

export const handler = httpHandler(evidenceRoutes.searchEvidence, ({ actor, params, query }) =>
  searchEvidence(deps, actor, params.cycleId, query),
);
