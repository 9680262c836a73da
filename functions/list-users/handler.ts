import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { userRepository } from '../../shared/adapters/dynamo/user-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { usersRoutes } from '../../shared/http/routes/users.ts';
import { listUsers } from '../../shared/usecases/users.ts';

const deps = { users: userRepository, org: organizationRepository };

export const handler = httpHandler(usersRoutes.listUsers, ({ actor, query }) =>
  listUsers(deps, actor, { entityId: query.entityId }, query.limit, query.cursor),
);
