import { DependencyUnavailableError } from '#domain/errors.ts';

const UNAVAILABLE_NAMES = new Set([
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalFailure',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'SlowDown',
  // The SDK's own timeouts (connection, request, idle socket: shared/adapters/client-profile.ts) and the
  // services' server-side ones.
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** True when the error says "the dependency is down or overloaded", not "your request is wrong". */
export function isUnavailable(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (err.name && UNAVAILABLE_NAMES.has(err.name)) return true;
  if (err.code && NETWORK_CODES.has(err.code)) return true;
  if ((err.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (err.cause && err.cause !== e) return isUnavailable(err.cause);
  // AggregateError from undici/net when every address refused.
  if (e instanceof AggregateError) return e.errors.some(isUnavailable);
  return false;
}

/** Runs an adapter call and turns "dependency down" errors into a typed 503-mapped domain error. */
export async function guard<T>(dependency: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (isUnavailable(e)) throw new DependencyUnavailableError(dependency, e);
    throw e;
  }
}
