/**
 * Assignments as ONE worksheet: a header row (Vietnamese, matched by name) then one row per task. The reader
 * returns raw values with their row numbers; the import use case resolves units, criteria and targets and
 * names every problem by row. Columns are documented in docs/frameworks.md.
 */
import ExcelJS from 'exceljs';
import { spreadsheetReader } from '#adapters/spreadsheet/reader.ts';
import { isUncachedFormula } from '#adapters/spreadsheet/values.ts';
import type { Assignment } from '#domain/assignment.ts';
import { formatTarget } from '#domain/assignment.ts';
import type { SpreadsheetRead, SpreadsheetReader } from '#ports.ts';
import { cellDate, cellText, folded, styleHeader } from './cells.ts';
import type { Progress } from './framework-sheet.ts';
import { type GridRow, isBlankGridRow, pickSheet, uncachedMessage } from './sheet-grid.ts';

export const ASSIGNMENT_SHEET_NAME = 'Nhiệm vụ';

export const ASSIGNMENT_COLUMNS = [
  {
    key: 'assignmentId',
    header: 'Mã nhiệm vụ',
    width: 16,
    note: 'Duy nhất trong kỳ và đơn vị (vd. KH-2023-01)',
    required: true,
  },
  {
    key: 'unit',
    header: 'Phòng/đơn vị thực hiện',
    width: 32,
    note: 'Tên phòng hoặc mã phòng',
    required: true,
  },
  {
    key: 'criteria',
    header: 'Tiêu chí',
    width: 28,
    note: 'Mã tiêu chí, cách nhau bởi dấu phẩy hoặc xuống dòng; tiêu chí của bộ khác: mã-bộ:mã (vd. papi:3.2)',
    required: true,
  },
  { key: 'title', header: 'Tên nhiệm vụ', width: 50, note: '', required: true },
  { key: 'description', header: 'Nội dung chi tiết', width: 70, note: 'Nguyên văn kế hoạch' },
  { key: 'dueDate', header: 'Hạn hoàn thành', width: 14, note: 'dd/mm/yyyy', required: true },
  { key: 'target', header: 'Chỉ tiêu', width: 14, note: 'vd. > 85 %, ≥ 90 %, trên 85%' },
  { key: 'source', header: 'Nguồn', width: 30, note: 'Văn bản, mục giao nhiệm vụ' },
] as const;
export type AssignmentColumnKey = (typeof ASSIGNMENT_COLUMNS)[number]['key'];

export interface AssignmentRowRead {
  row: number;
  values: Partial<Record<AssignmentColumnKey, string>>;
}

export interface RowProblem {
  row?: number;
  field: string;
  message: { vi: string; en: string };
}

function build(
  rows: readonly Assignment[],
  unitName: (unitId: string) => string,
  primary?: string,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Minh Chứng';
  const ws = wb.addWorksheet(ASSIGNMENT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ASSIGNMENT_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const header = ws.getRow(1);
  ASSIGNMENT_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    if (c.note) header.getCell(i + 1).note = c.note;
  });
  styleHeader(header);
  ws.getColumn(3).numFmt = '@';
  rows.forEach((a, i) => {
    const row = ws.getRow(i + 2);
    const values: Record<AssignmentColumnKey, string | undefined> = {
      assignmentId: a.assignmentId,
      unit: unitName(a.unitId),
      criteria: a.criteria
        .map((c) => (c.frameworkId === primary ? c.code : `${c.frameworkId}:${c.code}`))
        .join(', '),
      title: a.title,
      description: a.description,
      dueDate: a.dueDate.split('-').reverse().join('/'),
      target: a.target ? formatTarget(a.target) : undefined,
      source: a.source,
    };
    ASSIGNMENT_COLUMNS.forEach((c, ci) => {
      const v = values[c.key];
      if (v) row.getCell(ci + 1).value = v;
    });
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  return wb;
}

export async function writeAssignmentSheet(
  rows: readonly Assignment[],
  unitName: (unitId: string) => string = (u) => u,
  primaryFrameworkId?: string,
): Promise<Uint8Array> {
  return new Uint8Array(await build(rows, unitName, primaryFrameworkId).xlsx.writeBuffer());
}

export const assignmentTemplate = async (): Promise<Uint8Array> =>
  new Uint8Array(await build([], (u) => u).xlsx.writeBuffer());

type AssignmentColumn = (typeof ASSIGNMENT_COLUMNS)[number];

/** The header row's columns matched by name (order free). */
function headerColumns(row: GridRow): Map<number, AssignmentColumn> {
  const found = new Map<number, AssignmentColumn>();
  row.forEach((c, i) => {
    const spec = ASSIGNMENT_COLUMNS.find((x) => folded(x.header) === folded(cellText(c)));
    if (spec) found.set(i + 1, spec);
  });
  return found;
}

/** One task row: dates as `YYYY-MM-DD`, text trimmed; a formula without its result is a problem. */
function readRow(row: GridRow, r: number, columns: Map<number, AssignmentColumn>, problems: RowProblem[]) {
  const values: AssignmentRowRead['values'] = {};
  for (const [col, spec] of columns) {
    const cell = row[col - 1] ?? null;
    if (isUncachedFormula(cell)) {
      const m = uncachedMessage(cell);
      problems.push({
        row: r,
        field: `rows.${r}.${spec.key}`,
        message: {
          vi: `Dòng ${r}, cột "${spec.header}": ${m.vi}`,
          en: `Row ${r}, column "${spec.header}": ${m.en}`,
        },
      });
    }
    const v = spec.key === 'dueDate' ? cellDate(cell) : cellText(cell);
    if (v) values[spec.key] = v;
  }
  return { row: r, values };
}

/** The tasks from the reader's workbook: the sheet "Nhiệm vụ" (or the first holding the header row). */
export function readAssignmentGrid(
  file: SpreadsheetRead,
  onProgress?: Progress,
): { rows: AssignmentRowRead[]; problems: RowProblem[] } {
  const picked = pickSheet(
    file,
    ASSIGNMENT_SHEET_NAME,
    ASSIGNMENT_COLUMNS[0].header,
    (r) => headerColumns(r).size > 0,
  );
  if (!picked.ok) return { rows: [], problems: [{ field: 'file', message: picked.message }] };
  const { grid, header } = picked;
  const rows: AssignmentRowRead[] = [];
  const problems: RowProblem[] = [];
  const columns = headerColumns(grid.rows[header - 1]!);
  const keys = new Set([...columns.values()].map((c) => c.key));
  for (const c of ASSIGNMENT_COLUMNS)
    if ('required' in c && c.required && !keys.has(c.key))
      problems.push({
        row: header,
        field: `columns.${c.header}`,
        message: { vi: `Thiếu cột "${c.header}".`, en: `Column "${c.header}" is missing.` },
      });
  const total = grid.rows.length;
  for (let r = header + 1; r <= total; r++) {
    if (r % 500 === 0) onProgress?.(r, total);
    const row = grid.rows[r - 1];
    if (!isBlankGridRow(row)) rows.push(readRow(row!, r, columns, problems));
  }
  onProgress?.(total, total);
  return { rows, problems };
}

export async function readAssignmentSheet(
  bytes: Uint8Array,
  onProgress?: Progress,
  reader: SpreadsheetReader = spreadsheetReader,
): Promise<{ rows: AssignmentRowRead[]; problems: RowProblem[] }> {
  return readAssignmentGrid(await reader.read(bytes), onProgress);
}

export const assignmentSheet = {
  read: readAssignmentSheet,
  write: writeAssignmentSheet,
  template: assignmentTemplate,
};
