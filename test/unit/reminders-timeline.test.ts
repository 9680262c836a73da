/**
 * The reminder run over a whole timeline with a fixed clock, at the use-case level (in-memory ports):
 * 30 days before the due date to 10 working days overdue, across weekends, Giỗ Tổ (Monday 07/04/2025), the
 * 30/04–04/05 holidays and the make-up Saturday 26/04/2025. Exact recipients on every day, exact items,
 * completion stopping mail, escalation, and exactly-once under re-runs and crashes.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '#domain/actor.ts';
import { DEFAULT_REMINDER_POLICY } from '#domain/cycle.ts';
import { ForbiddenError } from '#domain/errors.ts';
import { DeliveryError } from '#domain/outbox.ts';
import { addDays } from '#domain/working-days.ts';
import { previewReminders, recordMailEvent, runReminders } from '#usecases/reminders.ts';
import { at8, evidenceItem, makeWorld, type World } from './reminder-fixtures.ts';

/** `kind/unit:recipient:role` for every e-mail sent, sorted. */
function sentOn(w: World, date: string): string[] {
  return w.outbox
    .all()
    .filter((m) => m.date === date && m.channel === 'email' && m.status === 'sent')
    .map((m) => `${m.kind}${m.unitId ? `/${m.unitId}` : ''}:${m.recipientKey.replace('user:', '')}:${m.role}`)
    .sort();
}

const WEEKLY = ['leader-weekly:la:to', 'leader-weekly:ld:to'];
const UNIT_A = ['unit-digest/phong-a:ma1:to', 'unit-digest/phong-a:ma2:to'];
const UNIT_A_CC = [...UNIT_A, 'unit-digest/phong-a:la:cc'];
const UNIT_B = ['unit-digest/phong-b:mb:to'];
const ADMIN = ['admin-digest:admin:to'];

/** Every e-mail of the timeline; a date not listed gets none. */
const EXPECTED: Record<string, string[]> = {
  '2025-03-24': WEEKLY,
  '2025-03-31': WEEKLY,
  // B1's 14-day step (07/04) is Giỗ Tổ: it moves to the working day before.
  '2025-04-04': UNIT_B,
  // Monday 07/04 is a holiday: the weekly summary goes out on Tuesday; A1's 14-day step.
  '2025-04-08': [...UNIT_A, ...WEEKLY],
  '2025-04-14': [...UNIT_B, ...WEEKLY],
  '2025-04-15': UNIT_A,
  // A1's 3-day step is Saturday 19/04 → Friday. Unit B completed on 16/04: nothing for it any more.
  '2025-04-18': UNIT_A,
  '2025-04-21': [...UNIT_A, ...WEEKLY],
  '2025-04-22': UNIT_A,
  // Overdue: every 2 working days (24/04 = 2); 26/04 is a make-up Saturday = 4 working days → head copied.
  '2025-04-24': UNIT_A,
  '2025-04-26': UNIT_A_CC,
  '2025-04-28': WEEKLY,
  '2025-04-29': UNIT_A_CC,
  // 30/04–04/05 off; Monday 05/05 = 7 working days overdue; beyond 7 → the administrator's daily digest.
  '2025-05-05': WEEKLY,
  '2025-05-06': [...UNIT_A_CC, ...ADMIN],
  '2025-05-07': ADMIN,
  '2025-05-08': [...UNIT_A_CC, ...ADMIN],
};

const FIRST = '2025-03-23'; // 30 days before A1's due date
const LAST = '2025-05-08'; // A1 is 10 working days overdue

/** Changes people make during the timeline, applied before that day's 08:00 run. */
function applyEvents(w: World, date: string) {
  if (date === '2025-04-10') w.evidence.push(evidenceItem('ev-plan', ['1.1'], 'ke-hoach'));
  if (date === '2025-04-16') {
    w.evidence.push(evidenceItem('ev-tthc', ['2.1'], 'quyet-dinh'));
    w.scores.push({ criterionCode: '2.1', selfScore: 4 });
  }
  if (date === '2025-04-28')
    w.scores.push({
      criterionCode: '1.1',
      selfScore: 3,
      state: 'changes_requested',
      reviewerComment: 'Thiếu chữ ký số',
    });
}

async function runTimeline(w: World) {
  const byDate = new Map<string, Awaited<ReturnType<typeof runReminders>>>();
  for (let d = FIRST; d <= LAST; d = addDays(d, 1)) {
    applyEvents(w, d);
    w.now.value = at8(d);
    byDate.set(d, await runReminders(w.deps, { dueOnly: true }));
  }
  return byDate;
}

describe('reminder timeline (fixed clock, 23/03/2025 → 08/05/2025)', () => {
  it('sends exactly the expected digests to exactly the expected people on every day', async () => {
    const w = makeWorld();
    await runTimeline(w);
    for (let d = FIRST; d <= LAST; d = addDays(d, 1))
      expect(sentOn(w, d), d).toEqual([...(EXPECTED[d] ?? [])].sort());
    expect(w.sent).toHaveLength(Object.values(EXPECTED).flat().length);
    // Disabled users and reviewers never get anything; the province-scoped admin of Khánh Hòa neither.
    expect(w.sent.map((m) => m.to)).not.toContain('off@so-a.gov.vn');
    expect(w.sent.map((m) => m.to)).not.toContain('rev@so-a.gov.vn');
    expect(w.sent.map((m) => m.to)).not.toContain('admin-kh@so-a.gov.vn');
  });

  it('lists exactly what is missing, from readiness, as it changes', async () => {
    const w = makeWorld();
    await runTimeline(w);
    const text = (date: string, recipient: string, kind = 'unit-digest') =>
      w.outbox
        .all()
        .find((m) => m.date === date && m.recipientKey === `user:${recipient}` && m.kind === kind)!.text;

    // 08/04: nothing uploaded yet — both criteria of area 1, each slot, no self score, no explanation.
    const first = text('2025-04-08', 'ma1');
    expect(first).toContain('Xây dựng kế hoạch và báo cáo CCHC — Hạn 22/04/2025 (còn 14 ngày)');
    expect(first).toContain('Tiêu chí 1.1 — Kế hoạch cải cách hành chính năm');
    expect(first).toContain('Thiếu minh chứng: Kế hoạch CCHC năm (đã có 0/1)');
    expect(first).toContain('Thiếu minh chứng: Báo cáo quý (đã có 0/2)');
    expect(first).toContain('Chưa tự chấm điểm');
    expect(first).toContain('Chưa có giải trình (bắt buộc khi chưa đủ minh chứng)');
    expect(first).toContain('https://minhchung.example.vn/cycles/cycle-2025/entities/so-a/criteria/1.1');
    // The same digest in English for the member who prefers it.
    expect(text('2025-04-08', 'ma2')).toContain('Missing evidence: Annual PAR plan (have 0/1)');

    // 15/04: the plan was uploaded on 10/04 — 1.1 now only lacks its self score.
    const second = text('2025-04-15', 'ma1');
    expect(second).not.toContain('Kế hoạch CCHC năm (đã có 0/1)');
    const block11 = second.slice(second.indexOf('Tiêu chí 1.1'), second.indexOf('Tiêu chí 1.2'));
    expect(block11).toContain('Chưa tự chấm điểm');
    expect(block11).not.toContain('giải trình');

    // Unit B's digest never mentions the tracked (PAPI) criterion, only 2.1.
    const b = text('2025-04-04', 'mb');
    expect(b).toContain('Tiêu chí 2.1 — Công khai thủ tục hành chính');
    expect(b).toContain('Ít nhất 1 tệp minh chứng (đã có 0/1)');
    expect(b).not.toMatch(/Tiêu chí 3\b/);

    // 29/04: the reviewer asked for changes on 1.1 (self-scored, evidence complete): it is owed again.
    const fourth = text('2025-04-29', 'ma1');
    expect(fourth).toContain('quá hạn 6 ngày làm việc');
    expect(fourth).toContain('Thẩm định viên yêu cầu bổ sung: “Thiếu chữ ký số”');
    // The head's copy says why it is a copy.
    expect(text('2025-04-26', 'la')).toContain('Bản sao gửi lãnh đạo: có việc quá hạn hơn 3 ngày làm việc.');

    // The administrator's digest names entity, unit and task.
    expect(text('2025-05-07', 'admin', 'admin-digest')).toContain(
      'Sở Khoa học và Công nghệ · Phòng Quản lý Công nghệ — Xây dựng kế hoạch và báo cáo CCHC — Hạn 22/04/2025 — quá hạn 9 ngày làm việc',
    );
    // The weekly summary carries readiness with its formula version.
    const weekly = text('2025-04-14', 'ld', 'leader-weekly');
    expect(weekly).toMatch(/0\/3 tiêu chí hoàn thành \(0%\)/);
    expect(weekly).toContain('readiness/');
    expect(weekly).toContain('Phòng Kế hoạch – Tài chính: 1 nhiệm vụ còn thiếu, 0 quá hạn');
  });

  it('sends nothing once everything is complete', async () => {
    const w = makeWorld();
    w.evidence.push(
      evidenceItem('p', ['1.1'], 'ke-hoach'),
      evidenceItem('q1', ['1.2'], 'bao-cao'),
      evidenceItem('q2', ['1.2'], 'bao-cao'),
      evidenceItem('t', ['2.1'], 'quyet-dinh'),
    );
    w.scores.push(
      { criterionCode: '1.1', selfScore: 3 },
      { criterionCode: '1.2', selfScore: 3 },
      { criterionCode: '2.1', selfScore: 4 },
    );
    for (let d = FIRST; d <= LAST; d = addDays(d, 1)) {
      w.now.value = at8(d);
      const r = await runReminders(w.deps, { dueOnly: true });
      expect(r.planned, d).toBe(0);
    }
    expect(w.sent).toEqual([]);
  });

  it('an explanation stands in for missing evidence (readiness decides, reminders follow)', async () => {
    const w = makeWorld();
    w.scores.push({
      criterionCode: '2.1',
      selfScore: 2,
      explanation: 'Chưa ban hành quyết định, đã có tờ trình.',
    });
    w.now.value = at8('2025-04-04');
    const r = await runReminders(w.deps, { dueOnly: true });
    expect(r.planned).toBe(0);
  });

  it('honours the cycle’s own ladder, send time, holidays and thresholds', async () => {
    const w = makeWorld({
      cycle: {
        reminderPolicy: {
          ...DEFAULT_REMINDER_POLICY,
          sendAt: '09:30',
          daysBefore: [2],
          overdueEveryWorkingDays: 1,
          copyUnitHeadAfterDaysOverdue: 0,
          escalateToAdminAfterDaysOverdue: 1,
          holidays: ['2025-04-23'],
        },
      },
    });
    w.assignments.splice(1, 1); // A1 only
    const run = async (local: string) => {
      w.now.value = new Date(`${local.replace(' ', 'T')}:00+07:00`);
      const r = await runReminders(w.deps, { dueOnly: true });
      return r.messages.map((m) => `${m.dedupeKind.split('/')[0]}:${m.to.split('@')[0]}`).sort();
    };
    // The only step before the due date: 2 days before = Sunday 20/04 → Friday 18/04, at 09:30 not 08:00.
    expect(await run('2025-04-18 08:00')).toEqual([]);
    expect(await run('2025-04-17 09:00')).toEqual([]); // no step that day
    // The hourly schedule's 09:00 run is the first of the 09:30 cycle's hour.
    expect(await run('2025-04-18 09:00')).toEqual(['unit-digest:ma1', 'unit-digest:ma2']);
    expect(await run('2025-04-22 10:00')).toEqual([]);
    // 23/04 is the cycle's own holiday: no run, and it does not count as a working day overdue.
    expect(await run('2025-04-23 10:00')).toEqual([]);
    // 24/04 = 1 working day overdue: every day now, head copied beyond 0 days.
    expect(await run('2025-04-24 10:00')).toEqual(['unit-digest:la', 'unit-digest:ma1', 'unit-digest:ma2']);
    // 25/04 = 2 working days overdue: beyond 1 → the administrator too.
    expect(await run('2025-04-25 10:00')).toEqual([
      'admin-digest:admin',
      'unit-digest:la',
      'unit-digest:ma1',
      'unit-digest:ma2',
    ]);
  });

  it('does not run on weekends or holidays, and says so', async () => {
    const w = makeWorld();
    w.now.value = at8('2025-04-07');
    const r = await runReminders(w.deps, {});
    expect(r.planned).toBe(0);
    expect(r.notes.map((n) => n.message.en)).toEqual(['07/04/2025 is not a working day: no reminders.']);
  });
});

describe('exactly once', () => {
  const day = '2025-04-08';

  it('a re-run on the same day sends nothing twice', async () => {
    const w = makeWorld({ webhook: true });
    w.now.value = at8(day);
    const first = await runReminders(w.deps, { dueOnly: true });
    expect(first.outcomes).toEqual({ sent: 6 }); // 2 members + 2 leaders by e-mail, unit + entity webhooks
    w.now.value = new Date(`${day}T09:00:00Z`); // 16:00, the hourly schedule runs again
    const again = await runReminders(w.deps, { dueOnly: true });
    expect(again.outcomes).toEqual({ 'already-sent': 6 });
    expect(w.sent).toHaveLength(4);
    expect(w.webhookCalls).toHaveLength(2);
    expect(w.outbox.all()).toHaveLength(6);
  });

  it('a crash between recording and sending is recovered by the next run, once', async () => {
    const w = makeWorld();
    w.now.value = at8(day);
    w.outbox.crashOnNextUpdate = true; // dies right after the first record is written
    await expect(runReminders(w.deps, { dueOnly: true })).rejects.toThrow('process died');
    expect(w.sent).toHaveLength(0);
    expect(w.outbox.all().map((m) => m.status)).toEqual(['pending']);

    w.now.value = new Date(`${day}T02:00:00Z`);
    const next = await runReminders(w.deps, { dueOnly: true });
    expect(next.outcomes).toEqual({ sent: 4 });
    expect(w.sent.map((m) => m.to).sort()).toEqual(
      ['la@so-a.gov.vn', 'ld@so-a.gov.vn', 'ma1@so-a.gov.vn', 'ma2@so-a.gov.vn'].sort(),
    );
    expect(w.outbox.all().every((m) => m.status === 'sent' && m.attempts === 1)).toBe(true);
  });

  it('an e-mail interrupted mid-send with no provider record is resent after the grace period, once', async () => {
    const w = makeWorld();
    w.now.value = at8(day);
    let crashed = false;
    w.hooks.sendBehaviour = () => {
      if (!crashed) {
        crashed = true;
        throw new Error('Lambda timed out');
      }
    };
    await expect(runReminders(w.deps, { dueOnly: true })).rejects.toThrow('Lambda timed out');
    const stuck = w.outbox.all()[0]!;
    expect(stuck.status).toBe('sending');
    const to = () => w.sent.filter((m) => m.to === stuck.address);
    const stored = () => w.outbox.all().find((m) => m.key === stuck.key)!;

    // Within the lease: another run leaves it alone.
    w.now.value = new Date(at8(day).getTime() + 60_000);
    const during = await runReminders(w.deps, { dueOnly: true });
    expect(during.outcomes['in-progress']).toBe(1);
    // After the lease, within the grace period: the provider's events may still be on their way.
    w.now.value = new Date(at8(day).getTime() + 10 * 60_000);
    const after = await runReminders(w.deps, { dueOnly: true });
    expect(after.outcomes).toEqual({ uncertain: 1, 'already-sent': 3 });
    expect(stored().status).toBe('uncertain');
    expect(to()).toHaveLength(0);
    // The grace period is over and the provider has no record: sent again, once.
    w.now.value = new Date(at8(day).getTime() + 15 * 60_000);
    const resent = await runReminders(w.deps, { dueOnly: true });
    expect(resent.outcomes).toEqual({ resent: 1, 'already-sent': 3 });
    expect(to()).toHaveLength(1);
    expect(stored()).toMatchObject({ status: 'sent', attempts: 2, resolution: 'resent-after-no-record' });
    w.now.value = new Date(`${day}T09:00:00Z`);
    expect((await runReminders(w.deps, { dueOnly: true })).outcomes).toEqual({ 'already-sent': 4 });
    expect(to()).toHaveLength(1);
  });

  it('an e-mail interrupted after the provider took it is confirmed from its record, never sent again', async () => {
    const w = makeWorld();
    w.now.value = at8(day);
    let crashed = false;
    w.hooks.sendBehaviour = (mail) => {
      if (!crashed) {
        crashed = true;
        // SES accepted it (its Send event will come back with the tags), then the run died.
        void w.providerRecords.note(mail.tags.mc_date!, mail.tags.mc_key!, {
          type: 'Send',
          at: at8(day).toISOString(),
          providerMessageId: 'ses-accepted',
        });
        throw new Error('Lambda timed out');
      }
    };
    await expect(runReminders(w.deps, { dueOnly: true })).rejects.toThrow('Lambda timed out');
    const stuck = w.outbox.all()[0]!;
    w.now.value = new Date(at8(day).getTime() + 10 * 60_000);
    const next = await runReminders(w.deps, { dueOnly: true });
    expect(next.outcomes).toEqual({ confirmed: 1, sent: 3 }); // the crash stopped the run before the others
    expect(w.outbox.all().find((m) => m.key === stuck.key)).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerMessageId: 'ses-accepted',
      sentAt: at8(day).toISOString(),
      resolution: 'confirmed-by-provider',
    });
    w.now.value = new Date(`${day}T09:00:00Z`);
    expect((await runReminders(w.deps, { dueOnly: true })).outcomes).toEqual({ 'already-sent': 4 });
    expect(w.sent.filter((m) => m.to === stuck.address)).toHaveLength(0);
  });

  it('a late SES event settles an uncertain e-mail at once; one still sending is left to its run', async () => {
    const w = makeWorld();
    w.now.value = at8(day);
    w.hooks.sendBehaviour = () => {
      throw new Error('Lambda timed out');
    };
    await expect(runReminders(w.deps, { dueOnly: true })).rejects.toThrow('Lambda timed out');
    const stuck = w.outbox.all()[0]!;
    const deps = { outbox: w.outbox, providerRecords: w.providerRecords, clock: w.deps.clock };
    const tags = { mc_date: [stuck.date], mc_key: [stuck.key] };
    // Still `sending` (its run may be alive): only the provider record is written.
    expect(await recordMailEvent(deps, { eventType: 'Send', mail: { messageId: 'ses-1', tags } })).toBe(
      'ignored',
    );
    expect(w.outbox.all()[0]!.status).toBe('sending');
    await w.outbox.update(stuck.date, stuck.key, stuck.version, { status: 'uncertain' });
    expect(await recordMailEvent(deps, { eventType: 'Delivery', mail: { messageId: 'ses-1', tags } })).toBe(
      'updated',
    );
    expect(w.outbox.all()[0]).toMatchObject({
      status: 'delivered',
      providerMessageId: 'ses-1',
      resolution: 'confirmed-by-provider',
    });
  });

  it('a webhook interrupted mid-send is resent with the same Idempotency-Key', async () => {
    const w = makeWorld({ webhook: true });
    w.now.value = at8(day);
    const real = w.deps.webhook!;
    let calls = 0;
    w.deps.webhook = {
      send: async (body, key) => {
        calls++;
        await real.send(body, key);
        if (calls === 1) throw new Error('connection reset after the request was written');
        return { providerMessageId: 'ok' };
      },
    };
    await expect(runReminders(w.deps, { dueOnly: true })).rejects.toThrow('connection reset');
    w.now.value = new Date(at8(day).getTime() + 10 * 60_000);
    await runReminders(w.deps, { dueOnly: true });
    const keys = w.webhookCalls.map((c) => c.key);
    expect(keys[0]).toBe(keys[1]); // the receiver sees the same message twice and drops one
    expect(new Set(keys).size).toBe(2);
  });

  it('retries a transient failure on the next run and gives up on a permanent one', async () => {
    const w = makeWorld();
    w.now.value = at8(day);
    w.hooks.sendBehaviour = (mail) => {
      if (mail.to === 'ma1@so-a.gov.vn') throw new DeliveryError('Throttling', false);
      if (mail.to === 'ma2@so-a.gov.vn')
        throw new DeliveryError('MessageRejected: address on suppression list', true);
    };
    const first = await runReminders(w.deps, { dueOnly: true });
    expect(first.outcomes).toEqual({ sent: 2, retry: 1, failed: 1 });
    w.hooks.sendBehaviour = undefined;
    w.now.value = new Date(`${day}T02:00:00Z`);
    const second = await runReminders(w.deps, { dueOnly: true });
    expect(second.outcomes).toEqual({ sent: 1, failed: 1, 'already-sent': 2 });
    const ma2 = w.outbox.all().find((m) => m.address === 'ma2@so-a.gov.vn')!;
    expect(ma2).toMatchObject({
      status: 'failed',
      lastError: 'MessageRejected: address on suppression list',
    });
  });

  it('every stored message carries its status, reason and content', async () => {
    const w = makeWorld();
    w.now.value = at8(day);
    await runReminders(w.deps, { dueOnly: true });
    const m = w.outbox.all().find((x) => x.recipientKey === 'user:ma1')!;
    expect(m).toMatchObject({
      status: 'sent',
      channel: 'email',
      kind: 'unit-digest',
      date: day,
      cycleId: 'cycle-2025',
      entityId: 'so-a',
      unitId: 'phong-a',
      providerMessageId: expect.stringMatching(/^ses-/),
    });
    expect(m.reason.vi).toBe(
      'Thành viên của Phòng Quản lý Công nghệ, phòng được giao: Xây dựng kế hoạch và báo cáo CCHC: còn 14 ngày đến hạn 22/04/2025',
    );
    expect(m.html).toContain('<html lang="vi">');
  });
});

describe('dry run and preview', () => {
  const day = '2025-04-08';
  const leader: Actor = { userId: 'la', role: 'leader', entityId: 'so-a', unitId: 'phong-a' };
  const admin: Actor = { userId: 'admin', role: 'admin' };
  const khAdmin: Actor = {
    userId: 'admin-kh',
    role: 'admin',
    scope: { kind: 'province', province: 'Khánh Hòa' },
  };

  it('--dry-run plans and renders but neither records nor sends', async () => {
    const w = makeWorld();
    w.now.value = at8(day);
    const r = await runReminders(w.deps, { dryRun: true });
    expect(r.outcomes).toEqual({ 'dry-run': 4 });
    expect(r.messages.map((m) => m.to).sort()).toEqual(
      ['la@so-a.gov.vn', 'ld@so-a.gov.vn', 'ma1@so-a.gov.vn', 'ma2@so-a.gov.vn'].sort(),
    );
    expect(w.outbox.all()).toEqual([]);
    expect(w.sent).toEqual([]);
  });

  it('shows what would be sent on any date, to whom and why, within the caller’s reach', async () => {
    const w = makeWorld();
    w.now.value = at8('2025-03-01');
    const asAdmin = await previewReminders(w.deps, admin, { date: '2025-05-06' });
    expect(
      asAdmin.deliveries
        .map((d) => `${d.kind}${d.unitId ? `/${d.unitId}` : ''}:${d.recipient?.userId}:${d.role}`)
        .sort(),
    ).toEqual([...UNIT_A_CC, ...ADMIN].sort());
    const adminDigest = asAdmin.deliveries.find((d) => d.kind === 'admin-digest')!;
    expect(adminDigest.reason.vi).toContain('quá hạn hơn 7 ngày làm việc');
    expect(adminDigest.text).toContain('quá hạn 8 ngày làm việc');

    const asLeader = await previewReminders(w.deps, leader, {
      date: '2025-05-06',
      cycleId: 'cycle-2025',
      entityId: 'so-a',
    });
    expect(asLeader.deliveries.map((d) => d.kind)).not.toContain('admin-digest');
    expect(asLeader.deliveries).toHaveLength(3);

    const outOfScope = await previewReminders(w.deps, khAdmin, { date: '2025-05-06' });
    expect(outOfScope.deliveries).toEqual([]);

    await expect(
      previewReminders(
        w.deps,
        { userId: 'ma1', role: 'member', entityId: 'so-a', unitId: 'phong-a' },
        { date: day },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(w.outbox.all()).toEqual([]);
    expect(w.sent).toEqual([]);
  });

  it('marks what is already stored for that date', async () => {
    const w = makeWorld();
    w.now.value = at8(day);
    await runReminders(w.deps, { dueOnly: true });
    const p = await previewReminders(w.deps, admin, { date: day });
    expect(p.deliveries.map((d) => d.storedStatus)).toEqual(['sent', 'sent', 'sent', 'sent']);
  });
});

describe('delivery events from SES', () => {
  it('an EventBridge "Email Sent" event carrying the tags a message was sent with is recorded for that message', async () => {
    const w = makeWorld();
    w.now.value = at8('2025-04-08');
    await runReminders(w.deps, { dueOnly: true });
    const mail = w.sent[0]!;
    const stored = w.outbox.all().find((m) => m.address === mail.to)!;
    expect(mail.tags).toEqual({ mc_date: stored.date, mc_key: stored.key });
    // As SES publishes it to the default bus: every message tag's value in an array, plus SES's own tags.
    const event = {
      source: 'aws.ses',
      'detail-type': 'Email Sent',
      detail: {
        eventType: 'Send',
        mail: {
          timestamp: '2025-04-08T01:00:00.120Z',
          messageId: '0100019a-ses-message-id',
          tags: {
            ...Object.fromEntries(Object.entries(mail.tags).map(([k, v]) => [k, [v]])),
            'ses:configuration-set': ['ReminderConfigurationSet'],
          },
        },
        send: {},
      },
    };
    const deps = { outbox: w.outbox, providerRecords: w.providerRecords, clock: w.deps.clock };
    expect(await recordMailEvent(deps, event.detail)).toBe('ignored'); // already `sent`: nothing to change
    expect(await w.providerRecords.get(stored.date, stored.key)).toEqual({
      date: stored.date,
      key: stored.key,
      events: { Send: at8('2025-04-08').toISOString() },
      providerMessageId: '0100019a-ses-message-id',
    });
  });

  it('a permanent bounce or a complaint updates the stored message; a transient bounce does not', async () => {
    const w = makeWorld();
    w.now.value = at8('2025-04-08');
    await runReminders(w.deps, { dueOnly: true });
    const [a, b, c] = w.outbox.all();
    const tags = (m: typeof a) => ({ mc_date: [m!.date], mc_key: [m!.key] });
    const deps = { outbox: w.outbox, providerRecords: w.providerRecords, clock: w.deps.clock };
    expect(await recordMailEvent(deps, { eventType: 'Delivery', mail: { tags: tags(a) } })).toBe('updated');
    expect(
      await recordMailEvent(deps, {
        eventType: 'Bounce',
        mail: { tags: tags(b) },
        bounce: {
          bounceType: 'Permanent',
          bouncedRecipients: [{ diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
        },
      }),
    ).toBe('updated');
    expect(
      await recordMailEvent(deps, {
        eventType: 'Bounce',
        mail: { tags: tags(c) },
        bounce: { bounceType: 'Transient' },
      }),
    ).toBe('ignored');
    // A late delivery notice never hides the bounce.
    expect(await recordMailEvent(deps, { eventType: 'Delivery', mail: { tags: tags(b) } })).toBe('ignored');
    expect(await recordMailEvent(deps, { eventType: 'Complaint', mail: { tags: { other: ['x'] } } })).toBe(
      'ignored',
    );
    const by = (k: string) => w.outbox.all().find((m) => m.key === k)!;
    expect(by(a!.key).status).toBe('delivered');
    expect(by(b!.key)).toMatchObject({ status: 'bounced', lastError: 'smtp; 550 5.1.1 user unknown' });
    expect(by(c!.key).status).toBe('sent');
  });
});
