import { exportRepository } from '#adapters/dynamo/export-repository.ts';
import { ulidIds } from '#adapters/runtime.ts';
import { objectStore } from '#adapters/s3/object-store.ts';
import { readinessDeps } from '#composition/readiness-deps.ts';
import { env } from '#config/env.ts';
import { httpHandler, routedHandler } from '#http/http-handler.ts';
import * as exportsRoutes from '#http/routes/exports.ts';
import { getExport } from '#usecases/dossier.ts';

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
