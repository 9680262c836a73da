/**
 * What every function that computes readiness reads (shared/usecases/scoring-context.ts `ReadinessDeps`): the
 * DynamoDB repositories of the entity's cycle partition and the clock. One object, so each such handler
 * wires the same facts and no route computes readiness from fewer of them.
 */

import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { scoreRepository } from '#adapters/dynamo/score-repository.ts';
import { submissionRepository } from '#adapters/dynamo/submission-repository.ts';
import { surveyRepository } from '#adapters/dynamo/survey-repository.ts';
import { systemClock } from '#adapters/runtime.ts';
import type { ReadinessDeps } from '#usecases/scoring-context.ts';

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
