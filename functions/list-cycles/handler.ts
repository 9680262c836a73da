import * as cycles from '#adapters/dynamo/cycle-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as cyclesRoutes from '#http/routes/cycles.ts';
import { listCycles } from '#usecases/cycles.ts';

export const handler = httpHandler(cyclesRoutes.listCycles, ({ actor, query }) =>
  listCycles({ cycles: { list: cycles.list } }, actor, query.limit, query.cursor),
);
