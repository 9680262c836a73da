import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { frameworkSheet } from '../../shared/adapters/xlsx/framework-sheet.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { frameworksRoutes } from '../../shared/http/routes/frameworks.ts';
import { exportFramework } from '../../shared/usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.exportFramework, ({ actor, params, query }) =>
  exportFramework(
    { frameworks: frameworkRepository, sheets: frameworkSheet },
    actor,
    params.frameworkId,
    params.version,
    query.format,
  ),
);
