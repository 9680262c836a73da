import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { frameworksRoutes } from '../../shared/http/routes/frameworks.ts';
import { publishFramework } from '../../shared/usecases/frameworks.ts';

const deps = { frameworks: frameworkRepository, clock: systemClock, ids: ulidIds };

export const handler = httpHandler(frameworksRoutes.publishFramework, ({ actor, params, body }) =>
  publishFramework(deps, actor, params.frameworkId, body.version),
);
