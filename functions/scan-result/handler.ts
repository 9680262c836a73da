import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { verdictFromGuardDuty } from '#domain/malware.ts';
import { applyScanResult } from '#usecases/evidence-finalize.ts';

const deps = { evidence: evidenceRepository, clock: systemClock, ids: ulidIds };

/** The part of GuardDuty's "Malware Protection Object Scan Result" event this function reads. */
const detailSchema = z.object({
  s3ObjectDetails: z.object({ bucketName: z.string(), objectKey: z.string() }),
  scanResultDetails: z.object({
    scanResultStatus: z.string(),
    threats: z.pipe(
      z.nullish(z.array(z.object({ name: z.string() }))),
      z.transform((t) => t ?? []),
    ),
  }),
});

/**
 * EventBridge (GuardDuty Malware Protection for S3) → the file's verdict. Idempotent like finalize; an
 * unreadable event is logged and dropped rather than retried forever.
 */
export const handler = middy<EventBridgeEvent<string, unknown>, { outcome: string }>().handler(
  async (event) => {
    const parsed = detailSchema.safeParse(event.detail);
    if (!parsed.success) {
      console.error(JSON.stringify({ level: 'error', msg: 'scan-result: unreadable event', id: event.id }));
      return { outcome: 'unreadable' };
    }
    const { s3ObjectDetails: obj, scanResultDetails: res } = parsed.data;
    const verdict = verdictFromGuardDuty(
      res.scanResultStatus,
      res.threats.map((t) => t.name),
    );
    if (!verdict) {
      console.error(
        JSON.stringify({ level: 'error', msg: 'scan-result: unknown status', status: res.scanResultStatus }),
      );
      return { outcome: 'unknown-status' };
    }
    const outcome = await applyScanResult(deps, obj.objectKey, verdict);
    console.log(
      JSON.stringify({
        level: 'info',
        msg: 'scan-result',
        key: obj.objectKey,
        status: verdict.status,
        outcome,
      }),
    );
    return { outcome };
  },
);
