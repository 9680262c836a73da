import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { scoreRepository } from '#adapters/dynamo/score-repository.ts';
import { snapshotRepository } from '#adapters/dynamo/snapshot-repository.ts';
import { surveyRepository } from '#adapters/dynamo/survey-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as readinessRoutes from '#http/routes/readiness.ts';
import { getReadinessTrend } from '#usecases/readiness.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  evidence: evidenceRepository,
  scores: scoreRepository,
  surveys: surveyRepository,
  snapshots: snapshotRepository,
};

export const handler = httpHandler(readinessRoutes.getReadinessTrend, ({ actor, params, query }) =>
  getReadinessTrend(deps, actor, params, query),
);
