/** Ports: Reminders' outbox, the mail provider's records, e-mail and webhooks. */
import type { OutboxMessage, ProviderEventType, ProviderRecord } from '#domain/outbox.ts';
import type { Page } from './common.ts';

/** Reminder messages and their idempotency records (docs/reminders.md), one per (recipient, date, kind). */
export interface OutboxRepository {
  /** Writes the record unless one with the same (date, key) exists; then returns the stored one. */
  record(message: OutboxMessage): Promise<{ created: true } | { created: false; existing: OutboxMessage }>;
  get(date: string, key: string): Promise<OutboxMessage | undefined>;
  /** Applies `patch` (and version + 1) if the record is still at `expectedVersion`; false when it moved on. */
  update(date: string, key: string, expectedVersion: number, patch: Partial<OutboxMessage>): Promise<boolean>;
  listByDate(date: string, limit: number, cursor?: string): Promise<Page<OutboxMessage>>;
}

/**
 * What the mail provider reported about each message, found by its correlation tags: SES events in AWS, the
 * local mailbox locally. Asked when a run was interrupted mid-send (docs/reminders.md).
 */
export interface ProviderRecordRepository {
  /** Notes one event of the message; idempotent (the first time of each event type is kept). */
  note(
    date: string,
    key: string,
    event: { type: ProviderEventType; at: string; providerMessageId?: string },
  ): Promise<void>;
  get(date: string, key: string): Promise<ProviderRecord | undefined>;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Carried to the provider's delivery events (SES message tags) to find the outbox record again. */
  tags: Record<string, string>;
}

/** E-mail (SESv2 in AWS, the local mailbox locally). Throws `DeliveryError`. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ providerMessageId: string }>;
}

/** The generic webhook channel (signed JSON for chat bridges). Throws `DeliveryError`. */
export interface WebhookSender {
  send(body: string, idempotencyKey: string): Promise<{ providerMessageId: string }>;
}
