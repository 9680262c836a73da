/**
 * What every function that computes readiness reads (shared/usecases/scoring-context.ts `ReadinessDeps`): the
 * DynamoDB repositories of the entity's cycle partition and the clock. One object, so each such handler
 * wires the same facts and no route computes readiness from fewer of them.
 */
import type { ReadinessDeps } from '../usecases/scoring-context.ts';
import { assignmentRepository } from './dynamo/assignment-repository.ts';
import { cycleRepository } from './dynamo/cycle-repository.ts';
import { evidenceRepository } from './dynamo/evidence-repository.ts';
import { frameworkRepository } from './dynamo/framework-repository.ts';
import { organizationRepository } from './dynamo/organization-repository.ts';
import { scoreRepository } from './dynamo/score-repository.ts';
import { submissionRepository } from './dynamo/submission-repository.ts';
import { surveyRepository } from './dynamo/survey-repository.ts';
import { systemClock } from './runtime.ts';

export const readinessDeps: ReadinessDeps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  evidence: evidenceRepository,
  scores: scoreRepository,
  surveys: surveyRepository,
  submissions: submissionRepository,
  clock: systemClock,
};
