import { assignmentRepository } from '../../shared/adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { scoreRepository } from '../../shared/adapters/dynamo/score-repository.ts';
import { submissionRepository } from '../../shared/adapters/dynamo/submission-repository.ts';
import { surveyRepository } from '../../shared/adapters/dynamo/survey-repository.ts';
import { systemClock } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { readinessRoutes } from '../../shared/http/routes/readiness.ts';
import { getEntityReadiness } from '../../shared/usecases/readiness.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  evidence: evidenceRepository,
  scores: scoreRepository,
  surveys: surveyRepository,
  submissions: submissionRepository,
  clock: systemClock,
};

export const handler = httpHandler(readinessRoutes.getEntityReadiness, ({ actor, params }) =>
  getEntityReadiness(deps, actor, params.cycleId, params.entityId),
);
