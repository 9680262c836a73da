import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { reviewQueueRepository } from '#adapters/dynamo/review-queue-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as scoringRoutes from '#http/routes/scoring.ts';
import { listReviewQueue } from '#usecases/scoring.ts';

const deps = {
  cycles: cycleRepository,
  org: organizationRepository,
  queue: reviewQueueRepository,
};

export const handler = httpHandler(scoringRoutes.listReviewQueue, ({ actor, params, query }) =>
  listReviewQueue(deps, actor, params.cycleId, query),
);
