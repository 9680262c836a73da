import {
  cycleRepository,
  evidenceRepository,
  frameworkRepository,
} from '../../shared/adapters/dynamo/repositories.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { objectStore } from '../../shared/adapters/s3/object-store.ts';
import { env } from '../../shared/config/env.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { requestUpload } from '../../shared/usecases/evidence.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  evidence: evidenceRepository,
  store: objectStore,
  clock: systemClock,
  ids: ulidIds,
  uploadUrlTtlSeconds: env().UPLOAD_URL_TTL_SECONDS,
};

export const handler = httpHandler(routes.requestUpload, ({ actor, params, body }) =>
  requestUpload(deps, actor, params, body),
);
