import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { organizationRoutes } from '../../shared/http/routes/organization.ts';
import { listEntities } from '../../shared/usecases/organization.ts';

export const handler = httpHandler(organizationRoutes.listEntities, ({ actor, params, query }) =>
  listEntities({ org: organizationRepository }, actor, params.provinceId, query.limit, query.cursor),
);
