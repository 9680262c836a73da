import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { objectStore } from '#adapters/s3/object-store.ts';
import { env } from '#config/env.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { downloadFile } from '#usecases/evidence.ts';

const deps = {
  org: organizationRepository,
  evidence: evidenceRepository,
  store: objectStore,
  downloadUrlTtlSeconds: env().DOWNLOAD_URL_TTL_SECONDS,
};

export const handler = httpHandler(evidenceRoutes.downloadEvidenceFile, ({ actor, params, query }) =>
  downloadFile(deps, actor, params, query.revision),
);
