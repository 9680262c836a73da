import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { linkEvidence } from '../../shared/usecases/evidence-manage.ts';

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
