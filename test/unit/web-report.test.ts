/**
 * The report texts editor's pure half (web/src/common/dossier/report-model.ts): the form ↔ the saved
 * record and the save body, dirtiness, last year's texts filling only blank fields, the API's issues on their
 * fields; and the web's copies of the contract (sections, titles, limits) agree with shared/domain/report.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  REPORT_SECTIONS,
  reportHeaderSchema,
  reportTextsBodySchema,
  SECTION_TITLES,
} from '#domain/report.ts';
import type { ReportTexts } from '#web/api/types.ts';
import { orderedParts } from '#web/common/dossier/model.ts';
import {
  bodyOf,
  emptyForm,
  FIELD_KEYS,
  fieldOfIssue,
  fillableFromPrevious,
  fillFromPrevious,
  formOf,
  HEADER_FIELDS,
  isDirty,
  isReportTexts,
  MAX_LENGTH,
  placeIssues,
  SECTIONS,
} from '#web/common/dossier/report-model.ts';
import * as report from '#web/i18n/messages/report.ts';

const record = (over: Partial<ReportTexts> = {}): ReportTexts => ({
  cycleId: 'cycle-2022',
  entityId: 'so-khcn-ninh-thuan',
  version: 3,
  updatedAt: '2022-12-01T03:00:00.000Z',
  updatedBy: 'u1',
  highlights: 'Hoàn thành 100% kế hoạch.\nSố hóa hồ sơ.',
  proposals: 'Đề nghị bổ sung biên chế.',
  issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  documentNumber: '12/BC-SKHCN',
  recipients: ['Sở Nội vụ', 'Lưu: VT'],
  ...over,
});

describe('report texts form', () => {
  it('mirrors the contract: sections in order, their titles, header fields and limits', () => {
    expect([...SECTIONS]).toEqual([...REPORT_SECTIONS]);
    for (const k of SECTIONS) {
      expect(report.vi[`report.section.${k}`]).toBe(SECTION_TITLES[k].vi);
      expect(report.en[`report.section.${k}`]).toBe(SECTION_TITLES[k].en);
    }
    expect([...HEADER_FIELDS].sort()).toEqual(Object.keys(reportHeaderSchema.shape).sort());
    // Each limit is the schema's: one character more is refused, the limit itself is accepted.
    for (const k of FIELD_KEYS) {
      const at = (n: number) =>
        k === 'recipients' ? { recipients: ['x'.repeat(n)] } : { [k]: 'x'.repeat(n) };
      expect(reportTextsBodySchema.safeParse(at(MAX_LENGTH[k])).success, k).toBe(true);
      expect(reportTextsBodySchema.safeParse(at(MAX_LENGTH[k] + 1)).success, k).toBe(false);
    }
  });

  it('reads a record into strings, recipients one per line; none → blank', () => {
    expect(formOf(null)).toEqual(emptyForm());
    const f = formOf(record());
    expect(f.highlights).toBe('Hoàn thành 100% kế hoạch.\nSố hóa hồ sơ.');
    expect(f.recipients).toBe('Sở Nội vụ\nLưu: VT');
    expect(f.solutions).toBe('');
  });

  it('sends the filled fields trimmed (line breaks kept, NFC), recipients as a list, and the version', () => {
    const f = {
      ...emptyForm(),
      highlights: '  Kết quả <tốt> & "rõ"\nDòng hai  ',
      solutions: '   ',
      signerName: 'Nguye\u0302\u0303n Văn A',
      recipients: 'Sở Nội vụ\n\n  Lưu: VT  \n',
    };
    const body = bodyOf(f, 4);
    expect(body).toEqual({
      highlights: 'Kết quả <tốt> & "rõ"\nDòng hai',
      signerName: 'Nguyễn Văn A',
      recipients: ['Sở Nội vụ', 'Lưu: VT'],
      version: 4,
    });
    expect(reportTextsBodySchema.parse(body)).toEqual(body);
    expect(bodyOf(emptyForm())).toEqual({});
  });

  it('is dirty only when what would be stored changes', () => {
    const saved = formOf(record());
    expect(isDirty({ ...saved }, saved)).toBe(false);
    expect(isDirty({ ...saved, highlights: `${saved.highlights}  ` }, saved)).toBe(false);
    expect(isDirty({ ...saved, recipients: `${saved.recipients}\n` }, saved)).toBe(false);
    expect(isDirty({ ...saved, solutions: 'Mới' }, saved)).toBe(true);
    expect(isDirty({ ...saved, proposals: '' }, saved)).toBe(true);
  });

  it('fills only blank fields from last year, never the document number', () => {
    const typed = { ...emptyForm(), highlights: 'Năm nay đã viết' };
    expect(fillableFromPrevious(typed, null)).toEqual([]);
    const { form, filled } = fillFromPrevious(typed, record());
    expect(filled.sort()).toEqual(['issuingBody', 'proposals', 'recipients']);
    expect(form.highlights).toBe('Năm nay đã viết');
    expect(form.proposals).toBe('Đề nghị bổ sung biên chế.');
    expect(form.documentNumber).toBe('');
    expect(fillableFromPrevious(form, record())).toEqual([]);
  });

  it('places the API’s issues on their fields', () => {
    expect(fieldOfIssue('body.highlights')).toBe('highlights');
    expect(fieldOfIssue('body.recipients.3')).toBe('recipients');
    expect(fieldOfIssue('body.version')).toBeUndefined();
    expect(fieldOfIssue('path.entityId')).toBeUndefined();
    const m = (vi: string) => ({ vi, en: vi });
    const placed = placeIssues(
      [
        { field: 'body.recipients.3', message: m('Quá dài.') },
        { field: 'body.recipients.5', message: m('Quá dài.') },
        { field: 'body.place', message: m('Bắt buộc.') },
        { field: 'body.version', message: m('Phiên bản sai.') },
      ],
      (b) => b.vi,
    );
    expect(placed).toEqual({
      fields: { recipients: 'Quá dài.', place: 'Bắt buộc.' },
      rest: ['Phiên bản sai.'],
    });
  });

  it('trusts a 409’s current only when it is a record', () => {
    expect(isReportTexts(record())).toBe(true);
    expect(isReportTexts({ version: 1 })).toBe(false);
    expect(isReportTexts(undefined)).toBe(false);
  });

  it('sends the ticked export parts in their order', () => {
    expect(orderedParts(new Set(['report', 'score-table']))).toEqual(['score-table', 'report']);
    expect(orderedParts(new Set(['report']))).toEqual(['report']);
    expect(orderedParts(new Set())).toEqual([]);
  });
});
