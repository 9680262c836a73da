/**
 * The spreadsheet reader and what the imports make of a file they cannot read: encodings, delimiters,
 * Vietnamese numbers, clean codes, formulas without a stored result, merged headers, and one sentence
 * (sheet, rows, column) for a wrong sheet, a missing header, an empty sheet, a password or no spreadsheet.
 */
import { readFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '#adapters/spreadsheet/reader.ts';
import { detectDelimiter, detectEncoding } from '#adapters/spreadsheet/text.ts';
import { cleanText, numberFromText } from '#adapters/spreadsheet/values.ts';
import { assignmentSheet } from '#adapters/xlsx/assignment-sheet.ts';
import { frameworkSheet } from '#adapters/xlsx/framework-sheet.ts';
import { actors, memoryPorts, world } from '#test/unit/usecases/support.ts';
import { importFramework } from '#usecases/frameworks.ts';

const book = (sheets: Record<string, unknown[][]>, merges?: string[]) => {
  const wb = utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = utils.aoa_to_sheet(rows);
    if (merges) ws['!merges'] = merges.map((m) => utils.decode_range(m));
    utils.book_append_sheet(wb, ws, name);
  }
  return new Uint8Array(write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
};

describe('values', () => {
  it('reads Vietnamese decimal commas and thousands dots', () => {
    expect(numberFromText('2,5')).toBe(2.5);
    expect(numberFromText('1.5')).toBe(1.5);
    expect(numberFromText('1.234.567')).toBe(1_234_567);
    expect(numberFromText('1.234,5')).toBe(1234.5);
    expect(numberFromText('1,234.5')).toBe(1234.5);
    expect(numberFromText('1 234')).toBe(1234);
    expect(numberFromText('')).toBeUndefined();
    expect(numberFromText('hai')).toBeNaN();
  });

  it('codes lose non-breaking and zero-width spaces; text is NFC', () => {
    expect(cleanText('\u00A01.1\u200B ')).toBe('1.1');
    expect(cleanText('Tie\u0302\u0301u chi\u0301')).toBe('Tiếu chí');
  });
});

describe('delimited text', () => {
  it('detects the encoding from BOMs, zero bytes, or UTF-8 failing (Windows-1258)', () => {
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toEqual({ encoding: 'utf-8', skip: 3 });
    expect(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x41, 0))).toEqual({ encoding: 'utf-16le', skip: 2 });
    expect(detectEncoding(Uint8Array.of(0xfe, 0xff, 0, 0x41))).toEqual({ encoding: 'utf-16be', skip: 2 });
    expect(detectEncoding(Uint8Array.of(0x41, 0, 0x3b, 0, 0x42, 0)).encoding).toBe('utf-16le');
    expect(detectEncoding(Uint8Array.of(0x54, 0xea, 0xcc, 0x3b)).encoding).toBe('windows-1258');
  });

  it('detects comma, semicolon and tab, ignoring quoted ones', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a;b;"x,y,z"\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n"1,5"\t2')).toBe('\t');
    expect(detectDelimiter('một dòng')).toBeUndefined();
  });

  it('a Windows-1258 file reads as NFC Vietnamese', () => {
    const read = readSpreadsheet(Uint8Array.of(0x54, 0x69, 0xea, 0xcc, 0x75, 0x3b, 0x32, 0x0d, 0x0a));
    expect(read.ok && read.sheets[0]!.rows).toEqual([['Tiều', '2']]);
  });
});

describe('files that are not spreadsheets', () => {
  it.each([
    ['plain text', Buffer.from('not a zip'), 'not_a_spreadsheet'],
    ['a PDF', Buffer.from('%PDF-1.7'), 'not_a_spreadsheet'],
    ['a damaged zip', Buffer.from('PK\x03\x04garbage'), 'not_a_spreadsheet'],
    ['nothing', Buffer.alloc(0), 'empty'],
    [
      'an encrypted workbook',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
        Buffer.from('EncryptionInfo', 'utf16le'),
      ]),
      'encrypted',
    ],
  ])('%s is refused with its reason', (_, bytes, reason) => {
    const read = readSpreadsheet(new Uint8Array(bytes));
    expect(read).toMatchObject({ ok: false, reason });
  });

  it('a real password-protected .xlsx (Office agile encryption) is "encrypted", with how to fix it', async () => {
    // framework.excel.xlsx encrypted with the password "mat-khau-2026" by officecrypto-tool 0.0.19; decrypted
    // by msoffcrypto-tool 5.0 back to the identical file (test/fixtures/spreadsheets/make.ts).
    const bytes = readFileSync(new URL('../fixtures/spreadsheets/password-protected.xlsx', import.meta.url));
    const read = readSpreadsheet(new Uint8Array(bytes));
    expect(read).toMatchObject({ ok: false, reason: 'encrypted' });
    expect(!read.ok && read.message.vi).toMatch(/mật khẩu/);
    const deps = { ...memoryPorts(world()), sheets: frameworkSheet };
    const plan = await importFramework(deps, actors.admin, {
      mode: 'preview',
      publish: false,
      source: { format: 'xlsx-bytes', bytes: new Uint8Array(bytes) },
    });
    expect(plan.problems.map((p) => p.message.en)).toEqual([
      'The file could not be read: the workbook is password-protected; remove the password and upload it again.',
    ]);
  });

  it('the framework preview is that one sentence, not a schema dump', async () => {
    const deps = { ...memoryPorts(world()), sheets: frameworkSheet };
    const plan = await importFramework(deps, actors.admin, {
      mode: 'preview',
      publish: false,
      source: { format: 'xlsx-bytes', bytes: new Uint8Array(Buffer.from('%PDF-1.7')) },
    });
    expect(plan.ok).toBe(false);
    expect(plan.problems.map((p) => p.message.en)).toEqual([
      'The file could not be read: it is not a spreadsheet (.xlsx, .xls, .ods or .csv).',
    ]);
  });
});

describe('sheets an import cannot use', () => {
  it('no sheet by the expected name and none with the header: names both', async () => {
    const read = await frameworkSheet.read(book({ A: [['x', 'y']], B: [['z']] }));
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]!.message.vi).toContain('không có trang tính "Bộ tiêu chí"');
    expect(read.problems[0]!.message.en).toContain('"A", "B"');
  });

  it('a header row not found: the sheet, the rows and the columns looked at', async () => {
    const read = await assignmentSheet.read(
      book({
        'Nhiệm vụ': [
          ['Mã', 'Tên'],
          ['1', 'x'],
        ],
      }),
    );
    expect(read.problems.map((p) => p.message.en)).toEqual([
      'The file could not be read: sheet "Nhiệm vụ" has no header row with column "Mã nhiệm vụ" (rows 1–2, columns A–B looked at).',
    ]);
  });

  it('an empty sheet', async () => {
    const read = await frameworkSheet.read(book({ 'Bộ tiêu chí': [] }));
    expect(read.problems[0]!.message.en).toBe(
      'The file could not be read: sheet "Bộ tiêu chí" is empty, no row holds data.',
    );
  });
});

describe('cells', () => {
  it('a formula without a stored result is reported at its row and column, not read as blank', async () => {
    const zip = await JSZip.loadAsync(await assignmentSheet.write([]));
    const path = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(path)!.async('string');
    const row =
      '<row r="2"><c r="A2" t="inlineStr"><is><t>KH-1</t></is></c><c r="F2"><f>DATE(2026,8,31)</f></c></row>';
    zip.file(
      path,
      xml.replace(/<sheetData\/>|<\/sheetData>/, (m) =>
        m === '<sheetData/>' ? `<sheetData>${row}</sheetData>` : `${row}</sheetData>`,
      ),
    );
    const read = await assignmentSheet.read(await zip.generateAsync({ type: 'uint8array' }));
    expect(read.problems.map((p) => [p.row, p.field])).toEqual([[2, 'rows.2.dueDate']]);
    expect(read.problems[0]!.message.en).toContain('formula (=DATE(2026,8,31)) with no stored result');
  });

  it('a header merged over two rows is read at its top-left cell', async () => {
    const header = ['Mã nhiệm vụ', 'Phòng/đơn vị thực hiện', 'Tiêu chí', 'Tên nhiệm vụ', 'Hạn hoàn thành'];
    const bytes = book(
      { 'Nhiệm vụ': [header, [], ['KH-1', 'Phòng Kế hoạch', '2.1', 'Việc', '31/08/2026']] },
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2'],
    );
    const read = await assignmentSheet.read(bytes);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      {
        row: 3,
        values: {
          assignmentId: 'KH-1',
          unit: 'Phòng Kế hoạch',
          criteria: '2.1',
          title: 'Việc',
          dueDate: '2026-08-31',
        },
      },
    ]);
  });
});
