import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { userRepository } from '#adapters/dynamo/user-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as usersRoutes from '#http/routes/users.ts';
import { listUsers } from '#usecases/users.ts';

const deps = { users: userRepository, org: organizationRepository };

export const handler = httpHandler(usersRoutes.listUsers, ({ actor, query }) =>
  listUsers(deps, actor, { entityId: query.entityId }, query.limit, query.cursor),
);
