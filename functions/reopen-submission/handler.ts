import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { submissionRepository } from '../../shared/adapters/dynamo/submission-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { scoringRoutes } from '../../shared/http/routes/scoring.ts';
import { reopenSubmission } from '../../shared/usecases/scoring.ts';

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
