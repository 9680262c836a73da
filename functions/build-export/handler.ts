import { reportDocx } from '#adapters/docx/report-docx.ts';
import { exportRepository } from '#adapters/dynamo/export-repository.ts';
import { reportTextsRepository } from '#adapters/dynamo/report-texts-repository.ts';
import { exportRunner } from '#adapters/lambda/export-runner.ts';
import { ulidIds } from '#adapters/runtime.ts';
import { streamingObjectStore } from '#adapters/s3/object-store.ts';
import { dossierSheets } from '#adapters/xlsx/dossier-sheets.ts';
import { readinessDeps } from '#composition/readiness-deps.ts';
import { buildExport } from '#usecases/dossier.ts';

const deps = {
  ...readinessDeps,
  exports: exportRepository,
  store: streamingObjectStore,
  sheets: dossierSheets,
  reports: reportTextsRepository,
  reportWriter: reportDocx,
  runner: exportRunner,
  ids: ulidIds,
};

/** Stop two minutes before Lambda's limit: the checkpoint and the next invocation need the time. */
const MARGIN_MS = 120_000;

/**
 * Asynchronous Lambda invocation from request-export (`{ jobId }`). Idempotent: a retried invocation (Lambda
 * retries twice) finds the job done, or picks it up where it was left; a throw asks Lambda to retry.
 */
export async function handler(
  event: { jobId?: unknown },
  context?: { getRemainingTimeInMillis?: () => number },
): Promise<{ jobId: string; state?: string }> {
  if (typeof event?.jobId !== 'string') {
    console.log(JSON.stringify({ level: 'error', msg: 'build-export: event without a jobId' }));
    return { jobId: '' };
  }
  const left = context?.getRemainingTimeInMillis;
  const job = await buildExport(deps, event.jobId, {
    remainingMs: () => (left ? left() - MARGIN_MS : Number.POSITIVE_INFINITY),
  });
  console.log(
    JSON.stringify({
      level: job?.state === 'failed' ? 'warn' : 'info',
      msg: 'build-export',
      jobId: event.jobId,
      state: job?.state,
    }),
  );
  return { jobId: event.jobId, ...(job ? { state: job.state } : {}) };
}
