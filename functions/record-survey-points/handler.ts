import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { scoreRepository } from '#adapters/dynamo/score-repository.ts';
import { surveyRepository } from '#adapters/dynamo/survey-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as readinessRoutes from '#http/routes/readiness.ts';
import { recordSurveyPoints } from '#usecases/readiness.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  evidence: evidenceRepository,
  scores: scoreRepository,
  surveys: surveyRepository,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(readinessRoutes.recordSurveyPoints, ({ actor, params, body }) =>
  recordSurveyPoints(deps, actor, params, body),
);
