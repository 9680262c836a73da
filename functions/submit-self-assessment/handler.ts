import { ulidIds } from '../../shared/adapters/runtime.ts';
import { readinessDeps } from '../../shared/composition/readiness-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { scoringRoutes } from '../../shared/http/routes/scoring.ts';
import { submitSelfAssessment } from '../../shared/usecases/scoring.ts';

const deps = { ...readinessDeps, ids: ulidIds };

export const handler = httpHandler(scoringRoutes.submitSelfAssessment, ({ actor, params, body }) =>
  submitSelfAssessment(deps, actor, params, body),
);
