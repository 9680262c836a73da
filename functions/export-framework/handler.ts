import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { frameworkSheetWriter } from '#adapters/xlsx/framework-sheet-write.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as frameworksRoutes from '#http/routes/frameworks.ts';
import { exportFramework } from '#usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.exportFramework, ({ actor, params, query }) =>
  exportFramework(
    { frameworks: frameworkRepository, sheets: frameworkSheetWriter },
    actor,
    params.frameworkId,
    params.version,
    query.format,
  ),
);
