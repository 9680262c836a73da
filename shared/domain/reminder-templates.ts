/**
 * E-mail templates of the reminders: subject, plain text and HTML from one digest, in Vietnamese (default)
 * or English (the user's preference). Pure; all text is NFC and every interpolated value is HTML-escaped.
 * Webhook bodies carry the same facts as JSON plus the rendered Vietnamese text for chat bridges.
 */
import type { Message } from './errors.ts';
import { frameworkLine } from './framework-label.ts';
import type {
  AdminDigest,
  DigestContent,
  LeaderWeekly,
  Locale,
  MissingCriterion,
  OwedAssignment,
  PlannedDelivery,
  Trigger,
  UnitDigest,
} from './reminders.ts';
import { displayDate } from './working-days.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const t = (m: Message, l: Locale) => m[l];

const L = {
  brand: { vi: 'Minh Chứng', en: 'Minh Chứng' },
  greeting: { vi: 'Kính gửi', en: 'Dear' },
  due: { vi: 'Hạn', en: 'Due' },
  open: { vi: 'Mở tiêu chí', en: 'Open the criterion' },
  missingSlot: { vi: 'Thiếu minh chứng', en: 'Missing evidence' },
  have: { vi: 'đã có', en: 'have' },
  noSelfScore: { vi: 'Chưa tự chấm điểm', en: 'No self score yet' },
  noExplanation: {
    vi: 'Chưa có giải trình (bắt buộc khi chưa đủ minh chứng)',
    en: 'No explanation yet (required while evidence is incomplete)',
  },
  changes: { vi: 'Thẩm định viên yêu cầu bổ sung', en: 'The reviewer requested changes' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  why: { vi: 'Vì sao bạn nhận thư này', en: 'Why you receive this' },
  footer: {
    vi: 'Thư tự động của Minh Chứng, gửi vào ngày làm việc; hết việc còn thiếu thì không còn thư nhắc.',
    en: 'Automatic message from Minh Chứng, sent on working days; once nothing is missing, reminders stop.',
  },
} satisfies Record<string, Message>;

function triggerText(tr: Trigger, l: Locale): string {
  if (tr.kind === 'due') return l === 'vi' ? 'đến hạn hôm nay' : 'due today';
  if (tr.kind === 'before')
    return l === 'vi' ? `còn ${tr.daysUntilDue} ngày` : `${tr.daysUntilDue} day(s) left`;
  return l === 'vi'
    ? `quá hạn ${tr.workingDaysOverdue} ngày làm việc`
    : `${tr.workingDaysOverdue} working day(s) overdue`;
}

function overdueText(a: OwedAssignment, l: Locale): string {
  if (a.workingDaysOverdue === 0) return '';
  return l === 'vi'
    ? ` — quá hạn ${a.workingDaysOverdue} ngày làm việc`
    : ` — ${a.workingDaysOverdue} working day(s) overdue`;
}

/** The lines that say what one criterion still needs. */
function criterionLines(c: MissingCriterion, l: Locale): string[] {
  const out: string[] = [];
  for (const s of c.missingSlots)
    out.push(`${t(L.missingSlot, l)}: ${t(s.label, l)} (${t(L.have, l)} ${s.have}/${s.required})`);
  if (c.needsSelfScore) out.push(t(L.noSelfScore, l));
  if (c.needsExplanation) out.push(t(L.noExplanation, l));
  if (c.changesRequested)
    out.push(`${t(L.changes, l)}${c.changesRequested.comment ? `: “${c.changesRequested.comment}”` : ''}`);
  return out;
}

interface Block {
  heading: string;
  criteria: MissingCriterion[];
}

function textBlocks(blocks: Block[], l: Locale): string {
  return blocks
    .map((b, i) =>
      [
        `${i + 1}. ${b.heading}`,
        ...b.criteria.flatMap((c) => [
          `   • ${t(L.criterion, l)} ${c.code} — ${t(c.title, l)}`,
          ...criterionLines(c, l).map((x) => `     - ${x}`),
          `     ${t(L.open, l)}: ${c.link}`,
        ]),
      ].join('\n'),
    )
    .join('\n\n');
}

function htmlBlocks(blocks: Block[], l: Locale): string {
  return blocks
    .map(
      (b) =>
        `<li style="margin-bottom:12px"><strong>${esc(b.heading)}</strong><ul>${b.criteria
          .map(
            (c) =>
              `<li><a href="${esc(c.link)}">${esc(`${t(L.criterion, l)} ${c.code}`)}</a> — ${esc(t(c.title, l))}<ul>${criterionLines(
                c,
                l,
              )
                .map((x) => `<li>${esc(x)}</li>`)
                .join('')}</ul></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');
}

function page(l: Locale, title: string, intro: string, body: string, reason: string): string {
  return `<!doctype html><html lang="${l}"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1f1f1f;line-height:1.5;max-width:720px">
<p>${intro}</p>${body}
<p style="color:#555;font-size:13px;border-top:1px solid #ddd;padding-top:8px"><strong>${esc(t(L.why, l))}:</strong> ${esc(reason)}<br>${esc(t(L.footer, l))}</p>
</body></html>`;
}

function unitDigest(d: UnitDigest, l: Locale, name: string, role: 'to' | 'cc', date: string) {
  const unit = t(d.unit.name, l);
  const n = d.items.length;
  const subject =
    l === 'vi'
      ? `[Minh Chứng] ${unit}: ${n} nhiệm vụ còn thiếu — ${displayDate(date)}`
      : `[Minh Chứng] ${unit}: ${n} task(s) still missing items — ${displayDate(date)}`;
  const cc =
    role === 'cc'
      ? l === 'vi'
        ? `(Bản sao gửi lãnh đạo: có việc quá hạn hơn ${d.headCopied?.afterWorkingDays ?? 0} ngày làm việc.) `
        : `(Copy to the unit head: work is more than ${d.headCopied?.afterWorkingDays ?? 0} working days overdue.) `
      : '';
  const intro =
    l === 'vi'
      ? `${cc}${unit} (${t(d.entity.name, l)}) còn ${n} nhiệm vụ chưa hoàn thành trong kỳ “${t(d.cycle.name, l)}”:`
      : `${cc}${unit} (${t(d.entity.name, l)}) has ${n} task(s) not yet complete in “${t(d.cycle.name, l)}”:`;
  const blocks = d.items.map((a) => ({
    heading: `${a.title} — ${t(L.due, l)} ${displayDate(a.dueDate)} (${triggerText(a.trigger, l)})`,
    criteria: a.criteria,
  }));
  return { subject, intro: `${t(L.greeting, l)} ${name},\n\n${intro}`, blocks };
}

/** While survey points are pending, the self-assessed part rescaled to 100 beside the full index (rule 15). */
function selfAssessedText(r: LeaderWeekly['readiness'], l: Locale): string {
  if (!r.surveyPending || r.selfAssessedIndexPercent === undefined) return '';
  return l === 'vi'
    ? ` — điều tra xã hội học chưa có nên tính 0; chỉ số phần tự đánh giá (quy về 100) ${r.selfAssessedIndexPercent}%`
    : ` — survey not imported yet, counted 0; self-assessed index (rescaled to 100) ${r.selfAssessedIndexPercent}%`;
}

function leaderWeekly(d: LeaderWeekly, l: Locale, name: string) {
  const r = d.readiness;
  const entity = t(d.entity.name, l);
  const subject =
    l === 'vi'
      ? `[Minh Chứng] Tổng hợp tuần: ${entity} — hoàn thành ${r.completenessPercent}%`
      : `[Minh Chứng] Weekly summary: ${entity} — ${r.completenessPercent}% complete`;
  const stats =
    l === 'vi'
      ? `Kỳ “${t(d.cycle.name, l)}”: ${r.completeCount}/${r.criteriaCount} tiêu chí hoàn thành (${r.completenessPercent}%), minh chứng đạt ${r.evidenceCoveragePercent}%, điểm dự kiến ${r.projectedIndexPercent}%${r.band ? ` (xếp loại ${r.band})` : ''}${selfAssessedText(r, l)}. Còn ${d.owedCount} nhiệm vụ chưa xong. [${r.formulaVersion}]`
      : `“${t(d.cycle.name, l)}”: ${r.completeCount}/${r.criteriaCount} criteria complete (${r.completenessPercent}%), evidence coverage ${r.evidenceCoveragePercent}%, projected index ${r.projectedIndexPercent}%${r.band ? ` (band ${r.band})` : ''}${selfAssessedText(r, l)}. ${d.owedCount} task(s) still open. [${r.formulaVersion}]`;
  const units = d.units
    .map((u) =>
      l === 'vi'
        ? `${t(u.name, l)}: ${u.owed} nhiệm vụ còn thiếu, ${u.overdue} quá hạn`
        : `${t(u.name, l)}: ${u.owed} open, ${u.overdue} overdue`,
    )
    .join('\n');
  const blocks = d.worst.map((a) => ({
    heading: `${a.title} — ${t(L.due, l)} ${displayDate(a.dueDate)}${overdueText(a, l)}`,
    criteria: a.criteria,
  }));
  const worstHeading = l === 'vi' ? 'Những việc đáng lo nhất:' : 'The most urgent items:';
  return {
    subject,
    // Scores are stated with the framework they rest on, and the notice when it is a sample.
    intro: `${t(L.greeting, l)} ${name},\n\n${stats}${d.cycle.framework ? `\n${frameworkLine(d.cycle.framework, l)}` : ''}\n\n${units}\n\n${worstHeading}`,
    blocks,
  };
}

function adminDigest(d: AdminDigest, l: Locale, name: string, date: string) {
  const n = d.items.length;
  const subject =
    l === 'vi'
      ? `[Minh Chứng] ${n} nhiệm vụ quá hạn hơn ${d.afterWorkingDays} ngày làm việc — ${displayDate(date)}`
      : `[Minh Chứng] ${n} task(s) more than ${d.afterWorkingDays} working days overdue — ${displayDate(date)}`;
  const intro =
    l === 'vi'
      ? `Kỳ “${t(d.cycle.name, l)}”: các nhiệm vụ sau đã quá hạn hơn ${d.afterWorkingDays} ngày làm việc:`
      : `“${t(d.cycle.name, l)}”: these tasks are more than ${d.afterWorkingDays} working days overdue:`;
  const blocks = d.items.map((a) => ({
    heading: `${t(a.entityName, l)} · ${t(a.unitName, l)} — ${a.title} — ${t(L.due, l)} ${displayDate(a.dueDate)}${overdueText(a, l)}`,
    criteria: a.criteria,
  }));
  return { subject, intro: `${t(L.greeting, l)} ${name},\n\n${intro}`, blocks };
}

function parts(content: DigestContent, l: Locale, name: string, role: 'to' | 'cc', date: string) {
  if (content.kind === 'unit-digest') return unitDigest(content, l, name, role, date);
  if (content.kind === 'leader-weekly') return leaderWeekly(content, l, name);
  return adminDigest(content, l, name, date);
}

/** One e-mail for one planned delivery, in the recipient's language. */
export function renderEmail(d: PlannedDelivery, date: string): RenderedEmail {
  const l = d.locale;
  const name = d.recipient?.name ?? '';
  const reason = t(d.reason, l);
  const p = parts(d.content, l, name, d.role, date);
  const text = `${p.intro}\n\n${textBlocks(p.blocks, l)}\n\n${t(L.why, l)}: ${reason}\n${t(L.footer, l)}\n`;
  const introHtml = esc(p.intro).replace(/\n/g, '<br>');
  const html = page(l, p.subject, introHtml, `<ol>${htmlBlocks(p.blocks, l)}</ol>`, reason);
  return { subject: p.subject.normalize('NFC'), text: text.normalize('NFC'), html: html.normalize('NFC') };
}

/** The JSON a webhook receives: the facts, and the Vietnamese text for bridges that only post text. */
export function webhookBody(d: PlannedDelivery, date: string, messageId: string): Record<string, unknown> {
  const rendered = renderEmail({ ...d, locale: 'vi', recipient: undefined }, date);
  return {
    type: `minhchung.reminder.${d.content.kind}`,
    version: 1,
    messageId,
    date,
    audience: d.audience,
    reason: d.reason,
    subject: rendered.subject,
    text: rendered.text.replace(/^Kính gửi ,\n\n/, ''),
    content: d.content,
  };
}
