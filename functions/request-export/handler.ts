import { exportRepository } from '../../shared/adapters/dynamo/export-repository.ts';
import { reportTextsRepository } from '../../shared/adapters/dynamo/report-texts-repository.ts';
import { exportRunner } from '../../shared/adapters/lambda/export-runner.ts';
import { ulidIds } from '../../shared/adapters/runtime.ts';
import { readinessDeps } from '../../shared/composition/readiness-deps.ts';
import { httpHandler, routedHandler } from '../../shared/http/http-handler.ts';
import { exportsRoutes } from '../../shared/http/routes/exports.ts';
import { requestCycleExport, requestEntityExport } from '../../shared/usecases/dossier.ts';

const deps = {
  ...readinessDeps,
  exports: exportRepository,
  runner: exportRunner,
  reports: reportTextsRepository,
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
