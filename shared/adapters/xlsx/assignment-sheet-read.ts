/** Reading the assignment sheet from the spreadsheet reader's grid (no exceljs: import bundles stay lean). */
import { spreadsheetReader } from '#adapters/spreadsheet/reader.ts';
import { isUncachedFormula } from '#adapters/spreadsheet/values.ts';
import type { SpreadsheetRead, SpreadsheetReader } from '#ports.ts';
import {
  ASSIGNMENT_COLUMNS,
  ASSIGNMENT_SHEET_NAME,
  type AssignmentRowRead,
  type RowProblem,
} from './assignment-sheet-layout.ts';
import { cellDate, cellText, folded } from './cells.ts';
import type { Progress } from './framework-sheet-read.ts';
import { type GridRow, isBlankGridRow, pickSheet, uncachedMessage } from './sheet-grid.ts';

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

/** Reading only (the import function's codec). */
export const assignmentSheetReader = { read: readAssignmentSheet };
