import * as org from '#adapters/dynamo/organization-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as organizationRoutes from '#http/routes/organization.ts';
import { getEntity } from '#usecases/organization.ts';

export const handler = httpHandler(organizationRoutes.getEntity, ({ actor, params }) =>
  getEntity({ org: { getEntity: org.getEntity, listUnits: org.listUnits } }, actor, params.entityId),
);
