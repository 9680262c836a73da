import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as assignmentsRoutes from '#http/routes/assignments.ts';
import { updateAssignment } from '#usecases/assignments.ts';

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
