/**
 * The self-assessment report as a document model (docs/dossier.md): the administrative header (Decree
 * 30/2020), the generated body — every figure from the same readiness reading as the score table — and the
 * texts the department wrote. Pure: the .docx writer (shared/adapters/docx/report-docx.ts) only lays it out,
 * so tests can check every figure here and in the file.
 */

import type { Readiness } from './readiness.ts';
import { headerDefaults, type ReportTexts, SECTION_TITLES } from './report.ts';
import type { ScoreTable } from './score-table.ts';

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  | { kind: 'table'; columns: string[]; widths: number[]; rows: string[][]; boldLast?: boolean };

export interface ReportModel {
  superiorBody: string;
  issuingBody: string;
  /** "Số: 125/BC-SKHCN", or "Số:       /BC-…" left for the office to fill. */
  numberLine: string;
  /** "Khánh Hòa, ngày 03 tháng 12 năm 2026". */
  placeDate: string;
  documentType: string;
  summary: string;
  body: ReportBlock[];
  recipients: string[];
  signerPosition: string;
  signerName?: string;
}

const vi = {
  points: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  percent: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
};
/** Points as the app writes them in Vietnamese: "3,5". */
export const pointsVi = (n: number) => vi.points.format(Math.round(n * 100) / 100);
/** A percentage as the app writes it in Vietnamese: "58,3%". */
export const percentVi = (n: number) => `${vi.percent.format(n)}%`;

/** Decree 30/2020: days below 10 and the months January and February take a leading zero. */
export function placeDate(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

const paragraphs = (text: string | undefined, empty: string): ReportBlock[] => {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length
    ? lines.map((l) => ({ kind: 'paragraph' as const, text: l }))
    : [{ kind: 'paragraph', text: empty, italic: true }];
};

export interface ReportModelInput {
  entity: { name: string; province: string } | undefined;
  cycle: { year: number; name: string };
  framework: { name: string; provenance?: string; provenanceNote?: string };
  readiness: Readiness;
  table: ScoreTable;
  unitNames: ReadonlyMap<string, string>;
  texts: ReportTexts | undefined;
  /** The reading day (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  today: string;
}

/** Opening lines: what the report is about, and a warning when the framework is not the official one. */
function opening(input: ReportModelInput, entityName: string): ReportBlock[] {
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `${entityName} báo cáo kết quả tự đánh giá, chấm điểm theo ${input.framework.name} năm ${input.cycle.year} (${input.cycle.name}) như sau:`,
    },
  ];
  if (input.framework.provenance && input.framework.provenance !== 'confirmed')
    blocks.push({
      kind: 'paragraph',
      italic: true,
      text: `Lưu ý: bộ tiêu chí "${input.framework.name}" là bản mẫu, tạm thời, chưa phải bộ tiêu chí chính thức${input.framework.provenanceNote ? ` (${input.framework.provenanceNote})` : ''}; điểm số để tham khảo.`,
    });
  return blocks;
}

/** I.1: the headline figures, as the readiness result has them, with how the index is computed. */
function overallResult(r: Readiness): ReportBlock[] {
  const selfTotal = r.criteria.reduce((s, c) => s + (c.selfScore ?? 0), 0);
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: 'I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM' },
    { kind: 'subheading', text: '1. Kết quả chung' },
    {
      kind: 'paragraph',
      text: `Tổng điểm tự chấm: ${pointsVi(selfTotal)}/${pointsVi(r.maxPoints)} điểm phần tự đánh giá; điểm điều tra xã hội học đã có: ${pointsVi(r.surveyPoints)}/${pointsVi(r.surveyMaxPoints)} điểm; điểm thưởng ${pointsVi(r.bonusPoints)}, điểm trừ ${pointsVi(r.penaltyPoints)}.`,
    },
    {
      kind: 'paragraph',
      text: `Chỉ số dự kiến: ${percentVi(r.projectedIndexPercent)}${r.band ? `, xếp loại ${r.band}` : ', chưa xếp loại'} (điểm dự kiến ${pointsVi(r.projectedPoints + r.bonusPoints - r.penaltyPoints + r.surveyPoints)}/${pointsVi(r.maxPoints + r.surveyMaxPoints)}).`,
    },
  ];
  if (r.how.projectedIndexPercent.says)
    blocks.push({
      kind: 'paragraph',
      italic: true,
      text: `Cách tính: ${r.how.projectedIndexPercent.says.vi}`,
    });
  blocks.push({
    kind: 'paragraph',
    text: `Hoàn thành: ${percentVi(r.completenessPercent)} (${r.completeCount}/${r.criteriaCount} tiêu chí đã tự chấm và đủ tài liệu kiểm chứng hoặc có giải trình; trong đó ${r.completeByExplanationCount} tiêu chí dựa vào giải trình). Độ phủ minh chứng: ${percentVi(r.evidenceCoveragePercent)}.`,
  });
  return blocks;
}

/** I.2: the score table's top regular rows (the areas) and their total. */
function byArea(table: ScoreTable): ReportBlock[] {
  const areaRows = table.top.regular.map((i) => table.rows[i]!);
  return [
    { kind: 'subheading', text: '2. Kết quả theo lĩnh vực' },
    {
      kind: 'table',
      columns: ['STT', 'Lĩnh vực', 'Điểm tối đa', 'Điểm tự chấm', 'Điểm dự kiến'],
      widths: [8, 52, 13, 13, 14],
      rows: [
        ...areaRows.map((a) => [
          a.code,
          a.title.vi,
          pointsVi(a.maxPoints),
          pointsVi(a.selfScore ?? 0),
          pointsVi(a.projectedPoints ?? 0),
        ]),
        [
          '',
          'Tổng cộng',
          pointsVi(table.totals.maxPoints),
          pointsVi(table.totals.selfScore),
          pointsVi(table.totals.projectedPoints),
        ],
      ],
      boldLast: true,
    },
  ];
}

/** I.3 and I.4: criteria short of evidence (with their explanations), then the points at risk. */
function gapsAndRisk(r: Readiness, table: ScoreTable): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'subheading', text: '3. Tiêu chí chưa đủ tài liệu kiểm chứng' }];
  const lacking = r.criteria.filter((c) => c.coverage < 1);
  const titleOf = new Map(table.rows.map((row) => [row.code, row.title.vi]));
  const explanations = new Map(table.rows.map((row) => [row.code, row.explanation]));
  if (lacking.length)
    blocks.push({
      kind: 'table',
      columns: ['Tiêu chí', 'Nội dung', 'Tự chấm', 'Đủ minh chứng', 'Giải trình'],
      widths: [9, 33, 10, 12, 36],
      rows: lacking.map((c) => [
        c.code,
        titleOf.get(c.code) ?? '',
        c.selfScore === undefined ? 'Chưa chấm' : pointsVi(c.selfScore),
        percentVi(Math.round(c.coverage * 1000) / 10),
        explanations.get(c.code) ?? 'Chưa có giải trình',
      ]),
    });
  else blocks.push({ kind: 'paragraph', text: 'Tất cả tiêu chí đã có đủ tài liệu kiểm chứng.' });
  blocks.push(
    { kind: 'subheading', text: '4. Điểm có nguy cơ bị trừ khi thẩm định' },
    {
      kind: 'paragraph',
      text: r.how.atRiskPoints.says?.vi ?? `Điểm có nguy cơ mất: ${pointsVi(r.atRiskPoints)}.`,
    },
  );
  return blocks;
}

/** I.5: each unit's roll-up (criteria nobody covers under "Chưa phân công"). */
function byUnit(r: Readiness, unitNames: ReadonlyMap<string, string>): ReportBlock[] {
  return [
    { kind: 'subheading', text: '5. Kết quả của các phòng, đơn vị' },
    {
      kind: 'table',
      columns: ['Phòng/đơn vị', 'Số tiêu chí', 'Hoàn thành', 'Tỷ lệ', 'Điểm dự kiến'],
      widths: [40, 14, 14, 14, 18],
      rows: r.byUnit.map((u) => [
        u.unitId === null ? 'Chưa phân công' : (unitNames.get(u.unitId) ?? u.unitId),
        String(u.criteriaCount),
        String(u.completeCount),
        percentVi(u.completenessPercent),
        pointsVi(u.projectedPoints),
      ]),
    },
  ];
}

/** II and III: the texts the department wrote, then the closing line. */
function writtenSections(input: ReportModelInput, entityName: string): ReportBlock[] {
  const { texts } = input;
  const none = '(Chưa nhập nội dung.)';
  return [
    { kind: 'heading', text: 'II. ĐÁNH GIÁ CHUNG' },
    { kind: 'subheading', text: `1. ${SECTION_TITLES.highlights.vi}` },
    ...paragraphs(texts?.highlights, none),
    { kind: 'subheading', text: `2. ${SECTION_TITLES.shortcomings.vi}` },
    ...paragraphs(texts?.shortcomings, none),
    { kind: 'subheading', text: `3. ${SECTION_TITLES.solutions.vi}` },
    ...paragraphs(texts?.solutions, none),
    { kind: 'heading', text: 'III. ĐỀ XUẤT, KIẾN NGHỊ' },
    ...paragraphs(texts?.proposals, none),
    {
      kind: 'paragraph',
      text: `Trên đây là báo cáo kết quả tự đánh giá, chấm điểm năm ${input.cycle.year} của ${entityName}./.`,
    },
  ];
}

/** The report: the administrative header (Decree 30/2020) around the body's sections in order. */
export function buildReportModel(input: ReportModelInput): ReportModel {
  const { readiness: r, table, texts } = input;
  const h = headerDefaults(texts ?? {}, input.entity);
  const entityName = input.entity?.name ?? '';
  const abbreviation = h.documentNumber ? undefined : '/BC-';
  const body: ReportBlock[] = [
    ...opening(input, entityName),
    ...overallResult(r),
    ...byArea(table),
    ...gapsAndRisk(r, table),
    ...byUnit(r, input.unitNames),
    ...writtenSections(input, entityName),
  ];
  return {
    superiorBody: h.superiorBody.toUpperCase(),
    issuingBody: h.issuingBody.toUpperCase(),
    numberLine: h.documentNumber ? `Số: ${h.documentNumber}` : `Số:        ${abbreviation}`,
    placeDate: placeDate(h.place, input.today),
    documentType: 'BÁO CÁO',
    summary: `Kết quả tự đánh giá, chấm điểm năm ${input.cycle.year}`,
    body,
    recipients: h.recipients,
    signerPosition: h.signerPosition,
    ...(h.signerName ? { signerName: h.signerName } : {}),
  };
}
