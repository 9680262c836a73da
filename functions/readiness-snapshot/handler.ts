import { snapshotRepository } from '#adapters/dynamo/snapshot-repository.ts';
import { readinessDeps } from '#composition/readiness-deps.ts';
import { type SnapshotRun, takeDailySnapshots } from '#usecases/readiness.ts';

const deps = {
  ...readinessDeps,
  snapshots: snapshotRepository,
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
