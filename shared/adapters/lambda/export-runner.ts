/**
 * Starts the export worker: an asynchronous Lambda invocation (`InvocationType: Event`), so the request
 * answers at once and Lambda retries a failed build twice, then hands it to the function's failure
 * destination. Locally `LAMBDA_ENDPOINT` points the same client at the local stack's invoke front
 * (infra/local/lambda-front.ts), which runs the same handler in-process.
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { clientOptions } from '#adapters/client-profile.ts';
import { guard } from '#adapters/guard.ts';
import { env } from '#config/env.ts';
import type { ExportRunner } from '#ports.ts';

let client: LambdaClient | undefined;

/** One client per container, shared by the runners that start background work. */
export function lambda(): LambdaClient {
  if (!client) {
    const { AWS_REGION, LAMBDA_ENDPOINT } = env();
    client = new LambdaClient({
      region: AWS_REGION,
      ...(LAMBDA_ENDPOINT ? { endpoint: LAMBDA_ENDPOINT } : {}),
      ...clientOptions('request'),
    });
  }
  return client;
}

export const exportRunner: ExportRunner = {
  async start(jobId) {
    const functionName = env().EXPORT_FUNCTION_NAME;
    if (!functionName)
      throw new Error('EXPORT_FUNCTION_NAME is not set: the export worker cannot be started');
    const res = await guard('dịch vụ lập hồ sơ (export worker)', () =>
      lambda().send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify({ jobId })),
        }),
      ),
    );
    // An Event invocation is accepted with 202; anything else means it was not queued.
    if (res.StatusCode !== 202) throw new Error(`export worker not queued (status ${res.StatusCode})`);
  },
};
