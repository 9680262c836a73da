import { cycleRepository } from '../../shared/adapters/dynamo/repositories.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { listCycles } from '../../shared/usecases/cycles.ts';

export const handler = httpHandler(routes.listCycles, ({ actor, query }) =>
  listCycles({ cycles: cycleRepository }, actor, query.limit, query.cursor),
);
