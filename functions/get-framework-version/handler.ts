import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as frameworksRoutes from '#http/routes/frameworks.ts';
import { getFrameworkVersion } from '#usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.getFrameworkVersion, ({ actor, params }) =>
  getFrameworkVersion({ frameworks: frameworkRepository }, actor, params.frameworkId, params.version),
);
