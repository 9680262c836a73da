/**
 * Reminders on the real local stack: the outbox in DynamoDB Local (exactly once under a re-run and a crash),
 * the preview and outbox routes through the gateway, the local mailbox page, and the webhook channel
 * against a real HTTP server (signature, Idempotency-Key, retries with backoff). Own entity, unit, users and
 * cycle (fresh ids), so nothing depends on another file's data.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment } from '#domain/assignment.ts';
import { type Cycle, DEFAULT_REMINDER_POLICY, DEFAULT_UPLOAD_LIMITS } from '#domain/cycle.ts';
import type { Framework } from '#domain/framework.ts';
import { DeliveryError, type OutboxMessage } from '#domain/outbox.ts';
import type { UserProfile } from '#domain/user.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/engines.ts';
import type { OutgoingMail } from '#ports.ts';
import { api, stack } from './helpers.ts';

const s = ulid().toLowerCase().slice(-10);
const ENTITY = `rem-e-${s}`;
const UNIT = `rem-u-${s}`;
const CYCLE = `rem-c-${s}`;
const FRAMEWORK = `rem-f-${s}`;
const DAY = '2025-04-08'; // 14 days before the task's due date; Monday 07/04 was Giỗ Tổ
const title = (t: string) => ({ vi: t, en: t });

const framework: Framework = {
  frameworkId: FRAMEWORK,
  version: 1,
  name: title('Bộ thử nhắc việc'),
  index: 'par',
  years: { from: 2025 },
  provenance: 'sample',
  aggregation: 'sum',
  status: 'published',
  bands: [],
  nodes: [
    { code: '1', title: title('Chỉ đạo, điều hành'), maxPoints: 4, method: 'evidence', slots: [] },
    {
      code: '1.1',
      title: { vi: 'Kế hoạch cải cách hành chính', en: 'PAR plan' },
      maxPoints: 4,
      method: 'evidence',
      slots: [{ kind: 'ke-hoach', label: { vi: 'Kế hoạch năm', en: 'Annual plan' }, minCount: 1 }],
    },
  ],
} as Framework;

const now = new Date().toISOString();
const cycle: Cycle = {
  cycleId: CYCLE,
  year: 2025,
  name: { vi: 'Kỳ thử nhắc việc 2025', en: 'Reminder test cycle 2025' },
  frameworkId: FRAMEWORK,
  frameworkVersion: 1,
  trackedFrameworks: [],
  entityIds: [ENTITY],
  dates: {
    evidenceDue: '2025-04-22',
    selfAssessmentDue: '2025-05-15',
    appraisalStart: '2025-05-20',
    appraisalEnd: '2025-06-15',
    publication: '2025-07-01',
  },
  evidencePolicy: 'available',
  reminderPolicy: DEFAULT_REMINDER_POLICY,
  uploadLimits: DEFAULT_UPLOAD_LIMITS,
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'open',
  version: 1,
  createdAt: now,
  createdBy: 'test',
};

const task: Assignment = {
  assignmentId: 'KH-REM-01',
  cycleId: CYCLE,
  entityId: ENTITY,
  unitId: UNIT,
  title: 'Ban hành kế hoạch cải cách hành chính',
  dueDate: '2025-04-22',
  criteria: [{ frameworkId: FRAMEWORK, code: '1' }],
  version: 1,
  createdAt: now,
  createdBy: 'test',
};

const profile = (p: Pick<UserProfile, 'userId' | 'role' | 'name'> & Partial<UserProfile>): UserProfile => ({
  email: `${p.userId}@rem.minhchung.local`,
  entityId: ENTITY,
  unitId: UNIT,
  enabled: true,
  createdAt: now,
  updatedAt: now,
  version: 1,
  ...p,
});
const people = [
  profile({ userId: `rem-m1-${s}`, role: 'member', name: 'Phạm Thị Hương' }),
  profile({ userId: `rem-m2-${s}`, role: 'member', name: 'John Trần', locale: 'en' }),
  profile({ userId: `rem-l-${s}`, role: 'leader', name: 'Trưởng phòng Đặng' }),
];
const addresses = people.map((p) => p.email).sort();

async function adapters() {
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: stack.tableName,
    BUCKET_NAME: stack.bucket,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    DYNAMODB_ENDPOINT: stack.dynamo,
    MAILER: 'local',
  });
  const [items, keys, assignments, outbox, deps, usecases] = await Promise.all([
    import('#adapters/dynamo/items.ts'),
    import('#adapters/dynamo/keys.ts'),
    import('#adapters/dynamo/assignment-repository.ts'),
    import('#adapters/dynamo/outbox-repository.ts'),
    import('#composition/reminder-deps.ts'),
    import('#usecases/reminders.ts'),
  ]);
  return { items, keys: keys.keys, assignments, outbox: outbox.outboxRepository, deps, usecases };
}

let a: Awaited<ReturnType<typeof adapters>>;

beforeAll(async () => {
  a = await adapters();
  const put = a.items.putIfAbsent;
  await put({
    ...a.keys.entity(ENTITY),
    _type: 'entity',
    entityId: ENTITY,
    type: 'so',
    name: { vi: 'Sở Thử nghiệm Nhắc việc', en: 'Reminder Test Department' },
    province: 'Ninh Thuận',
  });
  await put({
    ...a.keys.unit(ENTITY, UNIT),
    _type: 'unit',
    unitId: UNIT,
    entityId: ENTITY,
    name: { vi: 'Phòng Cải cách hành chính', en: 'PAR Division' },
  });
  await put({ ...a.keys.framework(FRAMEWORK, 1), _type: 'framework', ...framework });
  await put({ ...a.keys.cycle(CYCLE), ...a.keys.cycleIndex(2025, CYCLE), _type: 'cycle', ...cycle });
  await put(a.assignments.assignmentItem(task));
  for (const p of people)
    await put({ ...a.keys.user(p.userId), ...a.keys.userIndex(p.entityId, p.email), _type: 'user', ...p });
});

/** The real deps (DynamoDB outbox), a fixed clock, and a mailer that counts what it is given. */
function world(at: string) {
  const sent: OutgoingMail[] = [];
  const deps = {
    ...a.deps.reminderDeps(),
    clock: { now: () => new Date(at) },
    mailer: {
      send: async (m: OutgoingMail) => {
        sent.push(m);
        return { providerMessageId: `it-${sent.length}` };
      },
    },
  };
  return { deps, sent };
}

async function storedFor(date: string): Promise<OutboxMessage[]> {
  const out: OutboxMessage[] = [];
  let cursor: string | undefined;
  do {
    const p = await a.outbox.listByDate(date, 100, cursor);
    out.push(...p.items.filter((m) => m.cycleId === CYCLE));
    cursor = p.next;
  } while (cursor);
  return out;
}

describe('reminders through DynamoDB Local: exactly once', () => {
  it('a crash between recording and sending is recovered, then a re-run sends nothing twice', async () => {
    const first = world(`${DAY}T01:00:00Z`);
    let crash = true;
    const crashing = {
      ...first.deps,
      outbox: {
        ...a.outbox,
        update: async (...args: Parameters<typeof a.outbox.update>) => {
          if (crash) {
            crash = false;
            throw new Error('process died after recording');
          }
          return a.outbox.update(...args);
        },
      },
    };
    await expect(a.usecases.runReminders(crashing, { cycleId: CYCLE })).rejects.toThrow('process died');
    expect((await storedFor(DAY)).map((m) => m.status)).toEqual(['pending']);
    expect(first.sent).toHaveLength(0);

    const second = world(`${DAY}T02:00:00Z`);
    const recovered = await a.usecases.runReminders(second.deps, { cycleId: CYCLE });
    expect(recovered.outcomes).toEqual({ sent: 3 });
    expect(second.sent.map((m) => m.to).sort()).toEqual(addresses);

    const third = world(`${DAY}T09:00:00Z`);
    const again = await a.usecases.runReminders(third.deps, { cycleId: CYCLE });
    expect(again.outcomes).toEqual({ 'already-sent': 3 });
    expect(third.sent).toHaveLength(0);

    const stored = await storedFor(DAY);
    expect(stored).toHaveLength(3);
    for (const m of stored) expect(m).toMatchObject({ status: 'sent', attempts: 1, version: 3 });
    const english = stored.find((m) => m.locale === 'en')!;
    expect(english.subject).toContain('task(s) still missing items');
    const weekly = stored.find((m) => m.kind === 'leader-weekly')!;
    expect(weekly.address).toBe(people[2]!.email);
    expect(weekly.reason.vi).toContain('Tổng hợp hằng tuần');
  });

  it('two runs racing on the same day still send each message once', async () => {
    const day = '2025-04-15'; // 7 days before
    const one = world(`${day}T01:00:00Z`);
    const two = world(`${day}T01:00:00Z`);
    await Promise.all([
      a.usecases.runReminders(one.deps, { cycleId: CYCLE }),
      a.usecases.runReminders(two.deps, { cycleId: CYCLE }),
    ]);
    expect([...one.sent, ...two.sent].map((m) => m.to).sort()).toEqual(
      people
        .filter((p) => p.role === 'member')
        .map((p) => p.email)
        .sort(),
    );
  });

  it('a permanent failure is stored as failed with its reason and not retried', async () => {
    const day = '2025-04-18'; // 3-day step (Saturday 19/04) moved to Friday
    const w = world(`${day}T01:00:00Z`);
    w.deps.mailer = {
      send: async (m) => {
        if (m.to === people[0]!.email) throw new DeliveryError('MessageRejected: mailbox unavailable', true);
        w.sent.push(m);
        return { providerMessageId: 'x' };
      },
    };
    const r = await a.usecases.runReminders(w.deps, { cycleId: CYCLE });
    expect(r.outcomes).toEqual({ sent: 1, failed: 1 });
    const failed = (await storedFor(day)).find((m) => m.address === people[0]!.email)!;
    expect(failed).toMatchObject({ status: 'failed', lastError: 'MessageRejected: mailbox unavailable' });
  });
});

describe('a run killed mid-send is settled by the next run, from the mailbox’s record', () => {
  const day = '2025-04-22'; // the due date: each member gets a digest
  const t0 = new Date(`${day}T01:00:00Z`).getTime();
  const min = 60_000;

  it('confirms what the mailbox took (never sent again) and resends what it never got (once)', async () => {
    const { localMailbox } = await import('#adapters/mail/local-mailbox.ts');
    const { providerRecordRepository } = await import('#adapters/dynamo/provider-record-repository.ts');
    const mailbox = localMailbox(providerRecordRepository);
    const accepted: string[] = [];
    /** The local mailbox, counting what it accepts; `die` kills the run before or after it accepts. */
    const run = (at: number, die?: 'after-accept' | 'before-accept') => {
      const w = world(new Date(t0 + at).toISOString());
      let dead = false;
      w.deps.mailer = {
        send: async (m) => {
          if (die === 'before-accept' && !dead) {
            dead = true;
            throw new Error('process killed before the mailbox took the message');
          }
          const res = await mailbox.send(m);
          accepted.push(m.to);
          if (die === 'after-accept' && !dead) {
            dead = true;
            throw new Error('process killed after the mailbox took the message');
          }
          return res;
        },
      };
      return a.usecases.runReminders(w.deps, { cycleId: CYCLE });
    };
    const members = people.filter((p) => p.role === 'member').map((p) => p.email);
    const mailboxUrl = (stack as unknown as { mailbox: string }).mailbox;
    const lookup = (m: OutboxMessage) => fetch(`${mailboxUrl}/api/received/${m.date}/${m.key}`);

    // Killed after the mailbox accepted the first digest; the next run (within its lease) is killed before
    // the mailbox accepts the second one.
    await expect(run(0, 'after-accept')).rejects.toThrow('after the mailbox took');
    await expect(run(1 * min, 'before-accept')).rejects.toThrow('before the mailbox took');
    const stuck = await storedFor(day);
    expect(stuck.map((m) => m.status)).toEqual(['sending', 'sending']);
    const [took, lost] = [
      stuck.find((m) => m.address === accepted[0])!,
      stuck.find((m) => m.address !== accepted[0])!,
    ];
    expect((await lookup(took)).status).toBe(200);
    expect((await lookup(lost)).status).toBe(404);

    // Past both leases: the first is confirmed from the mailbox; the second waits out the grace period.
    const settled = await run(7 * min);
    expect(settled.outcomes).toEqual({ confirmed: 1, uncertain: 1 });
    // Grace period (15 min from its claim) over, still no record: resent, once.
    const resent = await run(16 * min);
    expect(resent.outcomes).toEqual({ resent: 1, 'already-sent': 1 });
    const again = await run(9 * 60 * min);
    expect(again.outcomes).toEqual({ 'already-sent': 2 });

    expect(accepted.sort()).toEqual(members.sort()); // each member's digest reached the mailbox exactly once
    const final = await storedFor(day);
    expect(final.find((m) => m.key === took.key)).toMatchObject({
      status: 'sent',
      attempts: 1,
      resolution: 'confirmed-by-provider',
    });
    expect(final.find((m) => m.key === lost.key)).toMatchObject({
      status: 'sent',
      attempts: 2,
      resolution: 'resent-after-no-record',
    });
    const record = (await (await lookup(lost)).json()) as { events: { Send?: string } };
    expect(record.events.Send).toBeDefined();
    // The administrators' outbox shows how each was settled.
    const listed = await api('GET', `/v1/reminders/outbox?date=${day}&limit=100`, { as: 'admin' });
    expect(
      listed.body.items
        .filter((m: { cycleId: string }) => m.cycleId === CYCLE)
        .map((m: { resolution: string }) => m.resolution)
        .sort(),
    ).toEqual(['confirmed-by-provider', 'resent-after-no-record']);
  });
});

describe('reminder routes through the gateway', () => {
  it('previews a date for an administrator: recipients, reasons, what is already stored; writes nothing', async () => {
    const before = (await storedFor('2025-04-21')).length;
    const res = await api('GET', `/v1/reminders/preview?date=2025-04-21&cycleId=${CYCLE}`, { as: 'admin' });
    expect(res.status).toBe(200);
    const mine = res.body.deliveries.filter((d: { entityId?: string }) => d.entityId === ENTITY);
    expect(mine.map((d: { recipient: { email: string } }) => d.recipient.email).sort()).toEqual(addresses);
    expect(mine.find((d: { kind: string }) => d.kind === 'unit-digest').reason.vi).toContain(
      'còn 1 ngày đến hạn 22/04/2025',
    );
    expect((await storedFor('2025-04-21')).length).toBe(before);

    const stored = await api('GET', `/v1/cycles/${CYCLE}/entities/${ENTITY}/reminders/preview?date=${DAY}`, {
      as: 'admin',
    });
    expect(stored.status).toBe(200);
    expect(stored.body.deliveries.map((d: { storedStatus: string }) => d.storedStatus)).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
  });

  it('refuses members and other entities’ leaders; validates the date', async () => {
    expect((await api('GET', `/v1/reminders/preview?date=${DAY}`, { as: 'member' })).status).toBe(403);
    const other = await api('GET', `/v1/cycles/${CYCLE}/entities/${ENTITY}/reminders/preview`, {
      as: 'leader',
    });
    expect(other.status).toBe(403);
    expect(other.body.error.reason).toBe('OTHER_ENTITY');
    const bad = await api('GET', '/v1/reminders/preview?date=08-04-2025', { as: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('query.date');
  });

  it('lists the stored outbox of a date to administrators only', async () => {
    const res = await api('GET', `/v1/reminders/outbox?date=${DAY}&limit=100`, { as: 'admin' });
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((m: { cycleId: string }) => m.cycleId === CYCLE);
    expect(mine).toHaveLength(3);
    expect(mine[0]).not.toHaveProperty('html');
    expect((await api('GET', `/v1/reminders/outbox?date=${DAY}`, { as: 'leader' })).status).toBe(403);
  });
});

describe('the local mailbox page', () => {
  const mailbox = (stack as unknown as { mailbox: string }).mailbox;

  it('shows the day’s e-mails from the outbox, diacritics intact, the HTML body sandboxed', async () => {
    const list = await fetch(`${mailbox}/api/messages?date=${DAY}`);
    const items = ((await list.json()) as { items: OutboxMessage[] }).items.filter(
      (m) => m.cycleId === CYCLE,
    );
    expect(items.map((m) => m.address).sort()).toEqual(addresses);

    const page = await fetch(`${mailbox}/?date=${DAY}`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('Phòng Cải cách hành chính: 1 nhiệm vụ còn thiếu — 08/04/2025');
    expect(html).toContain('Thư mời đăng nhập');

    const one = items.find((m) => m.locale === 'vi' && m.kind === 'unit-digest')!;
    const body = await fetch(`${mailbox}/m/${one.date}/${one.key}/html`);
    expect(body.headers.get('content-security-policy')).toContain('sandbox');
    expect(await body.text()).toContain('Ban hành kế hoạch cải cách hành chính');
    expect((await fetch(`${mailbox}/m/${one.date}/${'0'.repeat(32)}`)).status).toBe(404);
  });
});

describe('the webhook channel against a real HTTP server', () => {
  const SECRET = 'webhook-secret-for-tests-0123456789';
  let server: Server;
  let url: string;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let script: number[] = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(script.shift() ?? 200).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const sender = async (attempts = 4) => {
    const { webhookSender } = await import('#adapters/webhook/webhook-sender.ts');
    const delays: number[] = [];
    const hook = webhookSender({
      url,
      secret: async () => SECRET,
      attempts,
      baseDelayMs: 20,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    return { hook, delays };
  };

  it('signs the JSON, retries 503s with growing backoff and the same Idempotency-Key', async () => {
    received.length = 0;
    script = [503, 503, 200];
    const { hook, delays } = await sender();
    const body = JSON.stringify({
      type: 'minhchung.reminder.unit-digest',
      text: 'Phòng Cải cách hành chính còn thiếu',
    });
    await hook.send(body, 'MSG-1');
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['MSG-1']));
    for (const r of received) {
      const ts = String(r.headers['x-minhchung-timestamp']);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${r.body}`).digest('hex')}`;
      expect(r.headers['x-minhchung-signature']).toBe(expected);
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(r.body).text).toBe('Phòng Cải cách hành chính còn thiếu');
    }
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(10);
    expect(delays[0]).toBeLessThanOrEqual(20);
    expect(delays[1]).toBeGreaterThanOrEqual(20);
    expect(delays[1]).toBeLessThanOrEqual(40);
  });

  it('gives up at once on a 4xx (permanent) and after its attempts on 5xx (retried by a later run)', async () => {
    received.length = 0;
    script = [400];
    const { hook } = await sender();
    await expect(hook.send('{}', 'MSG-2')).rejects.toMatchObject({ permanent: true });
    expect(received).toHaveLength(1);

    received.length = 0;
    script = [500, 502, 503];
    const { hook: h3 } = await sender(3);
    await expect(h3.send('{}', 'MSG-3')).rejects.toMatchObject({ permanent: false });
    expect(received).toHaveLength(3);
  });

  it('a reminder run delivers the unit digest to the webhook once per day', async () => {
    received.length = 0;
    script = [];
    const { hook } = await sender();
    const w = world('2025-04-21T01:00:00Z');
    const deps = { ...w.deps, webhook: hook, webhookConfigured: true };
    const first = await a.usecases.runReminders(deps, { cycleId: CYCLE });
    const again = await a.usecases.runReminders(deps, { cycleId: CYCLE });
    expect(first.outcomes.sent).toBe(5); // 3 e-mails + unit and entity webhooks
    expect(again.outcomes).toEqual({ 'already-sent': 5 });
    expect(received.map((r) => JSON.parse(r.body).audience).sort()).toEqual([
      `entity:${ENTITY}`,
      `unit:${ENTITY}/${UNIT}`,
    ]);
  });
});

describe('the local timer (stand-in for EventBridge Scheduler)', () => {
  it('invokes the send-reminders handler only at an open cycle’s send time', async () => {
    const { startReminderTimer } = await import('#infra/local/reminder-timer.ts');
    const { REPO_ROOT } = await import('#infra/local/stack.ts');
    const lines: string[] = [];
    const timer = startReminderTimer({ repoRoot: REPO_ROOT, log: (l) => lines.push(l) });
    try {
      // 08:00 in Hồ Chí Minh City is the default send time of the seeded and test cycles.
      expect(await timer.tick(new Date('2026-11-30T01:00:00Z'))).toBe(true);
      expect(lines[0]).toMatch(/^reminders at 08:00: /);
      expect(await timer.tick(new Date('2026-11-30T01:07:00Z'))).toBe(false);
    } finally {
      timer.stop();
    }
  });
});
