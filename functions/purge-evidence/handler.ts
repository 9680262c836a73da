import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { objectStore } from '#adapters/s3/object-store.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { purgeEvidence } from '#usecases/evidence-manage.ts';

const deps = {
  evidence: evidenceRepository,
  store: objectStore,
  clock: systemClock,
  ids: ulidIds,
  org: organizationRepository,
};

export const handler = httpHandler(evidenceRoutes.purgeEvidence, ({ actor, params, body }) =>
  purgeEvidence(deps, actor, params, body),
);
