import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { auditRepository } from '#adapters/dynamo/audit-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as scoringRoutes from '#http/routes/scoring.ts';
import { listCriterionAudit } from '#usecases/audit.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  audit: auditRepository,
};

export const handler = httpHandler(scoringRoutes.listCriterionAudit, ({ actor, params, query }) =>
  listCriterionAudit(deps, actor, params, query),
);
