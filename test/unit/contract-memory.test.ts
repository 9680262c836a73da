/**
 * The port contracts (test/contract/) against the in-memory adapters; test/integration/contract-dynamo.test.ts
 * runs the same against DynamoDB Local and the local S3. Then what only the memory adapters have: the mailer,
 * webhook sender, user directory, runners, clock and ids (their real ones need AWS or a receiver).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryAdapters } from '#adapters/memory/index.ts';
import { writeItems } from '#adapters/memory/kernel.ts';
import { ConflictError } from '#domain/errors.ts';
import { DeliveryError } from '#domain/outbox.ts';
import { describeAssignmentContract } from '#test/contract/assignment.contract.ts';
import { describeAuditContract } from '#test/contract/audit.contract.ts';
import { describeCommentContract } from '#test/contract/comment.contract.ts';
import { describeCycleContract } from '#test/contract/cycle.contract.ts';
import { describeEvidenceContract } from '#test/contract/evidence.contract.ts';
import { describeExportContract } from '#test/contract/export.contract.ts';
import { auditEntry, queueItem, score } from '#test/contract/fixtures.ts';
import { describeFrameworkContract } from '#test/contract/framework.contract.ts';
import { describeObjectStoreContract } from '#test/contract/object-store.contract.ts';
import { describeOrganizationContract } from '#test/contract/organization.contract.ts';
import { describeOutboxContract, describeProviderRecordContract } from '#test/contract/outbox.contract.ts';
import { describeReportTextsContract, describeSnapshotContract } from '#test/contract/records.contract.ts';
import { describeReviewQueueContract } from '#test/contract/review-queue.contract.ts';
import { describeScoreContract } from '#test/contract/score.contract.ts';
import { describeSubmissionContract, describeSurveyContract } from '#test/contract/submission.contract.ts';
import { describeUserContract } from '#test/contract/user.contract.ts';

const fresh = async () => createMemoryAdapters();

describeOrganizationContract(async () => {
  const { org } = createMemoryAdapters();
  return {
    org,
    seed: {
      province: async (p) => org.putProvince(p),
      entity: async (e) => org.putEntity(e),
      unit: async (u) => org.putUnit(u),
    },
  };
});
describeFrameworkContract(fresh);
describeCycleContract(fresh);
describeAssignmentContract(fresh);
describeEvidenceContract(fresh);
describeScoreContract(fresh);
describeReviewQueueContract(fresh);
describeCommentContract(fresh);
describeSubmissionContract(fresh);
describeSurveyContract(fresh);
describeAuditContract(fresh);
describeSnapshotContract(fresh);
describeReportTextsContract(fresh);
describeExportContract(fresh);
describeUserContract(fresh);
describeOutboxContract(fresh);
describeProviderRecordContract(fresh);
describeObjectStoreContract(async () => {
  const { store } = createMemoryAdapters();
  return { store, put: async (upload, body) => store.receivePut(upload.url, upload.headers, body) };
});

describe('memory object store: what S3 refuses', () => {
  it('refuses an expired URL, another size or another type, and parts under 5 MiB but the last', async () => {
    const { store, clock } = createMemoryAdapters();
    const upload = await store.presignPut('k/a.pdf', 'application/pdf', 3, 60);
    expect(store.receivePut(upload.url, upload.headers, new Uint8Array(4))).toBe(403);
    expect(
      store.receivePut(upload.url, { ...upload.headers, 'content-type': 'image/png' }, new Uint8Array(3)),
    ).toBe(403);
    clock.advance(61_000);
    expect(store.receivePut(upload.url, upload.headers, new Uint8Array(3))).toBe(403);
    const id = await store.createMultipart('k/b.zip', 'application/zip');
    const parts = [
      { partNumber: 1, etag: await store.uploadPart('k/b.zip', id, 1, new Uint8Array(10)) },
      { partNumber: 2, etag: await store.uploadPart('k/b.zip', id, 2, new Uint8Array(10)) },
    ];
    expect(await store.completeMultipart('k/b.zip', id, parts)).toBe('invalid-parts');
  });

  it('keeps GuardDuty’s tag on the object, not on its copies', async () => {
    const { store } = createMemoryAdapters();
    store.acceptUpload('k/c.pdf', new Uint8Array([1]), 'application/pdf');
    store.setTag('k/c.pdf', 'GuardDutyMalwareScanStatus', 'NO_THREATS_FOUND');
    await store.copy('k/c.pdf', 'k/d.pdf');
    expect(await store.getTag('k/c.pdf', 'GuardDutyMalwareScanStatus')).toBe('NO_THREATS_FOUND');
    expect(await store.getTag('k/d.pdf', 'GuardDutyMalwareScanStatus')).toBeUndefined();
    expect(() => store.acceptUpload('k/c.pdf', new Uint8Array([2]), 'application/pdf')).toThrow(
      /pre-conditions/,
    );
  });
});

describe('memory mailer', () => {
  const mail = (to: string) => ({
    to,
    subject: 'Nhắc việc',
    text: 'Nội dung',
    html: '<p>Nội dung</p>',
    tags: { mc_date: '2026-03-02', mc_key: `k-${to}` },
  });

  it('keeps what it sent and notes the Send event under the correlation tags', async () => {
    const a = createMemoryAdapters({ now: '2026-03-02T01:00:00.000Z' });
    const { providerMessageId } = await a.mailer.send(mail('huong@so.gov.vn'));
    expect(a.mailer.sent.map((m) => [m.to, m.providerMessageId])).toEqual([
      ['huong@so.gov.vn', providerMessageId],
    ]);
    expect(await a.providerRecords.get('2026-03-02', 'k-huong@so.gov.vn')).toEqual({
      date: '2026-03-02',
      key: 'k-huong@so.gov.vn',
      events: { Send: '2026-03-02T01:00:00.000Z' },
      providerMessageId,
    });
  });

  it('refuses as SES would (permanently) and fails on demand', async () => {
    const { mailer } = createMemoryAdapters();
    await expect(mailer.send(mail('no-at-sign'))).rejects.toMatchObject({
      name: 'DeliveryError',
      permanent: true,
    });
    await expect(mailer.send(mail('x@host.invalid'))).rejects.toMatchObject({ permanent: true });
    await expect(mailer.send(mail('hương@so.gov.vn'))).rejects.toMatchObject({ permanent: true });
    mailer.failNext(new DeliveryError('Throttling', false));
    await expect(mailer.send(mail('a@b.vn'))).rejects.toMatchObject({ permanent: false });
    await mailer.send(mail('a@b.vn'));
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('memory webhook sender', () => {
  it('delivers a key once (the receiver drops duplicates) and fails on demand', async () => {
    const { webhook } = createMemoryAdapters();
    const first = await webhook.send('{"a":1}', 'msg-1');
    expect(await webhook.send('{"a":1}', 'msg-1')).toEqual(first);
    webhook.failNext(new DeliveryError('HTTP 400', true));
    await expect(webhook.send('{}', 'msg-2')).rejects.toBeInstanceOf(DeliveryError);
    expect(webhook.sent).toEqual([{ body: '{"a":1}', idempotencyKey: 'msg-1' }]);
  });
});

describe('memory user directory', () => {
  const invite = {
    email: 'lan@so.gov.vn',
    name: 'Lan',
    role: 'member' as const,
    entityId: 'e1',
    unitId: 'u1',
  };

  it('invites once per e-mail, updates, disables (signing out) and resets MFA', async () => {
    const { directory } = createMemoryAdapters();
    const { userId } = await directory.invite(invite);
    await expect(directory.invite(invite)).rejects.toBeInstanceOf(ConflictError);
    await directory.update(invite.email, { name: 'Lan Anh', role: 'leader', entityId: 'e1' });
    expect(directory.account(invite.email)).toMatchObject({
      userId,
      name: 'Lan Anh',
      role: 'leader',
      unitId: undefined,
    });
    await directory.setEnabled(invite.email, false);
    expect(directory.account(invite.email)).toMatchObject({ enabled: false, signOuts: 1 });
    directory.enableMfa(invite.email);
    expect(await directory.mfaEnabled(invite.email)).toBe(true);
    await directory.resetMfa(invite.email);
    expect(await directory.mfaEnabled(invite.email)).toBe(false);
  });

  it('does not know an address it never invited (UserNotFoundException, as Cognito)', async () => {
    const { directory } = createMemoryAdapters();
    await expect(directory.mfaEnabled('ghost@so.gov.vn')).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
    await expect(directory.setEnabled('ghost@so.gov.vn', true)).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
  });
});

describe('memory runners, clock and ids', () => {
  it('records started jobs for the test to run', async () => {
    const { exportRunner, carryCopyRunner } = createMemoryAdapters();
    await exportRunner.start('EX1');
    await carryCopyRunner.start({ cycleId: 'c', entityId: 'e', evidenceIds: ['a'] });
    expect(exportRunner.started).toEqual(['EX1']);
    expect(carryCopyRunner.started).toEqual([{ cycleId: 'c', entityId: 'e', evidenceIds: ['a'] }]);
  });

  it('stands still until moved; ids are ULID-shaped and sort in the order made', () => {
    const { clock, ids } = createMemoryAdapters({ now: '2026-03-02T00:00:00.000Z' });
    expect(clock.now().toISOString()).toBe('2026-03-02T00:00:00.000Z');
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2026-03-02T00:00:01.500Z');
    clock.set('2027-01-01T00:00:00.000Z');
    expect(clock.now().getUTCFullYear()).toBe(2027);
    const made = Array.from({ length: 12 }, () => ids.next());
    expect(made.every((id) => id.length === 26)).toBe(true);
    expect([...made].sort()).toEqual(made);
  });

  it('shares one table: a score write’s queue entry and audit entry are what the other ports read', async () => {
    const a = createMemoryAdapters();
    const s = score('cy-1', 'en-1', '1');
    const audit = auditEntry('score.submit');
    await a.scores.write({ score: s, queue: { put: queueItem(s) }, audit });
    expect((await a.queue.list('cy-1', {}, 5)).items).toEqual([queueItem(s)]);
    expect((await a.audit.listByCriterion('cy-1', 'en-1', '1', 'asc', 5)).items).toEqual([audit]);
  });
});

describe('memory table: what DynamoDB refuses', () => {
  it('refuses two writes to one item in a transaction, and more than 100 writes', async () => {
    const { table } = createMemoryAdapters();
    const item = { pk: 'P', sk: 'S', version: 1 };
    expect(() => table.apply([{ put: item }, { delete: { pk: 'P', sk: 'S' } }])).toThrow(
      /multiple operations/,
    );
    const many = Array.from({ length: 101 }, (_, i) => ({ put: { pk: 'P', sk: `S${i}` } }));
    await expect(writeItems(table, many)).rejects.toThrow(/exceeds DynamoDB's 100/);
    expect(table.get({ pk: 'P', sk: 'S0' })).toBeUndefined();
  });

  it('applies a versioned update to an existing item only, moving the version on', () => {
    const { table } = createMemoryAdapters();
    const when = { exists: ['pk'], version: 1 };
    expect(table.apply([{ update: { pk: 'P', sk: 'S' }, set: { a: 1 }, when }])).toEqual([0]);
    table.put({ pk: 'P', sk: 'S', version: 1, a: 0, b: 'x' });
    expect(table.apply([{ update: { pk: 'P', sk: 'S' }, set: { a: 1, b: undefined }, when }])).toEqual([]);
    expect(table.get({ pk: 'P', sk: 'S' })).toEqual({ pk: 'P', sk: 'S', version: 2, a: 1 });
  });
});
