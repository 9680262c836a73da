import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { carryCopyRunner } from '../../shared/adapters/lambda/carry-copy-runner.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { objectStore } from '../../shared/adapters/s3/object-store.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { carryForward } from '../../shared/usecases/evidence-carry-forward.ts';

const deps = {
  org: organizationRepository,
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  evidence: evidenceRepository,
  store: objectStore,
  clock: systemClock,
  ids: ulidIds,
  copies: carryCopyRunner,
};

export const handler = httpHandler(evidenceRoutes.carryForwardEvidence, ({ actor, params, body }) =>
  carryForward(deps, actor, params, body),
);
