/**
 * Hands the copies a carry-forward request leaves to the background: an asynchronous invocation
 * (`InvocationType: Event`) of the upload redrive with the job, so Lambda retries a failed run and keeps what
 * still fails in the redrive's failure queue; the scheduled redrive makes any copy a lost job left. Locally
 * `LAMBDA_ENDPOINT` points the same client at the local stack's invoke front (infra/local/lambda-front.ts).
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { guard } from '#adapters/guard.ts';
import { env } from '#config/env.ts';
import type { CarryCopyRunner } from '#ports.ts';
import { lambda } from './export-runner.ts';

/** The event the redrive function tells apart from its schedule's. */
export const CARRY_COPY_SOURCE = 'carry-forward';

export const carryCopyRunner: CarryCopyRunner = {
  async start(job) {
    const functionName = env().CARRY_COPY_FUNCTION_NAME;
    if (!functionName) throw new Error('CARRY_COPY_FUNCTION_NAME is not set: copies wait for the redrive');
    const res = await guard('dịch vụ sao chép tệp (copy worker)', () =>
      lambda().send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify({ source: CARRY_COPY_SOURCE, ...job })),
        }),
      ),
    );
    if (res.StatusCode !== 202) throw new Error(`copy job not queued (status ${res.StatusCode})`);
  },
};
