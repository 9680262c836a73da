import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { frameworksRoutes } from '../../shared/http/routes/frameworks.ts';
import { listFrameworks } from '../../shared/usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.listFrameworks, ({ actor, query }) =>
  listFrameworks({ frameworks: frameworkRepository }, actor, query.limit, query.cursor),
);
