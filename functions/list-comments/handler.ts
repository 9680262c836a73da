import { assignmentRepository } from '../../shared/adapters/dynamo/assignment-repository.ts';
import { commentRepository } from '../../shared/adapters/dynamo/comment-repository.ts';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { scoringRoutes } from '../../shared/http/routes/scoring.ts';
import { listComments } from '../../shared/usecases/scoring.ts';

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
