/** E-mail and webhook templates: Vietnamese by default, English on preference, diacritics intact, escaped. */
import { describe, expect, it } from 'vitest';
import { renderEmail, webhookBody } from '#domain/reminder-templates.ts';
import type { LeaderWeekly, PlannedDelivery, UnitDigest } from '#domain/reminders.ts';

const digest: UnitDigest = {
  kind: 'unit-digest',
  cycle: { cycleId: 'c', name: { vi: 'Đánh giá CCHC năm 2025', en: 'PAR assessment 2025' }, year: 2025 },
  entity: {
    entityId: 'so',
    name: { vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science and Technology' },
  },
  unit: { unitId: 'u', name: { vi: 'Phòng Quản lý Công nghệ', en: 'Technology Division' } },
  items: [
    {
      cycleId: 'c',
      entityId: 'so',
      unitId: 'u',
      assignmentId: 'KH-01',
      // Decomposed (NFD) input and markup must come out NFC and escaped.
      title: 'Kế hoạch <b>CCHC</b> & “tuyên truyền”'.normalize('NFD'),
      dueDate: '2025-04-22',
      workingDaysOverdue: 4,
      trigger: { kind: 'overdue', workingDaysOverdue: 4 },
      criteria: [
        {
          code: '1.1',
          title: { vi: 'Ban hành kế hoạch cải cách hành chính', en: 'Issue the PAR plan' },
          missingSlots: [
            { kind: 'ke-hoach', label: { vi: 'Kế hoạch năm', en: 'Annual plan' }, required: 1, have: 0 },
          ],
          needsSelfScore: true,
          needsExplanation: true,
          changesRequested: { comment: 'Bổ sung chữ ký số' },
          link: 'https://app.example.vn/cycles/c/entities/so/criteria/1.1',
        },
      ],
    },
  ],
  headCopied: { afterWorkingDays: 3 },
};

const delivery = (locale: 'vi' | 'en', role: 'to' | 'cc' = 'to'): PlannedDelivery => ({
  channel: 'email',
  recipientKey: 'user:x',
  dedupeKind: 'unit-digest/c/so/u',
  recipient: { userId: 'x', email: 'x@example.vn', name: 'Nguyễn Thị Ánh Tuyết', locale },
  role,
  locale,
  content: digest,
  reason: { vi: 'Thành viên của Phòng Quản lý Công nghệ', en: 'Member of the Technology Division' },
});

describe('reminder e-mail templates', () => {
  it('renders Vietnamese with every diacritic intact (NFC) in subject, text and HTML', () => {
    const m = renderEmail(delivery('vi'), '2025-04-26');
    expect(m.subject).toBe('[Minh Chứng] Phòng Quản lý Công nghệ: 1 nhiệm vụ còn thiếu — 26/04/2025');
    expect(m.text).toContain('Kính gửi Nguyễn Thị Ánh Tuyết,');
    expect(m.text).toContain(
      'Kế hoạch <b>CCHC</b> & “tuyên truyền” — Hạn 22/04/2025 (quá hạn 4 ngày làm việc)',
    );
    expect(m.text).toContain('Tiêu chí 1.1 — Ban hành kế hoạch cải cách hành chính');
    expect(m.text).toContain('Thiếu minh chứng: Kế hoạch năm (đã có 0/1)');
    expect(m.text).toContain('Chưa tự chấm điểm');
    expect(m.text).toContain('Thẩm định viên yêu cầu bổ sung: “Bổ sung chữ ký số”');
    expect(m.text).toContain('Vì sao bạn nhận thư này: Thành viên của Phòng Quản lý Công nghệ');
    for (const s of [m.subject, m.text, m.html]) expect(s).toBe(s.normalize('NFC'));
    expect(m.html).toContain('<html lang="vi">');
    expect(m.html).toContain('<meta charset="utf-8">');
    expect(m.html).toContain('Nguyễn Thị Ánh Tuyết');
    expect(Buffer.from(m.html, 'utf8').toString('utf8')).toContain('Ánh Tuyết');
  });

  it('escapes user text in HTML and keeps links clickable', () => {
    const m = renderEmail(delivery('vi'), '2025-04-26');
    expect(m.html).not.toContain('<b>CCHC</b>');
    expect(m.html).toContain('Kế hoạch &lt;b&gt;CCHC&lt;/b&gt; &amp; “tuyên truyền”');
    expect(m.html).toContain(
      '<a href="https://app.example.vn/cycles/c/entities/so/criteria/1.1">Tiêu chí 1.1</a>',
    );
  });

  it('renders English for a user who prefers it, names and titles kept as written', () => {
    const m = renderEmail(delivery('en'), '2025-04-26');
    expect(m.subject).toBe('[Minh Chứng] Technology Division: 1 task(s) still missing items — 26/04/2025');
    expect(m.text).toContain('Dear Nguyễn Thị Ánh Tuyết,');
    expect(m.text).toContain('Missing evidence: Annual plan (have 0/1)');
    expect(m.text).toContain('No self score yet');
    expect(m.text).toContain('The reviewer requested changes: “Bổ sung chữ ký số”');
    expect(m.text).toContain('4 working day(s) overdue');
    expect(m.html).toContain('<html lang="en">');
  });

  it('says when a message is the unit head’s copy', () => {
    expect(renderEmail(delivery('vi', 'cc'), '2025-04-26').text).toContain(
      '(Bản sao gửi lãnh đạo: có việc quá hạn hơn 3 ngày làm việc.)',
    );
    expect(renderEmail(delivery('en', 'cc'), '2025-04-26').text).toContain(
      '(Copy to the unit head: work is more than 3 working days overdue.)',
    );
  });

  it('gives webhooks the facts and the Vietnamese text, without a greeting', () => {
    const body = webhookBody(
      { ...delivery('en'), channel: 'webhook', audience: 'unit:so/u' },
      '2025-04-26',
      'M1',
    );
    expect(body).toMatchObject({
      type: 'minhchung.reminder.unit-digest',
      messageId: 'M1',
      audience: 'unit:so/u',
      date: '2025-04-26',
    });
    expect(String(body.text)).toMatch(/^Phòng Quản lý Công nghệ \(Sở Khoa học và Công nghệ\) còn 1 nhiệm vụ/);
    expect(JSON.parse(JSON.stringify(body)).content.unit.name.vi).toBe('Phòng Quản lý Công nghệ');
  });
});

describe('the weekly summary states the framework its index rests on', () => {
  const weekly = (framework?: LeaderWeekly['cycle']['framework']): PlannedDelivery => ({
    ...delivery('vi'),
    dedupeKind: 'leader-weekly/c/so',
    content: {
      kind: 'leader-weekly',
      cycle: { ...digest.cycle, ...(framework ? { framework } : {}) },
      entity: digest.entity,
      readiness: {
        formulaVersion: 'readiness-v1',
        completenessPercent: 40,
        evidenceCoveragePercent: 55,
        projectedIndexPercent: 61.5,
        band: undefined,
        completeCount: 4,
        criteriaCount: 10,
      },
      units: [],
      worst: [],
      owedCount: 0,
    },
  });
  const sample = {
    frameworkId: 'par-so-mau',
    version: 1,
    name: { vi: 'Chỉ số CCHC cấp sở (mẫu)', en: 'Department PAR index (sample)' },
    provenance: 'sample' as const,
  };

  it('names a sample framework and says its scores are not confirmed, in vi and en, text and HTML', () => {
    const vi = renderEmail(weekly(sample), '2025-04-28');
    expect(vi.text).toContain(
      'Bộ tiêu chí: Chỉ số CCHC cấp sở (mẫu) (phiên bản 1). Điểm mẫu, chưa xác nhận theo văn bản chính thức.',
    );
    expect(vi.html).toContain('Điểm mẫu, chưa xác nhận theo văn bản chính thức');
    const en = renderEmail({ ...weekly(sample), locale: 'en' }, '2025-04-28');
    expect(en.text).toContain(
      'Framework: Department PAR index (sample) (version 1). Sample scores, not confirmed against the official text.',
    );
  });

  it('names a confirmed framework without the notice, and says nothing when the label is unknown', () => {
    const confirmed = renderEmail(weekly({ ...sample, provenance: 'confirmed' }), '2025-04-28');
    expect(confirmed.text).toContain('Bộ tiêu chí: Chỉ số CCHC cấp sở (mẫu) (phiên bản 1).');
    expect(confirmed.text).not.toContain('Điểm mẫu');
    expect(renderEmail(weekly(), '2025-04-28').text).not.toContain('Bộ tiêu chí:');
  });
});
