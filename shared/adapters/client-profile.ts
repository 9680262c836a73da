/**
 * How long an AWS SDK client may wait, per kind of work (docs/architecture.md "Storage faults answer fast").
 *
 * - `request`: everything an API function does, and every short call elsewhere (DynamoDB, Cognito, SES,
 *   Lambda invoke, S3 metadata). A dependency that stalls costs at most REQUEST_BUDGET_MS, then the call
 *   fails with a TimeoutError that `guard()` turns into a 503.
 * - `stream`: moving object bodies (finalize hashing and sniffing, the evidence package). Only silence is
 *   limited (an idle socket), so a long but healthy transfer is never cut.
 *
 * The numbers rely on @smithy/node-http-handler as installed (read in its source): `requestTimeout` runs from
 * the request's creation (socket queue and connect included) until the response headers arrive, and only
 * throws with `throwOnRequestTimeout` (otherwise it merely logs); `socketTimeout` is the socket's idle limit,
 * before and after the headers; `connectionTimeout` limits the TCP connect. Plain options are enough: every
 * client builds its NodeHttpHandler from them, so nothing is added to a bundle.
 */
import type { NodeHttpHandlerOptions, RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';

export type ClientProfile = 'request' | 'stream';

export const REQUEST_PROFILE = {
  /** The whole call, retries and back-off included. */
  budgetMs: 3_000,
  /**
   * Per attempt: until the response headers (queue + connect + server time). Most of the budget: a slow but
   * healthy answer (a loaded machine, a cold partition) is worth more than a second attempt, which then runs
   * only after a fast failure (refused, reset).
   */
  requestTimeoutMs: 2_400,
  /** Per attempt: silence on the socket, also while the body of the response is read. */
  socketTimeoutMs: 2_400,
  /** A TCP connect that takes this long goes to a fresh attempt sooner. */
  connectionTimeoutMs: 1_000,
  maxAttempts: 3,
  /** Full-jitter back-off bases (× 2^retry); throttling waits longer. */
  backoffMs: 50,
  throttlingBackoffMs: 250,
} as const;

export const STREAM_PROFILE = {
  connectionTimeoutMs: 3_000,
  /** Idle only: S3 streams, and keeps a long CompleteMultipartUpload alive with whitespace. */
  socketTimeoutMs: 60_000,
  maxAttempts: 3,
} as const;

interface BudgetToken extends RetryToken {
  readonly startedAt: number;
}

const token = (retryCount: number, delay: number, startedAt: number): BudgetToken => ({
  startedAt,
  getRetryCount: () => retryCount,
  getRetryDelay: () => delay,
});

/**
 * The SDK's retry loop with a deadline: a retry starts only when a whole attempt (until the response headers)
 * still fits in the budget, so a call that gets no answer fails within the budget whatever the errors were.
 * Only transient and throttling errors are retried; a server's Retry-After is not waited for (the caller gets
 * its 503 and may retry later).
 */
export class BudgetRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  readonly #now: () => number;
  readonly #random: () => number;

  constructor(now: () => number = Date.now, random: () => number = Math.random) {
    this.#now = now;
    this.#random = random;
  }

  async acquireInitialRetryToken(_scope: string): Promise<RetryToken> {
    return token(0, 0, this.#now());
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const p = REQUEST_PROFILE;
    const retries = previous.getRetryCount();
    const startedAt = (previous as BudgetToken).startedAt ?? this.#now();
    const retryable = info.errorType === 'TRANSIENT' || info.errorType === 'THROTTLING';
    const base = info.errorType === 'THROTTLING' ? p.throttlingBackoffMs : p.backoffMs;
    const delay = Math.floor(this.#random() * base * 2 ** retries);
    const finishesBy = this.#now() - startedAt + delay + p.requestTimeoutMs;
    if (!retryable || retries + 1 >= p.maxAttempts || finishesBy > p.budgetMs)
      // The SDK then rethrows the attempt's own error.
      throw new Error('no retry within the request budget');
    return token(retries + 1, delay, startedAt);
  }

  recordSuccess(_token: RetryToken): void {}
}

/** Options to spread into any AWS SDK v3 client constructor. */
export function clientOptions(profile: ClientProfile): {
  maxAttempts: number;
  retryStrategy?: RetryStrategyV2;
  requestHandler: NodeHttpHandlerOptions;
} {
  if (profile === 'stream') {
    const s = STREAM_PROFILE;
    // The SDK's standard retries (with back-off) suit background work that has minutes, not seconds.
    return {
      maxAttempts: s.maxAttempts,
      requestHandler: { connectionTimeout: s.connectionTimeoutMs, socketTimeout: s.socketTimeoutMs },
    };
  }
  const r = REQUEST_PROFILE;
  return {
    maxAttempts: r.maxAttempts,
    retryStrategy: new BudgetRetryStrategy(),
    requestHandler: {
      connectionTimeout: r.connectionTimeoutMs,
      requestTimeout: r.requestTimeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: r.socketTimeoutMs,
    },
  };
}
