import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { unlinkEvidence } from '#usecases/evidence-manage.ts';

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
