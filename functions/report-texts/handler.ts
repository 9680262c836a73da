import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { reportTextsRepository } from '../../shared/adapters/dynamo/report-texts-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler, routedHandler } from '../../shared/http/http-handler.ts';
import { exportsRoutes } from '../../shared/http/routes/exports.ts';
import { getReportTexts, saveReportTexts } from '../../shared/usecases/report.ts';

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
