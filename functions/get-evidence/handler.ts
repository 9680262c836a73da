import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { evidenceRoutes } from '../../shared/http/routes/evidence.ts';
import { getEvidence } from '../../shared/usecases/evidence.ts';

export const handler = httpHandler(evidenceRoutes.getEvidence, ({ actor, params }) =>
  getEvidence({ evidence: evidenceRepository }, actor, params),
);
