/**
 * Sending one reminder through the outbox (docs/reminders.md): the record is written first, then claimed,
 * then sent — exactly once per (recipient, date, kind). A send interrupted by a crash is settled on a later
 * run from the mail provider's record, or resent after the grace period.
 */
import {
  correlationTags,
  DeliveryError,
  idempotencyKey,
  MAX_ATTEMPTS,
  nextStep,
  type OutboxMessage,
  type OutboxStatus,
  type ProviderRecord,
  type Resolution,
  resolveInterrupted,
  SEND_LEASE_MS,
} from '#domain/outbox.ts';
import { renderEmail, webhookBody } from '#domain/reminder-templates.ts';
import type { PlannedDelivery } from '#domain/reminders.ts';
import type { ReminderDeps } from './reminders.ts';

/** The record a delivery becomes: rendered content, status `pending`, the idempotency key. */
export function draftMessage(
  d: PlannedDelivery,
  date: string,
  messageId: string,
  now: string,
): OutboxMessage {
  const content = d.content;
  const base = {
    key: idempotencyKey(d.recipientKey, date, d.dedupeKind),
    messageId,
    date,
    kind: content.kind,
    dedupeKind: d.dedupeKind,
    channel: d.channel,
    recipientKey: d.recipientKey,
    address: d.channel === 'email' ? (d.recipient?.email ?? '') : (d.audience ?? ''),
    ...(d.recipient ? { recipientName: d.recipient.name } : {}),
    role: d.role,
    locale: d.locale,
    cycleId: content.cycle.cycleId,
    ...(content.kind !== 'admin-digest' ? { entityId: content.entity.entityId } : {}),
    ...(content.kind === 'unit-digest' ? { unitId: content.unit.unitId } : {}),
    reason: d.reason,
    status: 'pending' as const,
    attempts: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  if (d.channel === 'webhook') {
    const body = webhookBody(d, date, messageId);
    return {
      ...base,
      subject: String(body.subject),
      text: String(body.text),
      payload: JSON.stringify(body),
    };
  }
  return { ...base, ...renderEmail(d, date) };
}

export type Outcome =
  | 'sent'
  | 'retry'
  | 'failed'
  /** Interrupted, no provider record yet: waiting for the grace period. */
  | 'uncertain'
  /** Interrupted, and the provider has a record of it: marked as it says, not sent again. */
  | 'confirmed'
  /** Interrupted, no provider record after the grace period (or a webhook): sent again. */
  | 'resent'
  | 'already-sent'
  | 'in-progress'
  | 'no-channel';

/** The time the provider first reported anything about the message (SES's Send event, normally). */
export const firstEventAt = (r: ProviderRecord): string | undefined =>
  r.events.Send ?? Object.values(r.events).sort()[0];

/** Settles the record as read (conditional on its version); false when another run moved it on. */
const settle = (deps: ReminderDeps, current: OutboxMessage, stamp: string, patch: Partial<OutboxMessage>) =>
  deps.outbox.update(current.date, current.key, current.version, { ...patch, updatedAt: stamp });

/** Interrupted too often (or, for e-mail, with no provider record of it): failed for good. */
async function giveUp(deps: ReminderDeps, current: OutboxMessage, stamp: string): Promise<'failed'> {
  await settle(deps, current, stamp, {
    status: 'failed',
    lastError: `Interrupted mid-send ${current.attempts} time(s)${current.channel === 'email' ? '; the mail provider has no record of it' : ''}`,
    resolution: 'gave-up-after-interruptions',
    resolvedAt: stamp,
  });
  deps.log?.(`reminder ${current.key} to ${current.recipientKey}: failed (interrupted ${current.attempts}×)`);
  return 'failed';
}

/**
 * An interrupted send, settled from the provider's record: confirmed as it says, given up, or left waiting
 * for the grace period. Undefined: no record after the grace period, so it is sent again.
 */
async function resolveInterruption(
  deps: ReminderDeps,
  current: OutboxMessage,
  now: Date,
): Promise<Outcome | undefined> {
  const stamp = now.toISOString();
  const record = await deps.providerRecords.get(current.date, current.key);
  const r = resolveInterrupted(current, record, now, deps.resendGraceMs);
  if (r.do === 'confirm') {
    const ok = await settle(deps, current, stamp, {
      status: r.status,
      sentAt: (record && firstEventAt(record)) ?? current.sentAt ?? stamp,
      ...(record?.providerMessageId ? { providerMessageId: record.providerMessageId } : {}),
      resolution: 'confirmed-by-provider',
      resolvedAt: stamp,
    });
    deps.log?.(`reminder ${current.key} to ${current.recipientKey}: ${r.status} (confirmed by the provider)`);
    return ok ? 'confirmed' : 'in-progress';
  }
  if (r.do === 'give-up') return giveUp(deps, current, stamp);
  if (r.do === 'wait') {
    if (current.status === 'sending') await settle(deps, current, stamp, { status: 'uncertain' });
    return 'uncertain';
  }
  return undefined;
}

/** Claims the record (`sending`, with a lease), sends it, and records what the channel answered. */
async function claimAndSend(deps: ReminderDeps, current: OutboxMessage, now: Date): Promise<Outcome> {
  const stamp = now.toISOString();
  const interrupted = current.status === 'sending' || current.status === 'uncertain';
  const channel = current.channel === 'email' ? deps.mailer : deps.webhook;
  if (!channel) return 'no-channel';
  const attempts = current.attempts + 1;
  const resolution: Resolution | undefined = interrupted ? 'resent-after-no-record' : undefined;
  const claimed = await deps.outbox.update(current.date, current.key, current.version, {
    status: 'sending',
    attempts,
    leaseUntil: new Date(now.getTime() + SEND_LEASE_MS).toISOString(),
    claimedAt: stamp,
    updatedAt: stamp,
    // Written before the send, so a resend that is itself interrupted still shows why it happened.
    ...(resolution ? { resolution, resolvedAt: stamp } : {}),
  });
  if (!claimed) return 'in-progress';
  const claimedVersion = current.version + 1;
  try {
    const { providerMessageId } =
      current.channel === 'email'
        ? await deps.mailer.send({
            to: current.address,
            subject: current.subject,
            text: current.text,
            html: current.html ?? '',
            tags: correlationTags(current),
          })
        : await deps.webhook!.send(current.payload ?? '{}', current.messageId);
    const sentAt = deps.clock.now().toISOString();
    await deps.outbox.update(current.date, current.key, claimedVersion, {
      status: 'sent',
      sentAt,
      providerMessageId,
      updatedAt: sentAt,
    });
    return resolution ? 'resent' : 'sent';
  } catch (e) {
    if (!(e instanceof DeliveryError)) throw e;
    const status: OutboxStatus = e.permanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'retry';
    await deps.outbox.update(current.date, current.key, claimedVersion, {
      status,
      lastError: e.message.slice(0, 500),
      updatedAt: deps.clock.now().toISOString(),
    });
    deps.log?.(`reminder ${current.key} to ${current.recipientKey}: ${status} (${e.message})`);
    return status === 'failed' ? 'failed' : 'retry';
  }
}

/**
 * Exactly once per (recipient, date, kind): record (conditional put) → claim (conditional update to
 * `sending` with a lease) → send → `sent`. Errors other than `DeliveryError` abort the run like a crash
 * would; the records tell the next run what is left to do (see shared/domain/outbox.ts). A send interrupted
 * by such a crash is settled here on a later run: from the provider's record, or resent after the grace
 * period (docs/reminders.md, "Interrupted sends").
 */
export async function deliver(deps: ReminderDeps, draft: OutboxMessage): Promise<Outcome> {
  const now = deps.clock.now();
  const rec = await deps.outbox.record(draft);
  const current = rec.created ? draft : rec.existing;
  const step = rec.created ? ({ do: 'send' } as const) : nextStep(current, now);
  if (step.do === 'skip') return step.why;
  if (step.do === 'give-up') return giveUp(deps, current, now.toISOString());
  if (step.do === 'resolve') {
    const settled = await resolveInterruption(deps, current, now);
    if (settled) return settled;
  }
  return claimAndSend(deps, current, now);
}
