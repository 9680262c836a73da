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
 *   (crash while `sending`: the run died between handing the message over and recording `sent`. After the
 *    lease a webhook is resent at once with the same Idempotency-Key, so the receiver drops a duplicate.
 *    An e-mail is `uncertain` until the mail provider answers (`resolveInterrupted`): a record of it → the
 *    status that record implies, never sent again; no record once the grace period has passed → resent.)
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
/**
 * How long after an interrupted e-mail was handed over its provider record may still be on its way (SES
 * events reach EventBridge best-effort, usually within seconds). Without a record by then it is resent.
 * Configurable (`REMINDER_RESEND_GRACE_MINUTES`).
 */
export const DEFAULT_RESEND_GRACE_MS = 15 * 60_000;

/** How an interrupted send was settled, kept on the record for the administrators' outbox. */
export const RESOLUTIONS = [
  'confirmed-by-provider',
  'resent-after-no-record',
  'gave-up-after-interruptions',
] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

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
  /** When the current attempt was claimed: an interrupted attempt's grace period counts from here. */
  claimedAt?: string;
  sentAt?: string;
  providerMessageId?: string;
  lastError?: string;
  /** Set when an interrupted send was settled (docs/reminders.md, "Interrupted sends"). */
  resolution?: Resolution;
  resolvedAt?: string;
}

/**
 * What the mail provider knows of one message, found by its correlation tags (`mc_date`, `mc_key`): in AWS
 * written from SES's events (Send = SES accepted it), locally by the mailbox when it accepts a message.
 * `events` maps each event type to when it was first seen; a transient bounce is kept as `TransientBounce`.
 */
export interface ProviderRecord {
  date: string;
  key: string;
  events: Partial<Record<ProviderEventType, string>>;
  providerMessageId?: string;
}
export const PROVIDER_EVENT_TYPES = [
  'Send',
  'Delivery',
  'DeliveryDelay',
  'TransientBounce',
  'Bounce',
  'Complaint',
  'Reject',
] as const;
export type ProviderEventType = (typeof PROVIDER_EVENT_TYPES)[number];

/** The tags every e-mail carries so the provider's events (and its record) lead back to the outbox record. */
export const correlationTags = (m: Pick<OutboxMessage, 'date' | 'key'>): Record<string, string> => ({
  mc_date: m.date,
  mc_key: m.key,
});

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
  | { do: 'skip'; why: 'already-sent' | 'in-progress' | 'failed' }
  /** An e-mail was interrupted mid-send: ask the provider (`resolveInterrupted`). */
  | { do: 'resolve' }
  /** Interrupted on every attempt: stop (a message that kills each run must not kill them all). */
  | { do: 'give-up' };

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
      return interrupted(m);
    case 'uncertain':
      return interrupted(m);
    case 'failed':
      return { do: 'skip', why: 'failed' };
    default:
      return { do: 'skip', why: 'already-sent' };
  }
}

function interrupted(m: Pick<OutboxMessage, 'channel' | 'attempts'>): NextStep {
  if (m.channel === 'email') return { do: 'resolve' };
  // No provider keeps a record of a webhook call, but the receiver de-duplicates on the Idempotency-Key:
  // resending at once is safe.
  return m.attempts < MAX_ATTEMPTS ? { do: 'send' } : { do: 'give-up' };
}

/** When the interrupted attempt was handed over (older records have no `claimedAt`: their lease tells). */
export function claimedAtOf(m: Pick<OutboxMessage, 'claimedAt' | 'leaseUntil' | 'updatedAt'>): Date {
  if (m.claimedAt) return new Date(m.claimedAt);
  if (m.leaseUntil) return new Date(new Date(m.leaseUntil).getTime() - SEND_LEASE_MS);
  return new Date(m.updatedAt);
}

/** The outbox status a provider record proves; the worst outcome wins (a late Delivery never hides a bounce). */
export function confirmedStatus(record: Pick<ProviderRecord, 'events'>): OutboxStatus {
  const e = record.events;
  if (e.Complaint) return 'complained';
  if (e.Bounce) return 'bounced';
  if (e.Reject) return 'failed';
  if (e.Delivery) return 'delivered';
  return 'sent';
}

export type Resolve =
  /** The provider has it: record what it says, never send again. */
  | { do: 'confirm'; status: OutboxStatus }
  /** No record yet, but events may still be on their way. */
  | { do: 'wait'; until: Date }
  /** No record after the grace period: send again (a rare duplicate beats a silent drop). */
  | { do: 'resend' }
  | { do: 'give-up' };

/**
 * An interrupted e-mail (`sending` past its lease, or `uncertain`): the provider's record decides. The grace
 * period counts from the claim of the interrupted attempt; at exactly `graceMs` the wait is over.
 */
export function resolveInterrupted(
  m: Pick<OutboxMessage, 'attempts' | 'claimedAt' | 'leaseUntil' | 'updatedAt'>,
  record: Pick<ProviderRecord, 'events'> | undefined,
  now: Date,
  graceMs: number = DEFAULT_RESEND_GRACE_MS,
): Resolve {
  if (record && Object.keys(record.events).length > 0)
    return { do: 'confirm', status: confirmedStatus(record) };
  const until = new Date(claimedAtOf(m).getTime() + graceMs);
  if (now < until) return { do: 'wait', until };
  return m.attempts < MAX_ATTEMPTS ? { do: 'resend' } : { do: 'give-up' };
}
