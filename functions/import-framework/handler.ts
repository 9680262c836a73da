import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { frameworkSheet } from '../../shared/adapters/xlsx/framework-sheet.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { frameworksRoutes } from '../../shared/http/routes/frameworks.ts';
import { importFramework } from '../../shared/usecases/frameworks.ts';

const deps = { frameworks: frameworkRepository, sheets: frameworkSheet, clock: systemClock, ids: ulidIds };

export const handler = httpHandler(frameworksRoutes.importFramework, ({ actor, body }) =>
  importFramework(deps, actor, { mode: body.mode, publish: body.publish, source: body }),
);
