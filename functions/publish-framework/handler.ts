import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as frameworksRoutes from '#http/routes/frameworks.ts';
import { publishFramework } from '#usecases/frameworks.ts';

const deps = { frameworks: frameworkRepository, clock: systemClock, ids: ulidIds };

export const handler = httpHandler(frameworksRoutes.publishFramework, ({ actor, params, body }) =>
  publishFramework(deps, actor, params.frameworkId, body.version),
);
