import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { objectStore } from '#adapters/s3/object-store.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { completeUpload } from '#usecases/evidence.ts';

const deps = { evidence: evidenceRepository, org: organizationRepository, store: objectStore };

export const handler = httpHandler(evidenceRoutes.completeUpload, ({ actor, params, body }) =>
  completeUpload(deps, actor, params, body),
);
