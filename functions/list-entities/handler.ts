import * as org from '#adapters/dynamo/organization-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as organizationRoutes from '#http/routes/organization.ts';
import { listEntities } from '#usecases/organization.ts';

export const handler = httpHandler(organizationRoutes.listEntities, ({ actor, params, query }) =>
  listEntities(
    { org: { getProvince: org.getProvince, listEntities: org.listEntities } },
    actor,
    params.provinceId,
    query.limit,
    query.cursor,
  ),
);
