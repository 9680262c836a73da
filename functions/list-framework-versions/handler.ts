import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as frameworksRoutes from '#http/routes/frameworks.ts';
import { listFrameworkVersions } from '#usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.listFrameworkVersions, ({ actor, params, query }) =>
  listFrameworkVersions(
    { frameworks: frameworkRepository },
    actor,
    params.frameworkId,
    query.limit,
    query.cursor,
  ),
);
