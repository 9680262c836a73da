import { assignmentRepository } from '../../shared/adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { exportRepository } from '../../shared/adapters/dynamo/export-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { scoreRepository } from '../../shared/adapters/dynamo/score-repository.ts';
import { submissionRepository } from '../../shared/adapters/dynamo/submission-repository.ts';
import { surveyRepository } from '../../shared/adapters/dynamo/survey-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { objectStore } from '../../shared/adapters/s3/object-store.ts';
import { env } from '../../shared/config/env.ts';
import { httpHandler, routedHandler } from '../../shared/http/http-handler.ts';
import { exportsRoutes } from '../../shared/http/routes/exports.ts';
import { getExport } from '../../shared/usecases/dossier.ts';

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
  store: objectStore,
  downloadUrlTtlSeconds: env().DOWNLOAD_URL_TTL_SECONDS,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = routedHandler([
  [
    exportsRoutes.getEntityExport,
    httpHandler(exportsRoutes.getEntityExport, ({ actor, params }) => getExport(deps, actor, params)),
  ],
  [
    exportsRoutes.getCycleExport,
    httpHandler(exportsRoutes.getCycleExport, ({ actor, params }) => getExport(deps, actor, params)),
  ],
]);
