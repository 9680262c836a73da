import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { reviewEvidence } from '../../shared/usecases/evidence-manage.ts';

const deps = {
  evidence: evidenceRepository,
  cycles: cycleRepository,
  clock: systemClock,
  ids: ulidIds,
  org: organizationRepository,
};

export const handler = httpHandler(evidenceRoutes.reviewEvidence, ({ actor, params, body }) =>
  reviewEvidence(deps, actor, params, body),
);
