import { assignmentRepository } from '../../shared/adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { assignmentsRoutes } from '../../shared/http/routes/assignments.ts';
import { updateAssignment } from '../../shared/usecases/assignments.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(assignmentsRoutes.updateAssignment, ({ actor, params, body }) =>
  updateAssignment(deps, actor, params, body),
);
