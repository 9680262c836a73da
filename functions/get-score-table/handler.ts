import { readinessDeps } from '#composition/readiness-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as exportsRoutes from '#http/routes/exports.ts';
import { getScoreTable } from '#usecases/dossier.ts';

const deps = readinessDeps;

export const handler = httpHandler(exportsRoutes.getScoreTable, ({ actor, params, query }) =>
  getScoreTable(deps, actor, params, query.unitId),
);
