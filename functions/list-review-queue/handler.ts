import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { reviewQueueRepository } from '../../shared/adapters/dynamo/review-queue-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { scoringRoutes } from '../../shared/http/routes/scoring.ts';
import { listReviewQueue } from '../../shared/usecases/scoring.ts';

const deps = {
  cycles: cycleRepository,
  org: organizationRepository,
  queue: reviewQueueRepository,
};

export const handler = httpHandler(scoringRoutes.listReviewQueue, ({ actor, params, query }) =>
  listReviewQueue(deps, actor, params.cycleId, query),
);
