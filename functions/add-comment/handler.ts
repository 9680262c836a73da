import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { commentRepository } from '#adapters/dynamo/comment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as scoringRoutes from '#http/routes/scoring.ts';
import { addComment } from '#usecases/scoring.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  comments: commentRepository,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(scoringRoutes.addComment, ({ actor, params, body }) =>
  addComment(deps, actor, params, body),
);
