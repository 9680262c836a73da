/**
 * A dead database must give the caller a 503 with a retry message, never a stack trace. The handler runs for
 * real with its real SDK client, pointed at a port where nothing listens.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '#infra/local/engines.ts';
import { idToken, stack } from './helpers.ts';

describe('a failing dependency', () => {
  afterAll(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is a 503 in both languages, and the body leaks nothing internal', async () => {
    const deadPort = await freePort();
    vi.resetModules();
    vi.stubEnv('TABLE_NAME', stack.tableName);
    vi.stubEnv('BUCKET_NAME', stack.bucket);
    vi.stubEnv('AWS_REGION', 'ap-southeast-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
    vi.stubEnv('DYNAMODB_ENDPOINT', `http://127.0.0.1:${deadPort}`);
    const { handler } = await import('#functions/get-cycle/handler.ts');
    const token = await idToken('admin@minhchung.local');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    const res = await handler(
      {
        version: '2.0',
        routeKey: 'GET /v1/cycles/{cycleId}',
        rawPath: '/v1/cycles/cycle-2023',
        headers: {},
        pathParameters: { cycleId: 'cycle-2023' },
        isBase64Encoded: false,
        requestContext: {
          requestId: 'req-1',
          authorizer: { jwt: { claims: { ...claims, 'cognito:groups': '[admin]' }, scopes: [] } },
        },
      } as never,
      { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 10_000 } as never,
    );
    expect(res.statusCode).toBe(503);
    const body = JSON.parse(String(res.body));
    expect(body.error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(body.error.message.vi).toContain('thử lại');
    expect(body.error.requestId).toBe('req-1');
    expect(String(res.body)).not.toMatch(/ECONNREFUSED|at .*\.ts|stack/i);
  });
});
