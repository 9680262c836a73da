import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { cyclesRoutes } from '../../shared/http/routes/cycles.ts';
import { listCycles } from '../../shared/usecases/cycles.ts';

export const handler = httpHandler(cyclesRoutes.listCycles, ({ actor, query }) =>
  listCycles({ cycles: cycleRepository }, actor, query.limit, query.cursor),
);
