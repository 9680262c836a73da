import { readinessDeps } from '../../shared/composition/readiness-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { exportsRoutes } from '../../shared/http/routes/exports.ts';
import { getScoreTable } from '../../shared/usecases/dossier.ts';

const deps = readinessDeps;

export const handler = httpHandler(exportsRoutes.getScoreTable, ({ actor, params, query }) =>
  getScoreTable(deps, actor, params, query.unitId),
);
