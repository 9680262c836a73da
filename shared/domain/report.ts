/**
 * The self-assessment report (Báo cáo kết quả tự đánh giá, chấm điểm; docs/dossier.md): its header as an
 * administrative document (Decree 30/2020: issuing body and its superior, number/symbol, place, signer,
 * recipients) and the parts people write themselves. Everything else in the report is generated from the
 * same reading as the score table. One record per cycle × entity, versioned (two editors → 409) and audited.
 */
import * as z from 'zod/mini';
import { droppable, id, text } from './common.ts';
import { isoDateTime } from './zod-lean.ts';

/** The parts the department writes; each may be long (the body of a report). */
export const REPORT_SECTIONS = ['highlights', 'shortcomings', 'solutions', 'proposals'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_TITLES: Record<ReportSection, { vi: string; en: string }> = {
  highlights: { vi: 'Ưu điểm, kết quả nổi bật', en: 'Highlights' },
  shortcomings: { vi: 'Hạn chế, tồn tại và nguyên nhân', en: 'Shortcomings and their causes' },
  solutions: { vi: 'Giải pháp khắc phục', en: 'Solutions' },
  proposals: { vi: 'Đề xuất, kiến nghị', en: 'Proposals' },
};

const long = /* @__PURE__ */ droppable(() => z.optional(text(20_000)));

export const reportHeaderSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    /** Cơ quan chủ quản, e.g. "UBND TỈNH KHÁNH HÒA". Absent: derived from the entity's province. */
    superiorBody: z.optional(text(200)),
    /** Cơ quan ban hành. Absent: the entity's name. */
    issuingBody: z.optional(text(200)),
    /** Số/ký hiệu: blank by default, for the office to fill (e.g. "125/BC-SKHCN"). */
    documentNumber: z.optional(text(60)),
    /** Địa danh, e.g. "Khánh Hòa". Absent: the entity's province. */
    place: z.optional(text(60)),
    /** Chức vụ người ký, e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
    signerPosition: z.optional(text(200)),
    signerName: z.optional(text(100)),
    /** Nơi nhận, one per line. */
    recipients: z.optional(z.array(text(200)).check(z.maxLength(20))),
  }),
);
export type ReportHeader = z.infer<typeof reportHeaderSchema>;

export const reportTextsBodySchema = /* @__PURE__ */ droppable(() =>
  z.extend(reportHeaderSchema, {
    highlights: long,
    shortcomings: long,
    solutions: long,
    proposals: long,
    /** The version read; absent when the record does not exist yet. */
    version: z.optional(z.number().check(z.int(), z.gte(1))),
  }),
);
export type ReportTextsBody = z.infer<typeof reportTextsBodySchema>;

export const reportTextsSchema = /* @__PURE__ */ droppable(() =>
  z.extend(z.omit(reportTextsBodySchema, { version: true }), {
    cycleId: id,
    entityId: id,
    version: z.number().check(z.int(), z.gte(1)),
    updatedAt: isoDateTime(),
    updatedBy: z.string(),
  }),
);
export type ReportTexts = z.infer<typeof reportTextsSchema>;

/** The editable fields of a record (what the previous year's text offers, what a save changes). */
export function editableOf(t: Partial<ReportTexts>): Omit<ReportTextsBody, 'version'> {
  const out: Record<string, unknown> = {};
  for (const k of [...REPORT_SECTIONS, ...Object.keys(reportHeaderSchema.shape)] as const)
    if (t[k as keyof ReportTexts] !== undefined) out[k] = t[k as keyof ReportTexts];
  return out as Omit<ReportTextsBody, 'version'>;
}

/** Defaults a header takes from the organisation when the office left a field blank. */
export function headerDefaults(
  h: ReportHeader,
  entity: { name: string; province: string } | undefined,
): Required<Omit<ReportHeader, 'documentNumber' | 'signerName'>> &
  Pick<ReportHeader, 'documentNumber' | 'signerName'> {
  const province = entity?.province ?? '';
  return {
    superiorBody: h.superiorBody ?? (province ? `UBND TỈNH ${province.toUpperCase()}` : ''),
    issuingBody: h.issuingBody ?? (entity?.name ?? '').toUpperCase(),
    ...(h.documentNumber ? { documentNumber: h.documentNumber } : {}),
    place: h.place ?? province,
    signerPosition: h.signerPosition ?? 'GIÁM ĐỐC',
    ...(h.signerName ? { signerName: h.signerName } : {}),
    recipients: h.recipients?.length ? h.recipients : ['Sở Nội vụ (để thẩm định)', 'Lãnh đạo Sở', 'Lưu: VT'],
  };
}
