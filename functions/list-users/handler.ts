import * as org from '#adapters/dynamo/organization-repository.ts';
import * as users from '#adapters/dynamo/user-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as usersRoutes from '#http/routes/users.ts';
import { listUsers } from '#usecases/users.ts';

const deps = { users: { list: users.list }, org: { getEntity: org.getEntity } };

export const handler = httpHandler(usersRoutes.listUsers, ({ actor, query }) =>
  listUsers(deps, actor, { entityId: query.entityId }, query.limit, query.cursor),
);
