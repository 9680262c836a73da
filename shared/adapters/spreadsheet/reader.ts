/**
 * The one spreadsheet reader every import uses (port: `SpreadsheetReader`). Workbooks (.xlsx from any
 * producer, .xls BIFF8, .ods, SpreadsheetML/HTML tables) are read with SheetJS CE (`@e965/xlsx`, why:
 * docs/spreadsheets.md); delimited text is decoded and split here, so its encoding is ours to detect.
 * Never throws on a file's content: a file that is no workbook is a `SpreadsheetFailure` with its sentence.
 */
import { read, SSF, utils, type WorkBook, type WorkSheet } from '@e965/xlsx';
import type { Message } from '#domain/errors.ts';
import type { SheetCell, SheetGrid, SpreadsheetFailure, SpreadsheetRead, SpreadsheetReader } from '#ports.ts';
import { decodeText, detectDelimiter, parseDelimited } from './text.ts';
import { cleanText } from './values.ts';

const FAILURES: Record<SpreadsheetFailure, Message> = {
  not_a_spreadsheet: {
    vi: 'Không đọc được tệp: đây không phải bảng tính (.xlsx, .xls, .ods hoặc .csv).',
    en: 'The file could not be read: it is not a spreadsheet (.xlsx, .xls, .ods or .csv).',
  },
  encrypted: {
    vi: 'Không đọc được tệp: bảng tính có mật khẩu; hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ) rồi tải lên lại.',
    en: 'The file could not be read: the workbook is password-protected; remove the password and upload it again.',
  },
  empty: {
    vi: 'Không đọc được tệp: tệp trống.',
    en: 'The file could not be read: it is empty.',
  },
};

const fail = (reason: SpreadsheetFailure): SpreadsheetRead => ({
  ok: false,
  reason,
  message: FAILURES[reason],
});

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE container holding "EncryptionInfo" is an encrypted .xlsx (Office wraps those in OLE, not zip). */
const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
function hasStream(bytes: Uint8Array, name: string): boolean {
  const needle = utf16(name);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** One SheetJS cell as a grid cell: dates by their number format, formulas without a stored result kept. */
function cellOf(c: WorkSheet[string] | undefined, date1904: boolean): SheetCell {
  if (!c) return null;
  if (c.f !== undefined && (c.v === undefined || c.t === 'z')) return { formula: String(c.f) };
  if (c.t === 'e' || c.t === 'z' || c.v === undefined) return null;
  if (c.t === 'n' && typeof c.v === 'number' && c.z && SSF.is_date(String(c.z))) {
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return new Date(epoch + Math.round(c.v * 86_400_000));
  }
  if (c.v instanceof Date) return c.v;
  if (typeof c.v === 'string') {
    const t = cleanText(c.v);
    return t === '' ? null : t;
  }
  return c.v as number | boolean;
}

/** A worksheet as rows of cells from A1; a merged cell's value sits at its top-left cell (where headers match). */
function gridOf(name: string, ws: WorkSheet, date1904: boolean): SheetGrid {
  const ref = ws['!ref'];
  if (!ref) return { name, rows: [] };
  const range = utils.decode_range(ref);
  const rows: SheetCell[][] = [];
  // Dense sheets (`dense: true`) keep their cells as rows of cells: faster to read and to walk.
  const data = (ws as { '!data'?: (WorkSheet[string] | undefined)[][] })['!data'] ?? [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: SheetCell[] = [];
    const source = data[r] ?? [];
    for (let c = 0; c <= range.e.c; c++) row.push(cellOf(source[c], date1904));
    while (row.length && row.at(-1) === null) row.pop();
    rows.push(row);
  }
  return { name, rows };
}

/**
 * SheetJS reads an .xlsx formula without a stored `<v>` as 0 or blank, so the sheet XML is scanned for such
 * cells and they become `{ formula }` in the grid (sheets matched to their XML part by position).
 */
const FORMULA_CELL = /<c\b[^>/]*\br="([A-Z]+[0-9]+)"[^>/]*>((?:(?!<\/c>).)*?)<\/c>/gs;
function markUncachedFormulas(wb: WorkBook, grids: SheetGrid[]): void {
  const files = (wb as { files?: Record<string, { content?: Uint8Array }> }).files;
  const parts = (wb as { Directory?: { sheets?: string[] } }).Directory?.sheets ?? [];
  parts.forEach((part, i) => {
    const content = files?.[part.replace(/^\//, '')]?.content;
    const grid = grids[i];
    if (!content || !grid) return;
    for (const [, ref, inner] of new TextDecoder().decode(content).matchAll(FORMULA_CELL)) {
      const f = /<f\b[^>]*>([^<]*)<\/f>/.exec(inner!);
      if (!f || /<v\b[^>]*>[^<]+<\/v>/.test(inner!)) continue;
      const { r, c } = utils.decode_cell(ref!);
      while (grid.rows.length <= r) grid.rows.push([]);
      const row = grid.rows[r]!;
      while (row.length <= c) row.push(null);
      row[c] = {
        formula: f[1]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
      };
    }
  });
}

function workbookGrids(wb: WorkBook): SheetGrid[] {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return wb.SheetNames.map((n) => gridOf(cleanText(n), wb.Sheets[n]!, date1904));
}

/** Workbook bytes through SheetJS; its "password" / "encrypt" errors are the encrypted case. */
function readWorkbook(data: Uint8Array | string, format: 'xlsx' | 'xls' | 'ods'): SpreadsheetRead {
  try {
    // A Node Buffer, not an array: SheetJS reads it in place (a 4 MB .xls peaked at ~320 MB as an array,
    // ~190 MB as a Buffer; docs/spreadsheets.md).
    const input =
      typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const wb = read(input, {
      type: typeof data === 'string' ? 'string' : 'buffer',
      cellFormula: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      cellText: false,
      dense: true,
      bookFiles: format === 'xlsx',
    });
    const sheets = workbookGrids(wb);
    if (format === 'xlsx') markUncachedFormulas(wb, sheets);
    return { ok: true, format, sheets };
  } catch (e) {
    return fail(/password|encrypted file/i.test(String(e)) ? 'encrypted' : 'not_a_spreadsheet');
  }
}

/** Text: a SpreadsheetML or HTML table goes to SheetJS; otherwise delimited text, which needs a delimiter. */
function readText(bytes: Uint8Array): SpreadsheetRead {
  if (bytes.subarray(0, 1024).some((b, i) => b === 0 && i % 2 === 0 && bytes[i + 1] === 0))
    return fail('not_a_spreadsheet');
  const text = decodeText(bytes);
  if (text.trim() === '') return fail('empty');
  if (/^\s*</.test(text)) return readWorkbook(text, 'xls');
  const delimiter = detectDelimiter(text);
  if (!delimiter) return fail('not_a_spreadsheet');
  return { ok: true, format: 'csv', sheets: [{ name: 'CSV', rows: parseDelimited(text, delimiter) }] };
}

export function readSpreadsheet(bytes: Uint8Array): SpreadsheetRead {
  if (bytes.length === 0) return fail('empty');
  if (startsWith(bytes, ZIP)) {
    const ods = new TextDecoder().decode(bytes.subarray(30, 38)) === 'mimetype';
    return readWorkbook(bytes, ods ? 'ods' : 'xlsx');
  }
  if (startsWith(bytes, CFB))
    return hasStream(bytes, 'EncryptionInfo') ? fail('encrypted') : readWorkbook(bytes, 'xls');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return fail('not_a_spreadsheet'); // %PDF
  return readText(bytes);
}

export const spreadsheetReader: SpreadsheetReader = {
  read: async (bytes) => readSpreadsheet(bytes),
};
