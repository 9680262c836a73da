import { assignmentRepository } from '../../shared/adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '../../shared/adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { scoreRepository } from '../../shared/adapters/dynamo/score-repository.ts';
import { snapshotRepository } from '../../shared/adapters/dynamo/snapshot-repository.ts';
import { submissionRepository } from '../../shared/adapters/dynamo/submission-repository.ts';
import { surveyRepository } from '../../shared/adapters/dynamo/survey-repository.ts';
import { systemClock } from '../../shared/adapters/runtime.ts';
import { type SnapshotRun, takeDailySnapshots } from '../../shared/usecases/readiness.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  evidence: evidenceRepository,
  scores: scoreRepository,
  surveys: surveyRepository,
  submissions: submissionRepository,
  snapshots: snapshotRepository,
  clock: systemClock,
};

/**
 * EventBridge Scheduler, daily in Asia/Ho_Chi_Minh (the local stack: at start and hourly). Idempotent per
 * entity and day, so the schedule's retries and repeated local runs write each day's snapshot once.
 */
export async function handler(): Promise<SnapshotRun> {
  const run = await takeDailySnapshots(deps);
  console.log(
    JSON.stringify({
      level: run.failed.length ? 'warn' : 'info',
      msg: 'readiness-snapshot',
      date: run.date,
      written: run.written,
      skipped: run.skipped,
      failed: run.failed,
    }),
  );
  return run;
}
