import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as frameworksRoutes from '#http/routes/frameworks.ts';
import { listFrameworks } from '#usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.listFrameworks, ({ actor, query }) =>
  listFrameworks({ frameworks: frameworkRepository }, actor, query.limit, query.cursor),
);
