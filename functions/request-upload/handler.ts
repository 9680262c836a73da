import { assignmentRepository } from '../../shared/adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { objectStore } from '../../shared/adapters/s3/object-store.ts';
import { env } from '../../shared/config/env.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { requestUpload } from '../../shared/usecases/evidence.ts';

const deps = {
  org: organizationRepository,
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  assignments: assignmentRepository,
  evidence: evidenceRepository,
  store: objectStore,
  clock: systemClock,
  ids: ulidIds,
  uploadUrlTtlSeconds: env().UPLOAD_URL_TTL_SECONDS,
  multipart: { thresholdBytes: env().MULTIPART_THRESHOLD_BYTES, partBytes: env().MULTIPART_PART_BYTES },
};

export const handler = httpHandler(evidenceRoutes.requestUpload, ({ actor, params, body }) =>
  requestUpload(deps, actor, params, body),
);
