/** Reading and writing cells the way people fill spreadsheets: text, numbers typed as text, dates, lists. */
import type ExcelJS from 'exceljs';
import { isUncachedFormula, numberFromText } from '#adapters/spreadsheet/values.ts';
import type { SheetCell } from '#ports.ts';

/** A cell from the spreadsheet reader's grid, or from an exceljs workbook (exports read their own output). */
export type Cell = ExcelJS.CellValue | SheetCell;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as trimmed NFC text ('' when blank), whatever Excel stored (rich text, formula result, link, date). */
export function cellText(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === 'object') {
    if (isUncachedFormula(value)) return '';
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .normalize('NFC')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.normalize('NFC').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).normalize('NFC').trim();
}

/** `1,5` (Vietnamese decimal comma) and `1.5` both read as 1.5, thousands dots too (`numberFromText`). */
export function cellNumber(value: Cell | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'number')
    return value.result;
  return numberFromText(cellText(value));
}

export const isoFromDate = (d: Date): string =>
  `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/**
 * A date as `YYYY-MM-DD`: an Excel date cell, a serial number, `dd/MM/yyyy` (how dates are written here) or
 * `YYYY-MM-DD`. Returns the text unchanged when it is none of these, so the schema names the problem.
 */
export function cellDate(value: Cell | undefined): string | undefined {
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === 'number') return isoFromDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
  const t = cellText(value);
  if (t === '') return undefined;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return t;
}

/** Lines of a cell (one item per line), blank lines dropped. */
export const cellLines = (value: Cell | undefined): string[] =>
  cellText(value)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** `a | b | c` → ['a', 'b', 'c'] (trimmed). */
export const splitFields = (line: string): string[] => line.split('|').map((f) => f.trim());

/** `so, huyen; xa` → ['so', 'huyen', 'xa']. */
export const splitList = (s: string): string[] =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

export const folded = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

/** Header row styling shared by every sheet we write. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  });
}

export const isBlankRow = (row: ExcelJS.Row): boolean => {
  let blank = true;
  row.eachCell((c) => {
    if (cellText(c.value) !== '') blank = false;
  });
  return blank;
};
