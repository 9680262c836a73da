import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { scoreRepository } from '#adapters/dynamo/score-repository.ts';
import { submissionRepository } from '#adapters/dynamo/submission-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as scoringRoutes from '#http/routes/scoring.ts';
import { startReview } from '#usecases/scoring.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  evidence: evidenceRepository,
  scores: scoreRepository,
  submissions: submissionRepository,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(scoringRoutes.startReview, ({ actor, params, body }) =>
  startReview(deps, actor, params, body),
);
