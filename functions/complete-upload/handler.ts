import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { objectStore } from '../../shared/adapters/s3/object-store.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { completeUpload } from '../../shared/usecases/evidence.ts';

const deps = { evidence: evidenceRepository, org: organizationRepository, store: objectStore };

export const handler = httpHandler(evidenceRoutes.completeUpload, ({ actor, params, body }) =>
  completeUpload(deps, actor, params, body),
);
