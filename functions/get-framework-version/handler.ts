import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { frameworksRoutes } from '../../shared/http/routes/frameworks.ts';
import { getFrameworkVersion } from '../../shared/usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.getFrameworkVersion, ({ actor, params }) =>
  getFrameworkVersion({ frameworks: frameworkRepository }, actor, params.frameworkId, params.version),
);
