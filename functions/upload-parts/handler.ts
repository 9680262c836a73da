import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { objectStore } from '#adapters/s3/object-store.ts';
import { env } from '#config/env.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { uploadParts } from '#usecases/evidence.ts';

const deps = {
  evidence: evidenceRepository,
  org: organizationRepository,
  store: objectStore,
  uploadUrlTtlSeconds: env().UPLOAD_URL_TTL_SECONDS,
};

export const handler = httpHandler(evidenceRoutes.uploadParts, ({ actor, params, body }) =>
  uploadParts(deps, actor, params, body),
);
