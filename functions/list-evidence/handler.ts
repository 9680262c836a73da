import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { listEvidence } from '#usecases/evidence.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  evidence: evidenceRepository,
  org: organizationRepository,
};

export const handler = httpHandler(evidenceRoutes.listEvidence, ({ actor, params, query }) =>
  listEvidence(deps, actor, params, query.limit, query.cursor),
);
