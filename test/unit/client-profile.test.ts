/**
 * The SDK client profiles (shared/adapters/client-profile.ts): the request profile's numbers keep a call that
 * gets no answer within its 3 s budget, retries included; the stream profile limits only silence. And the
 * timeout errors @smithy/node-http-handler throws are the ones guard() turns into a 503.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BudgetRetryStrategy,
  clientOptions,
  REQUEST_PROFILE,
  STREAM_PROFILE,
} from '#adapters/client-profile.ts';
import { isUnavailable } from '#adapters/guard.ts';

type ErrorType = 'TRANSIENT' | 'THROTTLING' | 'SERVER_ERROR' | 'CLIENT_ERROR';

/** Drives the strategy as the SDK's retry middleware does; each attempt lasts as long as it is given. */
async function run(attemptMs: number[], errorTypes: ErrorType[], random = () => 1) {
  let now = 0;
  const strategy = new BudgetRetryStrategy(() => now, random);
  let token = await strategy.acquireInitialRetryToken('');
  let attempts = 0;
  for (;;) {
    now += attemptMs[attempts] ?? REQUEST_PROFILE.requestTimeoutMs;
    const errorType = errorTypes[attempts] ?? 'TRANSIENT';
    attempts += 1;
    try {
      token = await strategy.refreshRetryTokenForRetry(token, { errorType });
    } catch {
      return { attempts, elapsedMs: now };
    }
    now += token.getRetryDelay();
  }
}

describe('request profile', () => {
  const options = clientOptions('request');

  it('times out every attempt, and throws on it (the handler only logs a warning without throwOnRequestTimeout)', () => {
    expect(options.requestHandler).toEqual({
      connectionTimeout: 1_000,
      requestTimeout: 2_400,
      throwOnRequestTimeout: true,
      socketTimeout: 2_400,
    });
    expect(options.maxAttempts).toBe(3);
    expect(options.retryStrategy).toBeInstanceOf(BudgetRetryStrategy);
    // The idle limit also runs while the server thinks: below the request timeout it would be the real limit.
    expect(REQUEST_PROFILE.socketTimeoutMs).toBeGreaterThanOrEqual(REQUEST_PROFILE.requestTimeoutMs);
    expect(REQUEST_PROFILE.connectionTimeoutMs).toBeLessThanOrEqual(REQUEST_PROFILE.requestTimeoutMs);
  });

  it('a stalled dependency: one whole attempt (no second one fits), a failure by 2.4 s', async () => {
    const r = await run([], []);
    expect(r.attempts).toBe(1);
    expect(r.elapsedMs).toBeLessThanOrEqual(2_400 + REQUEST_PROFILE.backoffMs);
  });

  it('fast failures (a refused or reset connection) are retried up to three attempts', async () => {
    expect((await run([5, 5, 5], [])).attempts).toBe(3);
  });

  it('a wrong request is not retried', async () => {
    expect((await run([5], ['CLIENT_ERROR'])).attempts).toBe(1);
    expect((await run([5], ['SERVER_ERROR'])).attempts).toBe(1);
  });

  it('whatever the attempts and errors, a call that gets no answer ends within the 3 s budget', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: REQUEST_PROFILE.requestTimeoutMs }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.array(fc.constantFrom<ErrorType>('TRANSIENT', 'THROTTLING'), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        async (attemptMs, errorTypes, jitter) => {
          const r = await run(attemptMs, errorTypes, () => jitter);
          expect(r.elapsedMs).toBeLessThanOrEqual(REQUEST_PROFILE.budgetMs);
          expect(r.attempts).toBeLessThanOrEqual(REQUEST_PROFILE.maxAttempts);
        },
      ),
    );
  });
});

describe('stream profile', () => {
  it('limits only the connect and silence, never the length of a transfer', () => {
    const options = clientOptions('stream');
    expect(options.requestHandler).toEqual({ connectionTimeout: 3_000, socketTimeout: 60_000 });
    expect(options.requestHandler.requestTimeout).toBeUndefined();
    expect(options.retryStrategy).toBeUndefined();
    expect(STREAM_PROFILE.socketTimeoutMs).toBeGreaterThan(REQUEST_PROFILE.budgetMs);
  });
});

describe('timeouts are "unavailable" (503), not bugs (500)', () => {
  // As @smithy/node-http-handler 4.x builds them (set-connection-timeout, set-request-timeout,
  // set-socket-timeout), and as the SDK hands them back after its retries ($metadata added).
  const timeout = (message: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(message), { name: 'TimeoutError', $metadata: { attempts: 2 }, ...extra });

  it.each([
    ['connection', timeout('the request socket did not establish a connection within 1000 ms')],
    [
      'request',
      timeout('a request has exceeded the configured 2400 ms requestTimeout', { code: 'ETIMEDOUT' }),
    ],
    ['idle socket', timeout('the request socket timed out after 2400 ms of inactivity')],
    ['DynamoDB server-side', Object.assign(new Error('x'), { name: 'RequestTimeoutException' })],
    ['reset', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['unreachable host', Object.assign(new Error('x'), { code: 'EHOSTUNREACH' })],
  ])('%s timeout', (_name, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  it('a refused condition or a wrong request is not', () => {
    expect(isUnavailable(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }))).toBe(
      false,
    );
    expect(isUnavailable(Object.assign(new Error('x'), { name: 'ValidationException' }))).toBe(false);
  });
});
