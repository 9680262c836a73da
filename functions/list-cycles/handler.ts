import * as cycles from '#adapters/dynamo/cycle-repository.ts';
import { getLabel } from '#adapters/dynamo/framework-label.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as cyclesRoutes from '#http/routes/cycles.ts';
import { listCycles } from '#usecases/cycles.ts';

export const handler = httpHandler(cyclesRoutes.listCycles, ({ actor, query }) =>
  listCycles({ cycles: { list: cycles.list }, frameworks: { getLabel } }, actor, query.limit, query.cursor),
);
