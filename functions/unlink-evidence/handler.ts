import { assignmentRepository } from '../../shared/adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { unlinkEvidence } from '../../shared/usecases/evidence-manage.ts';

const deps = {
  evidence: evidenceRepository,
  cycles: cycleRepository,
  assignments: assignmentRepository,
  clock: systemClock,
  ids: ulidIds,
  org: organizationRepository,
};

export const handler = httpHandler(evidenceRoutes.unlinkEvidence, ({ actor, params }) =>
  unlinkEvidence(deps, actor, params),
);
