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
import { exportsRoutes } from '../../shared/http/routes/exports.ts';
import { getScoreTable } from '../../shared/usecases/dossier.ts';

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

export const handler = httpHandler(exportsRoutes.getScoreTable, ({ actor, params, query }) =>
  getScoreTable(deps, actor, params, query.unitId),
);
