/**
 * The outbox (docs/reminders.md): every reminder message is stored with its content, its status and the reason it
 * was sent. The record is also the idempotency record: one per (recipient, date, kind), written *before*
 * sending, so a re-run on the same day finds it and sends nothing twice.
 *
 * Status machine (transitions are conditional writes on `version`):
 *
 *   pending ──claim──▶ sending ──ok──▶ sent ──(SES events)──▶ delivered | bounced | complained
 *      ▲                  │  └─transient error─▶ retry ──claim──▶ sending …   (at most MAX_ATTEMPTS)
 *      │                  └─permanent error / attempts used up─▶ failed
 *   (crash after recording: the next run finds `pending` and sends it — nothing was sent yet)
 *   (crash while `sending`: after the lease, a webhook is resent with the same Idempotency-Key so the
 *    receiver drops a duplicate; an e-mail cannot be taken back or de-duplicated by the provider, so it is
 *    marked `uncertain` and not resent — at most once, and an administrator sees it in the outbox)
 */
import { createHash } from 'node:crypto';
import type { Message } from './errors.ts';
import type { Locale, ReminderKind } from './reminders.ts';

export const OUTBOX_STATUSES = [
  'pending',
  'sending',
  'sent',
  'retry',
  'failed',
  'uncertain',
  'delivered',
  'bounced',
  'complained',
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const MAX_ATTEMPTS = 3;
/** How long a claimed message belongs to the run that claimed it (longer than one send with its retries). */
export const SEND_LEASE_MS = 5 * 60_000;

export interface OutboxMessage {
  /** Hash of (recipient, date, kind): the idempotency key, also the sort key of the record. */
  key: string;
  messageId: string;
  date: string;
  kind: ReminderKind;
  dedupeKind: string;
  channel: 'email' | 'webhook';
  recipientKey: string;
  /** E-mail address, or the webhook audience. */
  address: string;
  recipientName?: string;
  role: 'to' | 'cc';
  locale: Locale;
  cycleId: string;
  entityId?: string;
  unitId?: string;
  reason: Message;
  subject: string;
  text: string;
  html?: string;
  /** Webhook body (JSON text), signed as sent. */
  payload?: string;
  status: OutboxStatus;
  attempts: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  leaseUntil?: string;
  sentAt?: string;
  providerMessageId?: string;
  lastError?: string;
}

export const idempotencyKey = (recipientKey: string, date: string, dedupeKind: string): string =>
  createHash('sha256').update(`${recipientKey}|${date}|${dedupeKind}`).digest('hex').slice(0, 32);

/** A channel's failure: `permanent` ones are never retried (address rejected, 4xx from a webhook). */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = 'DeliveryError';
    this.permanent = permanent;
  }
}

export type NextStep =
  | { do: 'send' }
  | { do: 'skip'; why: 'already-sent' | 'in-progress' | 'failed' | 'uncertain' }
  | { do: 'mark-uncertain' };

/** What a run does with a record it found already stored for today. */
export function nextStep(
  m: Pick<OutboxMessage, 'status' | 'channel' | 'leaseUntil' | 'attempts'>,
  now: Date,
): NextStep {
  switch (m.status) {
    case 'pending':
      return { do: 'send' };
    case 'retry':
      return m.attempts < MAX_ATTEMPTS ? { do: 'send' } : { do: 'skip', why: 'failed' };
    case 'sending':
      if (m.leaseUntil && new Date(m.leaseUntil) > now) return { do: 'skip', why: 'in-progress' };
      // The receiver de-duplicates on the Idempotency-Key; a mail server cannot.
      return m.channel === 'webhook' && m.attempts < MAX_ATTEMPTS ? { do: 'send' } : { do: 'mark-uncertain' };
    case 'failed':
      return { do: 'skip', why: 'failed' };
    case 'uncertain':
      return { do: 'skip', why: 'uncertain' };
    default:
      return { do: 'skip', why: 'already-sent' };
  }
}
