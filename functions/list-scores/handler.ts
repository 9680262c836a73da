import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { scoreRepository } from '#adapters/dynamo/score-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as scoringRoutes from '#http/routes/scoring.ts';
import { listScores } from '#usecases/scoring.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  scores: scoreRepository,
};

export const handler = httpHandler(scoringRoutes.listScores, ({ actor, params }) =>
  listScores(deps, actor, params),
);
