import { exportRepository } from '#adapters/dynamo/export-repository.ts';
import { reportTextsRepository } from '#adapters/dynamo/report-texts-repository.ts';
import { exportRunner } from '#adapters/lambda/export-runner.ts';
import { ulidIds } from '#adapters/runtime.ts';
import { readinessDeps } from '#composition/readiness-deps.ts';
import { httpHandler, routedHandler } from '#http/http-handler.ts';
import * as exportsRoutes from '#http/routes/exports.ts';
import { requestCycleExport, requestEntityExport } from '#usecases/dossier.ts';

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
