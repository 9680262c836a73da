import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { frameworksRoutes } from '../../shared/http/routes/frameworks.ts';
import { listFrameworkVersions } from '../../shared/usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.listFrameworkVersions, ({ actor, params, query }) =>
  listFrameworkVersions(
    { frameworks: frameworkRepository },
    actor,
    params.frameworkId,
    query.limit,
    query.cursor,
  ),
);
