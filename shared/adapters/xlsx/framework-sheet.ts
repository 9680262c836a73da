/**
 * A framework as ONE worksheet (docs/frameworks.md documents every column):
 *
 *   rows 1…16   metadata, "Thuộc tính | Giá trị" (code, version, names, years, provenance, total, bands, mapping)
 *   one blank row
 *   header row  "Mã tiêu chí | Tên tiêu chí | … " (Vietnamese headers; matched by name, order free)
 *   one row per node; multi-valued cells hold one item per line, fields split by "|".
 *
 * `writeFrameworkSheet` and `readFrameworkSheet` are exact inverses on a parsed document (tested:
 * JSON → XLSX → JSON is lossless). Reading never throws on bad content: it returns the loose document and
 * the row of every node so the importer can name rows in its problems.
 */
import ExcelJS from 'exceljs';
import type { FrameworkDocument, FrameworkProblem } from '#domain/framework.ts';
import {
  cellLines,
  cellNumber,
  cellText,
  folded,
  isBlankRow,
  splitFields,
  splitList,
  styleHeader,
  XLSX_CONTENT_TYPE,
} from './cells.ts';

export { XLSX_CONTENT_TYPE };

export const FRAMEWORK_SHEET_NAME = 'Bộ tiêu chí';

type Doc = FrameworkDocument;
type Loose = Record<string, unknown>;

interface MetaField {
  key: string;
  label: string;
  note: string;
  write: (d: Doc) => string | number | undefined;
  read: (v: ExcelJS.CellValue, doc: Loose, fail: (vi: string, en: string) => void) => void;
}

const num = (v: ExcelJS.CellValue, fail: (vi: string, en: string) => void): number | undefined => {
  const n = cellNumber(v);
  if (n !== undefined && Number.isNaN(n)) {
    fail(`"${cellText(v)}" không phải là số.`, `"${cellText(v)}" is not a number.`);
    return undefined;
  }
  return n;
};
const opt = (s: string): string | undefined => (s === '' ? undefined : s);
const setPath = (doc: Loose, path: string[], value: unknown) => {
  if (value === undefined) return;
  let o = doc;
  for (const p of path.slice(0, -1)) {
    o[p] ??= {};
    o = o[p] as Loose;
  }
  o[path.at(-1)!] = value;
};

const META: MetaField[] = [
  {
    key: 'frameworkId',
    label: 'Mã bộ tiêu chí',
    note: 'Chữ thường, số, gạch ngang; giữ nguyên qua các phiên bản (vd. par-so-mau)',
    write: (d) => d.frameworkId,
    read: (v, d) => setPath(d, ['frameworkId'], opt(cellText(v))),
  },
  {
    key: 'version',
    label: 'Phiên bản',
    note: 'Số nguyên từ 1; để trống = phiên bản kế tiếp',
    write: (d) => d.version,
    read: (v, d, fail) => setPath(d, ['version'], num(v, fail)),
  },
  {
    key: 'name',
    label: 'Tên bộ tiêu chí',
    note: '',
    write: (d) => d.name.vi,
    read: (v, d) => setPath(d, ['name', 'vi'], cellText(v)),
  },
  {
    key: 'name',
    label: 'Tên bộ tiêu chí (tiếng Anh)',
    note: '',
    write: (d) => d.name.en,
    read: (v, d) => setPath(d, ['name', 'en'], cellText(v)),
  },
  {
    key: 'index',
    label: 'Chỉ số',
    note: 'par | papi | sipas | pci | other',
    write: (d) => d.index,
    read: (v, d) => setPath(d, ['index'], opt(cellText(v).toLowerCase())),
  },
  {
    key: 'years',
    label: 'Áp dụng từ năm',
    note: '',
    write: (d) => d.years.from,
    read: (v, d, fail) => setPath(d, ['years', 'from'], num(v, fail)),
  },
  {
    key: 'years',
    label: 'Áp dụng đến năm',
    note: 'Để trống nếu chưa có năm kết thúc',
    write: (d) => d.years.to,
    read: (v, d, fail) => setPath(d, ['years', 'to'], num(v, fail)),
  },
  {
    key: 'provenance',
    label: 'Nguồn gốc số liệu',
    note: 'confirmed (đúng văn bản chính thức) | sample (mẫu, cần thay)',
    write: (d) => d.provenance,
    read: (v, d) => setPath(d, ['provenance'], opt(cellText(v).toLowerCase())),
  },
  {
    key: 'provenanceNote',
    label: 'Ghi chú nguồn gốc',
    note: '',
    write: (d) => d.provenanceNote?.vi,
    read: (v, d) => setPath(d, ['provenanceNote', 'vi'], opt(cellText(v))),
  },
  {
    key: 'provenanceNote',
    label: 'Ghi chú nguồn gốc (tiếng Anh)',
    note: '',
    write: (d) => d.provenanceNote?.en,
    read: (v, d) => setPath(d, ['provenanceNote', 'en'], opt(cellText(v))),
  },
  {
    key: 'sources',
    label: 'Văn bản nguồn',
    note: 'Mỗi văn bản một dòng',
    write: (d) => d.sources?.join('\n'),
    read: (v, d) => setPath(d, ['sources'], cellLines(v)),
  },
  {
    key: 'aggregation',
    label: 'Cách tổng hợp',
    note: 'sum (cộng điểm) | weighted (theo trọng số, cột Trọng số)',
    write: (d) => d.aggregation,
    read: (v, d) => setPath(d, ['aggregation'], opt(cellText(v).toLowerCase())),
  },
  {
    key: 'totalPoints',
    label: 'Tổng điểm',
    note: 'Kiểm tra với tổng điểm các lĩnh vực (hoặc tổng trọng số)',
    write: (d) => d.totalPoints,
    read: (v, d, fail) => setPath(d, ['totalPoints'], num(v, fail)),
  },
  {
    key: 'bands',
    label: 'Xếp loại',
    note: 'Mỗi dòng: tên | % tối thiểu (vd. A | 90)',
    write: (d) => d.bands.map((b) => `${b.name} | ${b.minPercent}`).join('\n'),
    read: (v, d, fail) =>
      setPath(
        d,
        ['bands'],
        cellLines(v).map((l) => {
          const [name, min] = splitFields(l);
          const minPercent = cellNumber(min ?? '');
          if (minPercent === undefined || Number.isNaN(minPercent))
            fail(`Xếp loại "${l}": thiếu % tối thiểu.`, `Band "${l}": minimum percent missing.`);
          return { name, minPercent };
        }),
      ),
  },
  {
    key: 'mapping',
    label: 'Ánh xạ từ phiên bản',
    note: 'Số phiên bản liền trước, nếu có ánh xạ mã',
    write: (d) => d.mapping?.fromVersion,
    read: (v, d, fail) => setPath(d, ['mapping', 'fromVersion'], num(v, fail)),
  },
  {
    key: 'mapping',
    label: 'Ánh xạ mã',
    note: 'Mỗi dòng: same|renamed|split|merged|removed | mã cũ (phẩy) | mã mới (phẩy)',
    write: (d) =>
      d.mapping?.entries.map((e) => `${e.kind} | ${e.from.join(', ')} | ${e.to.join(', ')}`).join('\n'),
    read: (v, d) => {
      const lines = cellLines(v);
      if (lines.length === 0) return;
      setPath(
        d,
        ['mapping', 'entries'],
        lines.map((l) => {
          const [kind, from, to] = splitFields(l);
          return { kind: kind?.toLowerCase(), from: splitList(from ?? ''), to: splitList(to ?? '') };
        }),
      );
    },
  },
];

interface Column {
  key: string;
  header: string;
  width: number;
  note: string;
  required?: boolean;
}

export const FRAMEWORK_COLUMNS: Column[] = [
  {
    key: 'code',
    header: 'Mã tiêu chí',
    width: 10,
    note: '1, 1.2, 1.2.3 (ô định dạng Văn bản)',
    required: true,
  },
  { key: 'titleVi', header: 'Tên tiêu chí', width: 60, note: 'Tiếng Việt', required: true },
  { key: 'titleEn', header: 'Tên tiêu chí (tiếng Anh)', width: 45, note: 'English', required: true },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 10, note: 'Bằng tổng điểm tiêu chí con', required: true },
  { key: 'minPoints', header: 'Điểm tối thiểu', width: 10, note: 'Để trống = 0 (PAPI: 1)' },
  { key: 'weight', header: 'Trọng số (%)', width: 10, note: 'Chỉ khi Cách tổng hợp = weighted' },
  {
    key: 'method',
    header: 'Phương pháp',
    width: 13,
    note: 'evidence (tự chấm có tài liệu) | survey (điều tra XHH) | computed (tính từ số liệu)',
    required: true,
  },
  {
    key: 'role',
    header: 'Loại điểm',
    width: 11,
    note: 'Để trống = điểm thường | bonus (điểm thưởng) | penalty (điểm trừ)',
  },
  {
    key: 'appliesTo',
    header: 'Áp dụng cho',
    width: 14,
    note: 'Để trống = mọi loại; hoặc so, huyen, xa, ban-nganh',
  },
  {
    key: 'guide',
    header: 'Hướng dẫn chấm điểm',
    width: 60,
    note: 'Mỗi mức một dòng: điểm | mô tả | mô tả tiếng Anh',
  },
  {
    key: 'slots',
    header: 'Tài liệu kiểm chứng',
    width: 70,
    note: 'Mỗi loại một dòng: loại | số lượng | kỳ (year, half-year, quarter, month, any) | cấp ban hành (ministry, province, entity, unit, any) | tên | tên tiếng Anh',
  },
  { key: 'descriptionVi', header: 'Mô tả', width: 40, note: '' },
  { key: 'descriptionEn', header: 'Mô tả (tiếng Anh)', width: 40, note: '' },
];

const METHOD_SYNONYMS: Record<string, string> = {
  evidence: 'evidence',
  'minh chứng': 'evidence',
  'tài liệu kiểm chứng': 'evidence',
  'tự đánh giá': 'evidence',
  survey: 'survey',
  'điều tra': 'survey',
  'điều tra xhh': 'survey',
  'điều tra xã hội học': 'survey',
  computed: 'computed',
  'tính toán': 'computed',
};
/** Exact (diacritics kept): "thường" (regular) and "thưởng" (bonus) differ only by a tone mark. */
const ROLE_SYNONYMS: Record<string, string> = {
  regular: 'regular',
  thường: 'regular',
  'điểm thường': 'regular',
  bonus: 'bonus',
  thưởng: 'bonus',
  'điểm thưởng': 'bonus',
  penalty: 'penalty',
  trừ: 'penalty',
  'điểm trừ': 'penalty',
};
const synonym = (table: Record<string, string>, raw: string) => table[raw.toLowerCase()] ?? raw;

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

export interface FrameworkSheetRead {
  /** The document as read, not yet validated. */
  document: Record<string, unknown>;
  /** Sheet row of each node, by node position (problems are mapped to rows with it). */
  nodeRows: number[];
  /** Sheet row of each metadata key (`name`, `years`, …). */
  metaRows: Record<string, number>;
  /** Problems found while reading cells (a number that is not a number, a missing column). */
  problems: FrameworkProblem[];
}

export type Progress = (done: number, total: number) => void;

export async function readFrameworkSheet(
  bytes: Uint8Array,
  onProgress?: Progress,
): Promise<FrameworkSheetRead> {
  const wb = new ExcelJS.Workbook();
  const problems: FrameworkProblem[] = [];
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      document: {},
      nodeRows: [],
      metaRows: {},
      problems: [
        {
          kind: 'invalid',
          field: 'file',
          message: {
            vi: 'Không đọc được tệp .xlsx (tệp hỏng hoặc không phải Excel 2007+).',
            en: 'The .xlsx file could not be read (damaged, or not Excel 2007+).',
          },
        },
      ],
    };
  }
  const ws = wb.worksheets[0];
  const doc: Loose = {};
  const metaRows: Record<string, number> = {};
  const nodeRows: number[] = [];
  const nodes: Loose[] = [];
  if (!ws) return { document: doc, nodeRows, metaRows, problems };

  const metaByLabel = new Map(META.map((m) => [folded(m.label), m]));
  let columns: Map<number, Column> | undefined;
  const total = ws.rowCount;
  for (let r = 1; r <= total; r++) {
    const row = ws.getRow(r);
    if (r % 500 === 0) onProgress?.(r, total);
    if (isBlankRow(row)) continue;
    const first = folded(cellText(row.getCell(1).value));
    if (!columns) {
      if (first === folded(FRAMEWORK_COLUMNS[0]!.header)) {
        columns = new Map();
        row.eachCell((c, col) => {
          const spec = FRAMEWORK_COLUMNS.find((x) => folded(x.header) === folded(cellText(c.value)));
          if (spec) columns!.set(col, spec);
        });
        const found = new Set([...columns.values()].map((c) => c.key));
        for (const c of FRAMEWORK_COLUMNS)
          if (c.required && !found.has(c.key))
            problems.push({
              kind: 'invalid',
              field: `columns.${c.header}`,
              row: r,
              message: { vi: `Thiếu cột "${c.header}".`, en: `Column "${c.header}" is missing.` },
            });
        continue;
      }
      const meta = metaByLabel.get(first);
      if (meta) {
        metaRows[meta.key] ??= r;
        meta.read(row.getCell(2).value, doc, (vi, en) =>
          problems.push({
            kind: 'invalid',
            field: meta.key,
            row: r,
            message: { vi: `${meta.label}: ${vi}`, en: `${meta.label}: ${en}` },
          }),
        );
      }
      continue;
    }
    const node: Loose = {};
    const fail = (header: string, vi: string, en: string) =>
      problems.push({
        kind: 'invalid',
        nodeCode: typeof node.code === 'string' ? node.code : undefined,
        field: `rows.${r}.${header}`,
        row: r,
        message: { vi: `Dòng ${r}, cột "${header}": ${vi}`, en: `Row ${r}, column "${header}": ${en}` },
      });
    const cells = new Map<string, { value: ExcelJS.CellValue; header: string }>();
    for (const [col, spec] of columns)
      cells.set(spec.key, { value: row.getCell(col).value, header: spec.header });
    const text = (k: string) => cellText(cells.get(k)?.value);
    const number = (k: string) => {
      const c = cells.get(k);
      const n = cellNumber(c?.value);
      if (n !== undefined && Number.isNaN(n)) {
        fail(c!.header, `"${text(k)}" không phải là số.`, `"${text(k)}" is not a number.`);
        return undefined;
      }
      return n;
    };
    node.code = text('code');
    node.title = { vi: text('titleVi'), en: text('titleEn') };
    node.maxPoints = number('maxPoints');
    const minPoints = number('minPoints');
    if (minPoints !== undefined) node.minPoints = minPoints;
    const weight = number('weight');
    if (weight !== undefined) node.weight = weight;
    node.method = opt(synonym(METHOD_SYNONYMS, text('method')));
    const role = opt(synonym(ROLE_SYNONYMS, text('role')));
    if (role) node.role = role;
    const applies = splitList(text('appliesTo'));
    if (applies.length) node.appliesTo = applies;
    const guide = cellLines(cells.get('guide')?.value).map((l) => {
      const [points, vi, en] = splitFields(l);
      const p = cellNumber(points ?? '');
      if (p === undefined || Number.isNaN(p))
        fail(
          'Hướng dẫn chấm điểm',
          `"${l}" phải có dạng "điểm | mô tả | mô tả tiếng Anh".`,
          `"${l}" must read "points | wording | English wording".`,
        );
      return { points: p, label: { vi: vi ?? '', en: en ?? '' } };
    });
    if (guide.length) node.guide = guide;
    node.slots = cellLines(cells.get('slots')?.value).map((l) => {
      const [kind, count, period, level, vi, en] = splitFields(l);
      const minCount = cellNumber(count ?? '');
      if (minCount === undefined || Number.isNaN(minCount))
        fail(
          'Tài liệu kiểm chứng',
          `"${l}" phải có dạng "loại | số lượng | kỳ | cấp ban hành | tên | tên tiếng Anh".`,
          `"${l}" must read "kind | count | period | issuing level | name | English name".`,
        );
      return {
        kind,
        minCount,
        ...(period ? { period } : {}),
        ...(level ? { issuingLevel: level } : {}),
        label: { vi: vi ?? '', en: en ?? '' },
      };
    });
    const dVi = text('descriptionVi');
    const dEn = text('descriptionEn');
    if (dVi || dEn) node.description = { vi: dVi, en: dEn };
    nodes.push(node);
    nodeRows.push(r);
  }
  onProgress?.(total, total);
  if (!columns)
    problems.push({
      kind: 'invalid',
      field: 'columns',
      message: {
        vi: `Không thấy dòng tiêu đề bắt đầu bằng "${FRAMEWORK_COLUMNS[0]!.header}".`,
        en: `No header row starting with "${FRAMEWORK_COLUMNS[0]!.header}" was found.`,
      },
    });
  doc.nodes = nodes;
  return { document: doc, nodeRows, metaRows, problems };
}

/** Adds the sheet row to every problem: by node (code or position) or by metadata key. */
export function withRows(
  problems: FrameworkProblem[],
  read: Pick<FrameworkSheetRead, 'document' | 'nodeRows' | 'metaRows'>,
): FrameworkProblem[] {
  const nodes = (read.document.nodes as Loose[] | undefined) ?? [];
  const rowsByCode = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const key = typeof n.code === 'string' && n.code ? n.code : `#${i + 1}`;
    rowsByCode.set(key, [...(rowsByCode.get(key) ?? []), read.nodeRows[i]!]);
  });
  return problems.map((p) => {
    if (p.row !== undefined) return p;
    if (p.nodeCode && !p.field.startsWith('mapping')) {
      const rows = rowsByCode.get(p.nodeCode);
      // A duplicate is reported on its second occurrence.
      const row = p.kind === 'code_duplicate' ? rows?.at(-1) : rows?.[0];
      if (row !== undefined) return { ...p, row };
    }
    const row = read.metaRows[p.field.split('.')[0]!];
    return row !== undefined ? { ...p, row } : p;
  });
}

export const frameworkSheet = {
  read: readFrameworkSheet,
  write: writeFrameworkSheet,
  template: frameworkTemplate,
  withRows,
};
