import { assignmentRepository } from '../../shared/adapters/dynamo/assignment-repository.ts';
import { auditRepository } from '../../shared/adapters/dynamo/audit-repository.ts';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { scoringRoutes } from '../../shared/http/routes/scoring.ts';
import { listCriterionAudit } from '../../shared/usecases/audit.ts';

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
