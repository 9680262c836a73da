import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { frameworkSheetReader } from '#adapters/xlsx/framework-sheet-read.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as frameworksRoutes from '#http/routes/frameworks.ts';
import { importFramework } from '#usecases/frameworks.ts';

const deps = {
  frameworks: frameworkRepository,
  sheets: frameworkSheetReader,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(frameworksRoutes.importFramework, ({ actor, body }) =>
  importFramework(deps, actor, { mode: body.mode, publish: body.publish, source: body }),
);
