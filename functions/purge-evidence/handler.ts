import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { objectStore } from '../../shared/adapters/s3/object-store.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { purgeEvidence } from '../../shared/usecases/evidence-manage.ts';

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
