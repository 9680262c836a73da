import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { organizationRoutes } from '../../shared/http/routes/organization.ts';
import { getEntity } from '../../shared/usecases/organization.ts';

export const handler = httpHandler(organizationRoutes.getEntity, ({ actor, params }) =>
  getEntity({ org: organizationRepository }, actor, params.entityId),
);
