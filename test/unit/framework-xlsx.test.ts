/**
 * The one-sheet .xlsx format: JSON → XLSX → JSON is lossless (bundled frameworks, a document that uses every
 * field, generated Vietnamese text), text comes back NFC, and problems in a sheet carry their row number.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentSheet } from '#adapters/xlsx/assignment-sheet.ts';
import { FRAMEWORK_COLUMNS, frameworkSheet } from '#adapters/xlsx/framework-sheet.ts';
import { type FrameworkDocument, validateFrameworkDocument } from '#domain/framework.ts';
import { loadBundledFrameworks } from '#infra/local/bundled-frameworks.ts';
import { DEMO_ASSIGNMENTS, DEMO_UNITS } from '#infra/local/demo-data.ts';

async function roundTrip(doc: FrameworkDocument): Promise<FrameworkDocument> {
  const read = await frameworkSheet.read(await frameworkSheet.write(doc));
  expect(read.problems).toEqual([]);
  const r = validateFrameworkDocument(read.document);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r.document;
}

const parse = (input: unknown): FrameworkDocument => {
  const r = validateFrameworkDocument(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r.document;
};

/** Uses every optional field once, and NFD input that must come back NFC. */
const RICH = {
  frameworkId: 'day-du',
  version: 2,
  name: { vi: 'Bộ chỉ số đầy đủ'.normalize('NFD'), en: 'Full framework' },
  index: 'other',
  years: { from: 2024, to: 2026 },
  provenance: 'confirmed',
  provenanceNote: { vi: 'Ghi chú nguồn', en: 'Source note' },
  sources: ['QĐ 1/QĐ-UBND', 'https://example.gov.vn/a?b=c'],
  aggregation: 'sum',
  totalPoints: 10,
  bands: [
    { name: 'Tốt', minPercent: 85.5 },
    { name: 'Khá', minPercent: 0 },
  ],
  mapping: {
    fromVersion: 1,
    entries: [
      { kind: 'renamed', from: ['1.9'], to: ['1.1'] },
      { kind: 'split', from: ['2.9'], to: ['2.1', '2.2'] },
      { kind: 'removed', from: ['3'] },
    ],
  },
  nodes: [
    {
      code: '1',
      title: { vi: 'Lĩnh vực một', en: 'Area one' },
      maxPoints: 4,
      minPoints: 0.5,
      method: 'evidence',
      appliesTo: ['so', 'huyen'],
      description: { vi: 'Mô tả\nhai dòng', en: 'Two\nlines' },
    },
    {
      code: '1.1',
      title: { vi: 'Tiêu chí có hướng dẫn', en: 'Guided criterion' },
      maxPoints: 4,
      method: 'computed',
      appliesTo: ['so'],
      guide: [
        { points: 4, label: { vi: 'Đạt 100%', en: '100 %' } },
        { points: 1.25, label: { vi: 'Đạt một phần', en: 'Partly' } },
      ],
      slots: [
        {
          kind: 'bao-cao',
          label: { vi: 'Báo cáo quý', en: 'Quarterly report' },
          minCount: 4,
          period: 'quarter',
          issuingLevel: 'entity',
        },
        { kind: 'quyet-dinh', label: { vi: 'Quyết định', en: 'Decision' }, minCount: 1 },
      ],
    },
    { code: '2', title: { vi: 'Điều tra', en: 'Survey' }, maxPoints: 6, method: 'survey' },
    { code: '2.1', title: { vi: 'Một phần ba', en: 'A third' }, maxPoints: 10 / 3, method: 'survey' },
    { code: '2.2', title: { vi: 'Hai phần ba', en: 'Two thirds' }, maxPoints: 6 - 10 / 3, method: 'survey' },
    { code: '9', title: { vi: 'Điểm thưởng', en: 'Bonus' }, maxPoints: 1, method: 'evidence', role: 'bonus' },
    {
      code: '10',
      title: { vi: 'Điểm trừ', en: 'Penalty' },
      maxPoints: 2,
      method: 'evidence',
      role: 'penalty',
    },
    {
      code: '1.10',
      title: { vi: 'Mã 1.10 không thành 1.1', en: 'Code 1.10 stays text' },
      maxPoints: 0,
      method: 'evidence',
    },
  ],
};

describe('JSON → XLSX → JSON', () => {
  it('is lossless for every bundled framework', async () => {
    for (const f of loadBundledFrameworks()) expect(await roundTrip(f)).toEqual(f);
  });

  it('is lossless for a document that uses every field; text comes back NFC', async () => {
    const doc = parse(RICH);
    const back = await roundTrip(doc);
    expect(back).toEqual(doc);
    expect(back.name.vi).toBe('Bộ chỉ số đầy đủ'.normalize('NFC'));
    expect(back.nodes.find((x) => x.code === '1.10')).toBeDefined();
    expect(back.nodes.find((x) => x.code === '2.1')!.maxPoints).toBe(10 / 3);
  });

  it('keeps generated Vietnamese titles, in NFC, through the sheet (property)', async () => {
    const letters = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ,.-/()0123456789',
    ];
    const word = fc.string({
      unit: fc.constantFrom(...letters, ...letters.map((l) => l.toUpperCase())),
      minLength: 1,
      maxLength: 40,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 6 }), async (titles) => {
        fc.pre(titles.every((t) => t.trim().length > 0));
        const nodes = titles.map((t, i) => ({
          code: String(i + 1),
          title: { vi: t.normalize('NFD'), en: `Node ${i + 1}` },
          maxPoints: i,
          method: 'evidence',
        }));
        const doc = parse({ ...RICH, mapping: undefined, totalPoints: undefined, nodes });
        const back = await roundTrip(doc);
        expect(back).toEqual(doc);
        for (const [i, t] of titles.entries())
          expect(back.nodes[i]!.title.vi).toBe(t.normalize('NFC').trim());
      }),
      { numRuns: 15 },
    );
  });
});

/** A sheet as an admin fills it, with mistakes: each must come back with its row number. */
async function brokenSheet(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bộ tiêu chí');
  ws.addRow(['Mã bộ tiêu chí', 'bo-loi']); // 1
  ws.addRow(['Phiên bản', 1]); // 2
  ws.addRow(['Tên bộ tiêu chí', 'Bộ có lỗi']); // 3
  ws.addRow(['Tên bộ tiêu chí (tiếng Anh)', 'Broken']); // 4
  ws.addRow(['Chỉ số', 'par']); // 5
  ws.addRow(['Áp dụng từ năm', 2024]); // 6
  ws.addRow(['Nguồn gốc số liệu', 'sample']); // 7
  ws.addRow(['Tổng điểm', 10]); // 8
  ws.addRow([]); // 9
  ws.addRow(FRAMEWORK_COLUMNS.map((c) => c.header)); // 10
  const row = (code: string, vi: string, max: unknown, method = 'evidence', slots = '') => {
    const cells: unknown[] = FRAMEWORK_COLUMNS.map(() => null);
    cells[0] = code;
    cells[1] = vi;
    cells[2] = `${vi} (en)`;
    cells[3] = max;
    cells[6] = method;
    cells[10] = slots;
    ws.addRow(cells);
  };
  row('1', 'Lĩnh vực một', 5); // 11: children sum to 4.5
  row('1.1', 'Kế hoạch', '2,5', 'minh chứng'); // 12: Vietnamese decimal comma, Vietnamese method name
  row('1.2', 'Báo cáo', 2, 'evidence', 'bao-cao | 4 | quarter | entity | Báo cáo quý | Quarterly'); // 13
  row('2', 'Điều tra', 'năm', 'điều tra'); // 14: not a number
  row('2.1', 'Điều tra có tài liệu', 3, 'survey', 'bao-cao | 1 | | | BC | R'); // 15: survey with slots
  row('3.1', 'Mồ côi', 1); // 16: no parent 3
  row('1.2', 'Trùng mã', 1); // 17: duplicate
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading a sheet with mistakes', () => {
  it('names every problem with its row and node code', async () => {
    const read = await frameworkSheet.read(await brokenSheet());
    const r = validateFrameworkDocument(read.document);
    expect(r.ok).toBe(false);
    const problems = frameworkSheet.withRows([...read.problems, ...(r.ok ? [] : r.problems)], read);
    const at = (kind: string) => problems.filter((p) => p.kind === kind).map((p) => [p.row, p.nodeCode]);
    expect(at('sum_mismatch')).toContainEqual([11, '1']);
    expect(at('invalid')).toContainEqual([14, '2']);
    expect(at('survey_with_slots')).toContainEqual([15, '2.1']);
    expect(at('orphan')).toContainEqual([16, '3.1']);
    expect(at('code_duplicate')).toContainEqual([17, '1.2']);
    expect(problems.every((p) => p.row !== undefined)).toBe(true);
    // Row 12 read fine: "2,5" and "minh chứng" are understood.
    const nodes = read.document.nodes as { code: string; maxPoints: number; method: string }[];
    expect(nodes.find((x) => x.code === '1.1')).toMatchObject({ maxPoints: 2.5, method: 'evidence' });
  });

  it('a damaged file is one readable problem, not an exception', async () => {
    const read = await frameworkSheet.read(new Uint8Array(Buffer.from('not a zip')));
    expect(read.problems[0]?.message.en).toContain('could not be read');
  });

  it('the blank template has the documented columns and metadata labels', async () => {
    const read = await frameworkSheet.read(await frameworkSheet.template());
    expect(read.problems).toEqual([]);
    expect(read.document.nodes).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await frameworkSheet.template()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = Array.from({ length: ws.rowCount }, (_, i) =>
      (ws.getRow(i + 1).values as unknown[]).filter(Boolean),
    );
    const header = rows.findIndex((r) => r[0] === 'Mã tiêu chí');
    expect(rows[header]).toEqual(FRAMEWORK_COLUMNS.map((c) => c.header));
    // Metadata labels sit above it, one per row, with the value beside.
    expect(rows.slice(0, header).map((r) => r[0])).toEqual(
      expect.arrayContaining(['Mã bộ tiêu chí', 'Phiên bản', 'Tổng điểm']),
    );
  });
});

describe('assignment sheet', () => {
  it('writes and reads the seed plan back, row by row', async () => {
    const unitName = (id: string) => DEMO_UNITS.find((u) => u.unitId === id)!.name.vi;
    const bytes = await assignmentSheet.write(DEMO_ASSIGNMENTS, unitName, 'par-so-mau');
    const read = await assignmentSheet.read(bytes);
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(13);
    const sipas = read.rows.find((r) => r.values.assignmentId === 'KH-2023-10')!;
    expect(sipas.values).toMatchObject({
      unit: 'Văn phòng Sở',
      target: '> 85 %',
      dueDate: '2023-11-30',
      criteria: '3.6, 8.5, sipas:1, sipas:2, sipas:3, sipas:4, sipas:5',
    });
    expect(sipas.row).toBe(11);
  });
});
