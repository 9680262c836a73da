import middy from '@middy/core';
import * as z from 'zod/mini';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { CARRY_COPY_SOURCE } from '#adapters/lambda/carry-copy-runner.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { streamingObjectStore } from '#adapters/s3/object-store.ts';
import { scannerFromEnv } from '#adapters/scanners/from-env.ts';
import { recoveryConfig } from '#config/recovery-env.ts';
import { id } from '#domain/common.ts';
import { type CarriedCopiesReport, finishCarriedCopies } from '#usecases/carried-copies.ts';
import { type RedriveReport, redriveUploads } from '#usecases/upload-recovery.ts';

const deps = {
  evidence: evidenceRepository,
  cycles: cycleRepository,
  store: streamingObjectStore,
  scanner: scannerFromEnv(streamingObjectStore),
  clock: systemClock,
  ids: ulidIds,
};

/** A carry-forward request's leftover copies (shared/adapters/lambda/carry-copy-runner.ts). */
const carryCopyJob = z.object({
  source: z.literal(CARRY_COPY_SOURCE),
  cycleId: id,
  entityId: id,
  evidenceIds: z.array(id).check(z.minLength(1), z.maxLength(100)),
});

/**
 * EventBridge Scheduler (every 15 minutes) → the upload redrive. Revisions that fail are retried by the next
 * run; the run still fails when any did, so the failure reaches the on-failure destination and its alarm.
 * Invoked asynchronously by carry-forward with a copy job, it makes the copies that request left (streaming
 * client profile: a large CopyObject may take minutes); what it cannot finish the scheduled runs make.
 */
export const handler = middy<unknown, RedriveReport | CarriedCopiesReport>().handler(
  async (event, context) => {
    // Lambda always gives it; a caller without one (a local runner) sets no time limit.
    const timeLeftMs = context?.getRemainingTimeInMillis
      ? () => context.getRemainingTimeInMillis()
      : undefined;
    const job = carryCopyJob.safeParse(event);
    if (job.success) {
      const report = await finishCarriedCopies(deps, job.data, { timeLeftMs });
      const level = report.failed.length ? 'error' : 'info';
      console.log(
        JSON.stringify({ level, msg: 'carry-forward copies', ...report, deferred: report.deferred.length }),
      );
      if (report.failed.length)
        throw new Error(`carry-forward copies: ${report.failed.length} file(s) could not be copied`);
      return report;
    }
    const report = await redriveUploads(deps, recoveryConfig(), { timeLeftMs });
    console.log(
      JSON.stringify({ level: report.failed.length ? 'error' : 'info', msg: 'redrive-uploads', ...report }),
    );
    if (report.failed.length)
      throw new Error(`redrive-uploads: ${report.failed.length} revision(s) could not be recovered this run`);
    return report;
  },
);
