import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { objectStore } from '#adapters/s3/object-store.ts';
import { env } from '#config/env.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { requestUpload } from '#usecases/evidence.ts';

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
