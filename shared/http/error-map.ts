/**
 * The one table from domain errors to HTTP. Anything not listed is a bug: 500 with a generic message and a
 * request id to quote, never a stack trace.
 */

import { isUnavailable } from '#adapters/guard.ts';
import {
  ConflictError,
  DependencyUnavailableError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthenticatedError,
  ValidationError,
} from '#domain/errors.ts';

type ErrorClass = abstract new (...args: never[]) => DomainError;

export const STATUS_BY_ERROR: ReadonlyArray<readonly [ErrorClass, number]> = [
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [PayloadTooLargeError, 413],
  [DependencyUnavailableError, 503],
];

export interface ErrorBody {
  error: {
    code: string;
    message: { vi: string; en: string };
    reason?: string;
    issues?: ValidationError['issues'];
    current?: unknown;
    requestId?: string;
  };
}

export function toHttpError(e: unknown, requestId?: string): { status: number; body: ErrorBody } {
  // A timeout or refused connection that no adapter guarded is still "try again later", never a 500.
  if (!(e instanceof DomainError) && isUnavailable(e))
    return toHttpError(new DependencyUnavailableError('dịch vụ phụ trợ (a backing service)', e), requestId);
  if (e instanceof DomainError) {
    const status = STATUS_BY_ERROR.find(([cls]) => e instanceof cls)?.[1] ?? 500;
    return {
      status,
      body: {
        error: {
          code: e.code,
          message: e.detail,
          ...(e instanceof ValidationError ? { issues: e.issues } : {}),
          ...(e instanceof ForbiddenError ? { reason: e.reason } : {}),
          ...(e instanceof ConflictError && e.current !== undefined ? { current: e.current } : {}),
          requestId,
        },
      },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'INTERNAL',
        message: {
          vi: 'Đã có lỗi ngoài dự kiến. Vui lòng thử lại; nếu lỗi lặp lại, gửi mã yêu cầu cho quản trị viên.',
          en: 'Something unexpected went wrong. Please retry; if it happens again, send the request id to your administrator.',
        },
        requestId,
      },
    },
  };
}
