import { ulidIds } from '#adapters/runtime.ts';
import { readinessDeps } from '#composition/readiness-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as scoringRoutes from '#http/routes/scoring.ts';
import { submitSelfAssessment } from '#usecases/scoring.ts';

const deps = { ...readinessDeps, ids: ulidIds };

export const handler = httpHandler(scoringRoutes.submitSelfAssessment, ({ actor, params, body }) =>
  submitSelfAssessment(deps, actor, params, body),
);
