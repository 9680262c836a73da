/** Writing the framework sheet (layout: framework-sheet-layout.ts; reading: framework-sheet-read.ts). */
import ExcelJS from 'exceljs';
import type { FrameworkDocument } from '#domain/framework.ts';
import { styleHeader, XLSX_CONTENT_TYPE } from './cells.ts';
import { FRAMEWORK_COLUMNS, FRAMEWORK_SHEET_NAME, META } from './framework-sheet-layout.ts';

export { FRAMEWORK_COLUMNS, FRAMEWORK_SHEET_NAME } from './framework-sheet-layout.ts';
export { XLSX_CONTENT_TYPE };

const guideLine = (g: { points: number; label: { vi: string; en: string } }) =>
  `${g.points} | ${g.label.vi} | ${g.label.en}`;
const slotLine = (s: FrameworkDocument['nodes'][number]['slots'][number]) =>
  [s.kind, s.minCount, s.period ?? '', s.issuingLevel ?? '', s.label.vi, s.label.en].join(' | ');

function nodeCells(n: FrameworkDocument['nodes'][number]): Record<string, string | number | undefined> {
  return {
    code: n.code,
    titleVi: n.title.vi,
    titleEn: n.title.en,
    maxPoints: n.maxPoints,
    minPoints: n.minPoints,
    weight: n.weight,
    method: n.method,
    role: n.role,
    appliesTo: n.appliesTo?.join(', '),
    guide: n.guide?.map(guideLine).join('\n'),
    slots: n.slots.map(slotLine).join('\n'),
    descriptionVi: n.description?.vi,
    descriptionEn: n.description?.en,
  };
}

function buildSheet(doc: FrameworkDocument | undefined): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Minh Chứng';
  const ws = wb.addWorksheet(FRAMEWORK_SHEET_NAME, { views: [{ state: 'frozen', ySplit: META.length + 2 }] });
  ws.columns = FRAMEWORK_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  META.forEach((m, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = m.label;
    row.getCell(1).font = { bold: true };
    if (m.note) row.getCell(1).note = m.note;
    const v = doc ? m.write(doc) : undefined;
    const cell = row.getCell(2);
    cell.numFmt = '@';
    if (v !== undefined && v !== '') cell.value = v;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  const headerRowNo = META.length + 2;
  const header = ws.getRow(headerRowNo);
  FRAMEWORK_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    if (c.note) header.getCell(i + 1).note = c.note;
  });
  styleHeader(header);
  // Codes are text: "1.10" typed into a number cell would become 1.1.
  ws.getColumn(1).numFmt = '@';
  const first = headerRowNo + 1;
  const methodCol = FRAMEWORK_COLUMNS.findIndex((c) => c.key === 'method') + 1;
  const roleCol = FRAMEWORK_COLUMNS.findIndex((c) => c.key === 'role') + 1;
  const last = first + Math.max(doc?.nodes.length ?? 0, 500);
  for (let r = first; r < last; r++) {
    ws.getCell(r, methodCol).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"evidence,survey,computed"'],
    };
    ws.getCell(r, roleCol).dataValidation = { type: 'list', allowBlank: true, formulae: ['"bonus,penalty"'] };
    ws.getCell(r, 1).numFmt = '@';
  }
  doc?.nodes.forEach((n, i) => {
    const row = ws.getRow(first + i);
    const cells = nodeCells(n);
    FRAMEWORK_COLUMNS.forEach((c, ci) => {
      const v = cells[c.key];
      if (v !== undefined && v !== '') row.getCell(ci + 1).value = v;
    });
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  return wb;
}

export async function writeFrameworkSheet(doc: FrameworkDocument): Promise<Uint8Array> {
  return new Uint8Array(await buildSheet(doc).xlsx.writeBuffer());
}

export async function frameworkTemplate(): Promise<Uint8Array> {
  return new Uint8Array(await buildSheet(undefined).xlsx.writeBuffer());
}

/** Writing only (exports, templates): no spreadsheet reader in the bundles of functions that do not import. */
export const frameworkSheetWriter = { write: writeFrameworkSheet, template: frameworkTemplate };
