import { assignmentRepository } from '../../shared/adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { exportRepository } from '../../shared/adapters/dynamo/export-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { scoreRepository } from '../../shared/adapters/dynamo/score-repository.ts';
import { submissionRepository } from '../../shared/adapters/dynamo/submission-repository.ts';
import { surveyRepository } from '../../shared/adapters/dynamo/survey-repository.ts';
import { exportRunner } from '../../shared/adapters/lambda/export-runner.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler, routedHandler } from '../../shared/http/http-handler.ts';
import { exportsRoutes } from '../../shared/http/routes/exports.ts';
import { requestCycleExport, requestEntityExport } from '../../shared/usecases/dossier.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  evidence: evidenceRepository,
  scores: scoreRepository,
  surveys: surveyRepository,
  submissions: submissionRepository,
  exports: exportRepository,
  runner: exportRunner,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = routedHandler([
  [
    exportsRoutes.requestEntityExport,
    httpHandler(exportsRoutes.requestEntityExport, ({ actor, params, body }) =>
      requestEntityExport(deps, actor, params, body),
    ),
  ],
  [
    exportsRoutes.requestCycleExport,
    httpHandler(exportsRoutes.requestCycleExport, ({ actor, params, body }) =>
      requestCycleExport(deps, actor, params.cycleId, body),
    ),
  ],
]);
