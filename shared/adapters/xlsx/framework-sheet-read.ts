/**
 * Reading the framework sheet back into a loose document (never throws on bad content): metadata rows until
 * the header row, then one node per row, each with its sheet row so the importer can name rows in problems.
 */
import ExcelJS from 'exceljs';
import type { FrameworkProblem } from '#domain/framework.ts';
import { cellLines, cellNumber, cellText, folded, isBlankRow, splitFields, splitList } from './cells.ts';
import {
  type Column,
  FRAMEWORK_COLUMNS,
  type Loose,
  META,
  METHOD_SYNONYMS,
  opt,
  ROLE_SYNONYMS,
  synonym,
} from './framework-sheet-layout.ts';

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

const unreadable = (): FrameworkSheetRead => ({
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
});

/** The header row: which column holds which field (matched by name, order free); missing required ones. */
function readHeader(row: ExcelJS.Row, r: number, problems: FrameworkProblem[]): Map<number, Column> {
  const columns = new Map<number, Column>();
  row.eachCell((c, col) => {
    const spec = FRAMEWORK_COLUMNS.find((x) => folded(x.header) === folded(cellText(c.value)));
    if (spec) columns.set(col, spec);
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
  return columns;
}

type Fail = (header: string, vi: string, en: string) => void;

/** "điểm | mô tả | mô tả tiếng Anh", one level per line. */
const readGuide = (value: ExcelJS.CellValue, fail: Fail) =>
  cellLines(value).map((l) => {
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

/** "loại | số lượng | kỳ | cấp ban hành | tên | tên tiếng Anh", one evidence slot per line. */
const readSlots = (value: ExcelJS.CellValue, fail: Fail) =>
  cellLines(value).map((l) => {
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

/** One node row; a cell that cannot be read is a problem naming its row and column. */
function readNode(row: ExcelJS.Row, r: number, columns: Map<number, Column>, problems: FrameworkProblem[]) {
  const node: Loose = {};
  const fail: Fail = (header, vi, en) =>
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
  const guide = readGuide(cells.get('guide')?.value, fail);
  if (guide.length) node.guide = guide;
  node.slots = readSlots(cells.get('slots')?.value, fail);
  const dVi = text('descriptionVi');
  const dEn = text('descriptionEn');
  if (dVi || dEn) node.description = { vi: dVi, en: dEn };
  return node;
}

/** A metadata row ("Thuộc tính | Giá trị") before the header; unknown labels are ignored. */
function readMetaRow(row: ExcelJS.Row, r: number, read: FrameworkSheetRead) {
  const meta = META_BY_LABEL.get(folded(cellText(row.getCell(1).value)));
  if (!meta) return;
  read.metaRows[meta.key] ??= r;
  meta.read(row.getCell(2).value, read.document, (vi, en) =>
    read.problems.push({
      kind: 'invalid',
      field: meta.key,
      row: r,
      message: { vi: `${meta.label}: ${vi}`, en: `${meta.label}: ${en}` },
    }),
  );
}
const META_BY_LABEL = new Map(META.map((m) => [folded(m.label), m]));

const noHeader = (): FrameworkProblem => ({
  kind: 'invalid',
  field: 'columns',
  message: {
    vi: `Không thấy dòng tiêu đề bắt đầu bằng "${FRAMEWORK_COLUMNS[0]!.header}".`,
    en: `No header row starting with "${FRAMEWORK_COLUMNS[0]!.header}" was found.`,
  },
});

export async function readFrameworkSheet(
  bytes: Uint8Array,
  onProgress?: Progress,
): Promise<FrameworkSheetRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return unreadable();
  }
  const ws = wb.worksheets[0];
  const read: FrameworkSheetRead = { document: {}, nodeRows: [], metaRows: {}, problems: [] };
  if (!ws) return read;
  const nodes: Loose[] = [];
  let columns: Map<number, Column> | undefined;
  const total = ws.rowCount;
  for (let r = 1; r <= total; r++) {
    const row = ws.getRow(r);
    if (r % 500 === 0) onProgress?.(r, total);
    if (isBlankRow(row)) continue;
    if (columns) {
      nodes.push(readNode(row, r, columns, read.problems));
      read.nodeRows.push(r);
    } else if (folded(cellText(row.getCell(1).value)) === folded(FRAMEWORK_COLUMNS[0]!.header))
      columns = readHeader(row, r, read.problems);
    else readMetaRow(row, r, read);
  }
  onProgress?.(total, total);
  if (!columns) read.problems.push(noHeader());
  read.document.nodes = nodes;
  return read;
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
