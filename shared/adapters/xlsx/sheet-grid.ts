/**
 * Finding the sheet an import reads in a workbook from the spreadsheet reader: the sheet with the expected
 * name, else the first whose rows hold the header, else a one-sentence problem naming the sheet, the rows
 * looked at and the column the header is expected in — never an empty document left to the schema.
 */

import { columnLetter, isUncachedFormula } from '#adapters/spreadsheet/values.ts';
import type { Message } from '#domain/errors.ts';
import type { SheetCell, SheetGrid, SpreadsheetRead } from '#ports.ts';
import { cellText, folded } from './cells.ts';

export type GridRow = readonly SheetCell[];

export const isBlankGridRow = (row: GridRow | undefined): boolean =>
  !row || row.every((c) => (isUncachedFormula(c) ? false : cellText(c) === ''));

export type PickedSheet = { ok: true; grid: SheetGrid; header: number } | { ok: false; message: Message };

const list = (sheets: readonly SheetGrid[]) => sheets.map((s) => `"${s.name}"`).join(', ');

/** The sheet to read and its header row (1-based), or why there is none. */
export function pickSheet(
  read: SpreadsheetRead,
  expectedName: string,
  headerLabel: string,
  isHeader: (row: GridRow) => boolean,
): PickedSheet {
  if (!read.ok) return { ok: false, message: read.message };
  const headerOf = (g: SheetGrid) => g.rows.findIndex((r) => !isBlankGridRow(r) && isHeader(r)) + 1;
  const named = read.sheets.find((s) => folded(s.name) === folded(expectedName));
  const candidates = named ? [named] : read.sheets;
  for (const grid of candidates) {
    const header = headerOf(grid);
    if (header > 0) return { ok: true, grid, header };
  }
  const sheet = named ?? read.sheets[0];
  if (!sheet || sheet.rows.every((r) => isBlankGridRow(r)))
    return {
      ok: false,
      message: {
        vi: `Không đọc được tệp: trang tính "${sheet?.name ?? ''}" trống, không có dòng nào có dữ liệu.`,
        en: `The file could not be read: sheet "${sheet?.name ?? ''}" is empty, no row holds data.`,
      },
    };
  if (!named && read.sheets.length > 1)
    return {
      ok: false,
      message: {
        vi: `Không đọc được tệp: không có trang tính "${expectedName}" và không trang nào (${list(read.sheets)}) có dòng tiêu đề với cột "${headerLabel}".`,
        en: `The file could not be read: there is no sheet "${expectedName}" and no sheet (${list(read.sheets)}) has a header row with column "${headerLabel}".`,
      },
    };
  return {
    ok: false,
    message: {
      vi: `Không đọc được tệp: trang tính "${sheet.name}" không có dòng tiêu đề với cột "${headerLabel}" (đã xem dòng 1–${sheet.rows.length}, cột A–${columnLetter(Math.max(1, ...sheet.rows.map((r) => r.length)))}).`,
      en: `The file could not be read: sheet "${sheet.name}" has no header row with column "${headerLabel}" (rows 1–${sheet.rows.length}, columns A–${columnLetter(Math.max(1, ...sheet.rows.map((r) => r.length)))} looked at).`,
    },
  };
}

/** The problem text for a formula cell the file holds without its result. */
export const uncachedMessage = (f: { formula: string }): { vi: string; en: string } => ({
  vi: `ô là công thức (=${f.formula}) chưa có kết quả lưu sẵn; mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi tải lên.`,
  en: `the cell is a formula (=${f.formula}) with no stored result; open the file in Excel or LibreOffice, save it and upload it again.`,
});
