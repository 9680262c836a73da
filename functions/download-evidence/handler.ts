import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { objectStore } from '../../shared/adapters/s3/object-store.ts';
import { env } from '../../shared/config/env.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { downloadFile } from '../../shared/usecases/evidence.ts';

const deps = {
  org: organizationRepository,
  evidence: evidenceRepository,
  store: objectStore,
  downloadUrlTtlSeconds: env().DOWNLOAD_URL_TTL_SECONDS,
};

export const handler = httpHandler(evidenceRoutes.downloadEvidenceFile, ({ actor, params, query }) =>
  downloadFile(deps, actor, params, query.revision),
);
