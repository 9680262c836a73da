import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { submissionRepository } from '#adapters/dynamo/submission-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as scoringRoutes from '#http/routes/scoring.ts';
import { reopenSubmission } from '#usecases/scoring.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  submissions: submissionRepository,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(scoringRoutes.reopenSubmission, ({ actor, params, body }) =>
  reopenSubmission(deps, actor, params, body),
);
