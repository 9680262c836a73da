/**
 * The outbox's pure rules (docs/reminders.md, "Exactly once" and "Interrupted sends"): what a run does with a
 * stored record, and how an interrupted e-mail is settled from the mail provider's record.
 */
import { describe, expect, it } from 'vitest';
import {
  claimedAtOf,
  confirmedStatus,
  correlationTags,
  DEFAULT_RESEND_GRACE_MS,
  MAX_ATTEMPTS,
  nextStep,
  type OutboxMessage,
  type ProviderRecord,
  resolveInterrupted,
  SEND_LEASE_MS,
} from '#domain/outbox.ts';

const claimed = new Date('2025-04-08T01:00:00.000Z');
const at = (ms: number) => new Date(claimed.getTime() + ms);
const msg = (p: Partial<OutboxMessage>): OutboxMessage =>
  ({
    channel: 'email',
    status: 'sending',
    attempts: 1,
    claimedAt: claimed.toISOString(),
    leaseUntil: at(SEND_LEASE_MS).toISOString(),
    updatedAt: claimed.toISOString(),
    ...p,
  }) as OutboxMessage;
const sendRecord: Pick<ProviderRecord, 'events'> = { events: { Send: claimed.toISOString() } };

describe('nextStep: a record found already stored', () => {
  it.each([
    ['pending', 'email', 1, 0, 'send'],
    ['retry', 'email', 2, 0, 'send'],
    ['retry', 'email', MAX_ATTEMPTS, 0, 'skip'],
    ['failed', 'email', 1, 0, 'skip'],
    ['sent', 'email', 1, 0, 'skip'],
    ['delivered', 'email', 1, 0, 'skip'],
    ['bounced', 'email', 1, 0, 'skip'],
    // Within the lease the claiming run may still be alive.
    ['sending', 'email', 1, SEND_LEASE_MS - 1, 'skip'],
    ['sending', 'webhook', 1, SEND_LEASE_MS - 1, 'skip'],
    // Past the lease: an e-mail asks the provider; a webhook is resent (the receiver de-duplicates).
    ['sending', 'email', 1, SEND_LEASE_MS, 'resolve'],
    ['sending', 'email', MAX_ATTEMPTS, SEND_LEASE_MS, 'resolve'],
    ['uncertain', 'email', 1, 0, 'resolve'],
    ['sending', 'webhook', 1, SEND_LEASE_MS, 'send'],
    ['sending', 'webhook', MAX_ATTEMPTS, SEND_LEASE_MS, 'give-up'],
    ['uncertain', 'webhook', 1, 0, 'send'],
    ['uncertain', 'webhook', MAX_ATTEMPTS, 0, 'give-up'],
  ] as const)(
    '%s %s, attempt %i, %i ms after the claim → %s',
    (status, channel, attempts, after, expected) => {
      expect(nextStep(msg({ status, channel, attempts }), at(after)).do).toBe(expected);
    },
  );
});

describe('resolveInterrupted: an e-mail interrupted mid-send', () => {
  const grace = DEFAULT_RESEND_GRACE_MS;

  it('waits 15 minutes by default for the provider record', () => {
    expect(grace).toBe(15 * 60_000);
  });

  it.each([
    // record?, attempts, ms after the claim, decision
    [true, 1, SEND_LEASE_MS, 'confirm'],
    [true, 1, grace - 1, 'confirm'],
    [true, 1, grace + 3_600_000, 'confirm'],
    [true, MAX_ATTEMPTS, grace + 1, 'confirm'],
    [false, 1, SEND_LEASE_MS, 'wait'],
    [false, 1, grace - 1, 'wait'],
    [false, 1, grace, 'resend'],
    [false, 2, grace + 1, 'resend'],
    [false, MAX_ATTEMPTS, grace - 1, 'wait'],
    [false, MAX_ATTEMPTS, grace, 'give-up'],
  ] as const)(
    'provider record %s, attempt %i, %i ms after the claim → %s',
    (hasRecord, attempts, after, expected) => {
      const r = resolveInterrupted(msg({ attempts }), hasRecord ? sendRecord : undefined, at(after), grace);
      expect(r.do).toBe(expected);
    },
  );

  it('a record without any event is no record', () => {
    expect(resolveInterrupted(msg({}), { events: {} }, at(grace), grace).do).toBe('resend');
  });

  it('the grace period is configurable and counts from the claim of the interrupted attempt', () => {
    const fiveMin = 5 * 60_000;
    expect(resolveInterrupted(msg({}), undefined, at(fiveMin - 1), fiveMin)).toEqual({
      do: 'wait',
      until: at(fiveMin),
    });
    expect(resolveInterrupted(msg({}), undefined, at(fiveMin), fiveMin).do).toBe('resend');
  });

  it('older records without claimedAt count from their lease (claim = lease − 5 min), else from updatedAt', () => {
    expect(claimedAtOf(msg({ claimedAt: undefined }))).toEqual(claimed);
    expect(
      claimedAtOf(
        msg({ claimedAt: undefined, leaseUntil: undefined, updatedAt: '2025-04-08T02:00:00.000Z' }),
      ),
    ).toEqual(new Date('2025-04-08T02:00:00.000Z'));
    const legacy = msg({ claimedAt: undefined, status: 'uncertain', updatedAt: at(grace).toISOString() });
    expect(resolveInterrupted(legacy, undefined, at(grace), grace).do).toBe('resend');
  });

  it('confirms with the worst outcome the provider reported', () => {
    const t = claimed.toISOString();
    expect(confirmedStatus({ events: { Send: t } })).toBe('sent');
    expect(confirmedStatus({ events: { DeliveryDelay: t } })).toBe('sent');
    expect(confirmedStatus({ events: { TransientBounce: t } })).toBe('sent');
    expect(confirmedStatus({ events: { Send: t, Delivery: t } })).toBe('delivered');
    expect(confirmedStatus({ events: { Send: t, Delivery: t, Bounce: t } })).toBe('bounced');
    expect(confirmedStatus({ events: { Send: t, Delivery: t, Complaint: t } })).toBe('complained');
    expect(confirmedStatus({ events: { Send: t, Reject: t } })).toBe('failed');
  });
});

describe('correlation tags', () => {
  it('carry the record’s date and key, within what SES accepts as a message tag', () => {
    const tags = correlationTags({ date: '2025-04-08', key: 'a'.repeat(32) });
    expect(tags).toEqual({ mc_date: '2025-04-08', mc_key: 'a'.repeat(32) });
    // SES MessageTag: ASCII letters, digits, underscores and dashes, at most 256 characters (name and value).
    for (const [name, value] of Object.entries(tags)) {
      expect(name).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
      expect(value).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    }
  });
});
