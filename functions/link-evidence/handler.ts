import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { linkEvidence } from '#usecases/evidence-manage.ts';

const deps = {
  org: organizationRepository,
  evidence: evidenceRepository,
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(evidenceRoutes.linkEvidence, ({ actor, params }) =>
  linkEvidence(deps, actor, params),
);
