import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as assignmentsRoutes from '#http/routes/assignments.ts';
import { listAssignments } from '#usecases/assignments.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
};

export const handler = httpHandler(assignmentsRoutes.listAssignments, ({ actor, params, query }) =>
  listAssignments(deps, actor, params, query),
);
