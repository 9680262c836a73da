/**
 * The uploader's rows: each file's status, progress, ticket (presigned PUT or parts) and message, and what a
 * failed request or PUT does to a row. Pure: no React, no network.
 */
import { ApiError } from '../../../api/api-error.ts';
import type { EvidenceView, MultipartPlan, SinglePut } from '../../../api/evidence-view.ts';
import { PutAborted, PutError } from '../../../api/put-outcome.ts';
import type { FieldIssue } from '../../../api/types.ts';
import type { CheckResult } from '../../../common/upload-check.ts';
import type { Bilingual, Vars } from '../../../i18n/lang.ts';
import type { MessageKey } from '../../../i18n/messages.ts';

export type Status =
  | 'rejected'
  | 'requesting'
  | 'uploading'
  | 'finalizing'
  | 'done'
  | 'quarantined'
  | 'failed'
  | 'cancelled';

/** Messages are kept as keys or bilingual texts, so switching language re-renders them. */
export type Message = { key: MessageKey; vars?: Vars } | { text: Bilingual };

export interface Item {
  id: string;
  file: File;
  documentType?: string;
  contentType?: string;
  status: Status;
  loaded: number;
  error?: Message;
  issues?: FieldIssue[];
  ticket?: Ticket;
  /** The part being sent, for large files sent in parts. */
  part?: { n: number; total: number };
  evidence?: EvidenceView;
  /** Finalize took longer than we wait for; the evidence list keeps polling. */
  slow?: boolean;
}

export interface Ticket {
  evidenceId: string;
  put?: SinglePut;
  multipart?: MultipartPlan & { etags: Record<number, string> };
}

export const IN_FLIGHT: Status[] = ['requesting', 'uploading', 'finalizing'];
export const POLL_DEADLINE_MS = 60_000;
/** A presigned URL with less time left than this is not worth starting a PUT with on a slow line. */
export const TICKET_MARGIN_MS = 60_000;

/** What a refused or failed API call (ticket, fresh part URLs, complete) does to the file's row. */
export function requestFailure(e: unknown): Partial<Item> {
  if ((e as Error).name === 'AbortError') return { status: 'cancelled' };
  if (e instanceof ApiError)
    return { status: e.status === 400 ? 'rejected' : 'failed', error: { text: e.text }, issues: e.issues };
  return { status: 'failed', error: { key: 'error.network' } };
}

/** What a failed PUT to the store does; `onExpired` is merged in when S3 refuses an expired signature (403). */
export function putFailure(e: unknown, onExpired: Partial<Item> = {}): Partial<Item> {
  if (e instanceof PutAborted) return { status: 'cancelled' };
  const status = e instanceof PutError ? e.status : 0;
  if (status === 403) return { ...onExpired, status: 'failed', error: { key: 'upload.expired' } };
  return {
    status: 'failed',
    error: status ? { key: 'upload.putFailed', vars: { status } } : { key: 'error.network' },
  };
}

export const STATUS_COLOR: Record<Status, string> = {
  rejected: 'red',
  requesting: 'processing',
  uploading: 'processing',
  finalizing: 'processing',
  done: 'green',
  quarantined: 'red',
  failed: 'red',
  cancelled: 'default',
};

/** The progress bar's look for a row's status. */
export function progressStatus(status: Status): 'exception' | 'success' | 'normal' | 'active' {
  if (status === 'failed' || status === 'rejected' || status === 'quarantined') return 'exception';
  if (status === 'done') return 'success';
  if (status === 'cancelled') return 'normal';
  return 'active';
}

/** The parts still to send from `n` on (at most 100, the route's limit per request). */
export function missingParts(etags: Record<number, string>, from: number, partCount: number): number[] {
  const missing: number[] = [];
  for (let k = from; k <= partCount && missing.length < 100; k++) if (!etags[k]) missing.push(k);
  return missing;
}

let nextId = 0;

/** A new row for a picked file: ready to send, or refused by the pre-check against the cycle's limits. */
export function newItem(file: File, check: CheckResult, documentType: string | undefined): Item {
  return {
    id: `u${++nextId}`,
    file,
    documentType,
    loaded: 0,
    ...(check.ok
      ? { status: 'requesting' as const, contentType: check.contentType }
      : { status: 'rejected' as const, error: { key: check.key, vars: check.vars } }),
  };
}
