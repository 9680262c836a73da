/** An API call that did not succeed, as the app shows it: plain data, no DOM (unit-tested from Node). */
import type { Bilingual } from '../i18n/lang.ts';
import type { FieldIssue } from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: Bilingual;
  readonly issues: FieldIssue[];
  readonly requestId?: string;
  /** A 409's stored record, when the server sends it (the state the stale write lost against). */
  readonly current?: unknown;
  constructor(
    status: number,
    code: string,
    text: Bilingual,
    issues: FieldIssue[] = [],
    requestId?: string,
    current?: unknown,
  ) {
    super(text.en);
    this.status = status;
    this.code = code;
    this.text = text;
    this.issues = issues;
    this.requestId = requestId;
    this.current = current;
  }
}
