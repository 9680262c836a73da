import middy from '@middy/core';
import type { S3Event } from 'aws-lambda';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { streamingObjectStore } from '#adapters/s3/object-store.ts';
import { scannerFromEnv } from '#adapters/scanners/from-env.ts';
import { finalizeUpload } from '#usecases/evidence-finalize.ts';

const deps = {
  evidence: evidenceRepository,
  cycles: cycleRepository,
  store: streamingObjectStore,
  scanner: scannerFromEnv(streamingObjectStore),
  clock: systemClock,
  ids: ulidIds,
};

/**
 * S3 ObjectCreated → finalize. Records are handled one by one; an error propagates so Lambda retries the
 * event, which is safe because finalize is idempotent.
 */
export const handler = middy<S3Event, { outcomes: string[] }>().handler(async (event) => {
  const outcomes: string[] = [];
  for (const record of event.Records) {
    // S3 URL-encodes keys in events, with '+' for spaces.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const outcome = await finalizeUpload(deps, key);
    console.log(JSON.stringify({ level: 'info', msg: 'finalize', key, outcome }));
    outcomes.push(outcome);
  }
  return { outcomes };
});
