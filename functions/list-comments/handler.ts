import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { commentRepository } from '#adapters/dynamo/comment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as scoringRoutes from '#http/routes/scoring.ts';
import { listComments } from '#usecases/scoring.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  comments: commentRepository,
};

export const handler = httpHandler(scoringRoutes.listComments, ({ actor, params, query }) =>
  listComments(deps, actor, params, query),
);
