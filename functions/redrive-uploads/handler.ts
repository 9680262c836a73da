import middy from '@middy/core';
import { cycleRepository } from '../../shared/adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '../../shared/adapters/dynamo/evidence-repository.ts';
import { systemClock, ulidIds } from '../../shared/adapters/runtime.ts';
import { streamingObjectStore } from '../../shared/adapters/s3/object-store.ts';
import { scannerFromEnv } from '../../shared/adapters/scanners/from-env.ts';
import { recoveryConfig } from '../../shared/config/recovery-env.ts';
import { type RedriveReport, redriveUploads } from '../../shared/usecases/upload-recovery.ts';

const deps = {
  evidence: evidenceRepository,
  cycles: cycleRepository,
  store: streamingObjectStore,
  scanner: scannerFromEnv(streamingObjectStore),
  clock: systemClock,
  ids: ulidIds,
};

/**
 * EventBridge Scheduler (every 15 minutes) → the upload redrive. Revisions that fail are retried by the next
 * run; the run still fails when any did, so the failure reaches the on-failure destination and its alarm.
 */
export const handler = middy<unknown, RedriveReport>().handler(async (_event, context) => {
  const report = await redriveUploads(deps, recoveryConfig(), {
    timeLeftMs: () => context.getRemainingTimeInMillis(),
  });
  console.log(
    JSON.stringify({ level: report.failed.length ? 'error' : 'info', msg: 'redrive-uploads', ...report }),
  );
  if (report.failed.length)
    throw new Error(`redrive-uploads: ${report.failed.length} revision(s) could not be recovered this run`);
  return report;
});
