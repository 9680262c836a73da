/**
 * Typed domain errors. Use cases throw these; `shared/http/error-map.ts` is the one place that turns them
 * into HTTP responses. Every message exists in Vietnamese (shown by default) and English.
 */

export interface Message {
  vi: string;
  en: string;
}

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `body.sizeBytes` or `path.cycleId`. */
  field: string;
  message: Message;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly detail: Message;
  constructor(detail: Message) {
    super(detail.en);
    this.detail = detail;
    this.name = new.target.name;
  }
}

/** Input that breaks a rule: nothing was written. */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], detail: Message = { vi: 'Dữ liệu không hợp lệ.', en: 'Invalid input.' }) {
    super(detail);
    this.issues = issues;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** The record changed or already exists (optimistic version, uniqueness). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  readonly current: unknown;
  constructor(detail: Message, current?: unknown) {
    super(detail);
    this.current = current;
  }
}

/**
 * Who is calling is unknown or may no longer act (401). The code tells the client what to do: sign in again
 * (`UNAUTHENTICATED`), refresh or sign in again because the account changed (`ACCESS_CHANGED`), or stop because
 * the account is disabled (`ACCOUNT_DISABLED`). docs/access.md, "Revocation".
 */
export type UnauthenticatedCode = 'UNAUTHENTICATED' | 'ACCESS_CHANGED' | 'ACCOUNT_DISABLED';

export class UnauthenticatedError extends DomainError {
  readonly code: UnauthenticatedCode;
  constructor(detail: Message, code: UnauthenticatedCode = 'UNAUTHENTICATED') {
    super(detail);
    this.code = code;
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly reason: string;
  constructor(reason: string, detail: Message) {
    super(detail);
    this.reason = reason;
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/** A dependency (database, object store) did not answer: the caller may retry. */
export class DependencyUnavailableError extends DomainError {
  readonly code = 'DEPENDENCY_UNAVAILABLE';
  constructor(dependency: string, cause?: unknown) {
    super({
      vi: `Hệ thống tạm thời không kết nối được ${dependency}. Vui lòng thử lại sau ít phút.`,
      en: `The service cannot reach ${dependency} right now. Please try again in a few minutes.`,
    });
    this.cause = cause;
  }
}
