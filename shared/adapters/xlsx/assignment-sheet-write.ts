/**
 * Assignments as ONE worksheet: a header row (Vietnamese, matched by name) then one row per task. The reader
 * returns raw values with their row numbers; the import use case resolves units, criteria and targets and
 * names every problem by row. Columns are documented in docs/frameworks.md.
 */
import ExcelJS from 'exceljs';
import type { Assignment } from '#domain/assignment.ts';
import { formatTarget } from '#domain/assignment.ts';
import {
  ASSIGNMENT_COLUMNS,
  ASSIGNMENT_SHEET_NAME,
  type AssignmentColumnKey,
} from './assignment-sheet-layout.ts';
import { styleHeader } from './cells.ts';

export * from './assignment-sheet-layout.ts';

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

/** Writing only (exports, templates): no spreadsheet reader in the bundles of functions that do not import. */
export const assignmentSheetWriter = { write: writeAssignmentSheet, template: assignmentTemplate };
