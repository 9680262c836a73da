import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { reportTextsRepository } from '#adapters/dynamo/report-texts-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler, routedHandler } from '#http/http-handler.ts';
import * as exportsRoutes from '#http/routes/exports.ts';
import { getReportTexts, saveReportTexts } from '#usecases/report.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  reports: reportTextsRepository,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = routedHandler([
  [
    exportsRoutes.getReportTexts,
    httpHandler(exportsRoutes.getReportTexts, ({ actor, params }) => getReportTexts(deps, actor, params)),
  ],
  [
    exportsRoutes.saveReportTexts,
    httpHandler(exportsRoutes.saveReportTexts, ({ actor, params, body }) =>
      saveReportTexts(deps, actor, params, body),
    ),
  ],
]);
