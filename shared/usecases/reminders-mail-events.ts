/**
 * Mail provider events (docs/reminders.md): SES's delivery, bounce and complaint events become the provider's
 * record of a message and its outbox status.
 */
import { confirmedStatus, type OutboxStatus, type ProviderEventType } from '#domain/outbox.ts';
import type { Clock, OutboxRepository, ProviderRecordRepository } from '#ports.ts';
import { firstEventAt } from './reminders-deliver.ts';

/** What SES publishes to EventBridge for a message sent through our configuration set (the parts we read). */
export interface MailEvent {
  eventType: string;
  mail?: { messageId?: string; timestamp?: string; tags?: Record<string, string[]> };
  bounce?: { bounceType?: string; bouncedRecipients?: { diagnosticCode?: string }[] };
}

const MAIL_EVENT_STATUS: Record<string, OutboxStatus> = {
  Delivery: 'delivered',
  Bounce: 'bounced',
  Complaint: 'complained',
  Reject: 'failed',
};

/** The provider-record name of an SES event type (a transient bounce proves acceptance, not a failure). */
function providerEventType(event: MailEvent): ProviderEventType | undefined {
  if (event.eventType === 'Bounce')
    return event.bounce?.bounceType === 'Permanent' ? 'Bounce' : 'TransientBounce';
  const known: readonly string[] = ['Send', 'Delivery', 'DeliveryDelay', 'Complaint', 'Reject'];
  return known.includes(event.eventType) ? (event.eventType as ProviderEventType) : undefined;
}

/**
 * An event from the mail provider → the provider's record of the message (every event: it proves SES has
 * the message, which settles a send interrupted mid-way) and the message's outbox status. The record is
 * found by the tags the message carried (`mc_date`, `mc_key`). A transient bounce leaves the status as it
 * was; `delivered` never overwrites a worse outcome that arrived first. A message already `uncertain` (its
 * run died) is settled at once; one still `sending` belongs to its run, which records `sent` itself.
 * Returns whether the outbox status changed.
 */
export async function recordMailEvent(
  deps: { outbox: OutboxRepository; providerRecords: ProviderRecordRepository; clock: Clock },
  event: MailEvent,
): Promise<'updated' | 'ignored'> {
  const date = event.mail?.tags?.mc_date?.[0];
  const key = event.mail?.tags?.mc_key?.[0];
  const type = providerEventType(event);
  if (!date || !key || !type) return 'ignored';
  await deps.providerRecords.note(date, key, {
    type,
    at: deps.clock.now().toISOString(),
    ...(event.mail?.messageId ? { providerMessageId: event.mail.messageId } : {}),
  });
  let status = MAIL_EVENT_STATUS[event.eventType];
  if (event.eventType === 'Bounce' && event.bounce?.bounceType !== 'Permanent') status = undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const m = await deps.outbox.get(date, key);
    if (!m) return 'ignored';
    const stamp = deps.clock.now().toISOString();
    if (m.status === 'uncertain') {
      const record = await deps.providerRecords.get(date, key);
      const ok = await deps.outbox.update(date, key, m.version, {
        status: record ? confirmedStatus(record) : (status ?? 'sent'),
        sentAt: (record && firstEventAt(record)) ?? stamp,
        ...(event.mail?.messageId ? { providerMessageId: event.mail.messageId } : {}),
        resolution: 'confirmed-by-provider',
        resolvedAt: stamp,
        updatedAt: stamp,
      });
      if (ok) return 'updated';
      continue;
    }
    if (!status) return 'ignored';
    if (status === 'delivered' && m.status !== 'sent') return 'ignored';
    const detail = event.bounce?.bouncedRecipients?.[0]?.diagnosticCode;
    const ok = await deps.outbox.update(date, key, m.version, {
      status,
      updatedAt: stamp,
      ...(detail ? { lastError: detail.slice(0, 500) } : {}),
    });
    if (ok) return 'updated';
  }
  return 'ignored';
}
