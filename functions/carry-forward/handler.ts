import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { carryCopyRunner } from '#adapters/lambda/carry-copy-runner.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { objectStore } from '#adapters/s3/object-store.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as evidenceRoutes from '#http/routes/evidence.ts';
import { carryForward } from '#usecases/evidence-carry-forward.ts';

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
