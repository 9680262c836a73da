import { userRepository } from '../../shared/adapters/dynamo/user-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { usersRoutes } from '../../shared/http/routes/users.ts';
import { listUsers } from '../../shared/usecases/users.ts';

export const handler = httpHandler(usersRoutes.listUsers, ({ actor, query }) =>
  listUsers({ users: userRepository }, actor, { entityId: query.entityId }, query.limit, query.cursor),
);
