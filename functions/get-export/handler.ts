import { exportRepository } from '../../shared/adapters/dynamo/export-repository.ts';
import { ulidIds } from '../../shared/adapters/runtime.ts';
import { objectStore } from '../../shared/adapters/s3/object-store.ts';
import { readinessDeps } from '../../shared/composition/readiness-deps.ts';
import { env } from '../../shared/config/env.ts';
import { httpHandler, routedHandler } from '../../shared/http/http-handler.ts';
import { exportsRoutes } from '../../shared/http/routes/exports.ts';
import { getExport } from '../../shared/usecases/dossier.ts';

const deps = {
  ...readinessDeps,
  exports: exportRepository,
  store: objectStore,
  downloadUrlTtlSeconds: env().DOWNLOAD_URL_TTL_SECONDS,
  ids: ulidIds,
};

export const handler = routedHandler([
  [
    exportsRoutes.getEntityExport,
    httpHandler(exportsRoutes.getEntityExport, ({ actor, params }) => getExport(deps, actor, params)),
  ],
  [
    exportsRoutes.getCycleExport,
    httpHandler(exportsRoutes.getCycleExport, ({ actor, params }) => getExport(deps, actor, params)),
  ],
]);
