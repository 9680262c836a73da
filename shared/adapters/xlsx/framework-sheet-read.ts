/**
 * Reading the framework sheet back into a loose document (never throws on bad content): metadata rows until
 * the header row, then one node per row, each with its sheet row so the importer can name rows in problems.
 */

import { spreadsheetReader } from '#adapters/spreadsheet/reader.ts';
import { isUncachedFormula } from '#adapters/spreadsheet/values.ts';
import type { FrameworkProblem } from '#domain/framework.ts';
import type { SpreadsheetRead, SpreadsheetReader } from '#ports.ts';
import { type Cell, cellLines, cellNumber, cellText, folded, splitFields, splitList } from './cells.ts';
import {
  type Column,
  FRAMEWORK_COLUMNS,
  FRAMEWORK_SHEET_NAME,
  type Loose,
  META,
  METHOD_SYNONYMS,
  opt,
  ROLE_SYNONYMS,
  synonym,
} from './framework-sheet-layout.ts';
import { type GridRow, isBlankGridRow, pickSheet, uncachedMessage } from './sheet-grid.ts';

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

/** A file that cannot be read as a framework: one problem, and no `nodes`, so nothing is validated. */
const unreadable = (message: FrameworkProblem['message']): FrameworkSheetRead => ({
  document: {},
  nodeRows: [],
  metaRows: {},
  problems: [{ kind: 'invalid', field: 'file', message }],
});

/** The header row: which column holds which field (matched by name, order free); missing required ones. */
function readHeader(row: GridRow, r: number, problems: FrameworkProblem[]): Map<number, Column> {
  const columns = new Map<number, Column>();
  row.forEach((c, i) => {
    const spec = FRAMEWORK_COLUMNS.find((x) => folded(x.header) === folded(cellText(c)));
    if (spec) columns.set(i + 1, spec);
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
const readGuide = (value: Cell, fail: Fail) =>
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
const readSlots = (value: Cell, fail: Fail) =>
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
function readNode(row: GridRow, r: number, columns: Map<number, Column>, problems: FrameworkProblem[]) {
  const node: Loose = {};
  const fail: Fail = (header, vi, en) =>
    problems.push({
      kind: 'invalid',
      nodeCode: typeof node.code === 'string' ? node.code : undefined,
      field: `rows.${r}.${header}`,
      row: r,
      message: { vi: `Dòng ${r}, cột "${header}": ${vi}`, en: `Row ${r}, column "${header}": ${en}` },
    });
  const cells = new Map<string, { value: Cell; header: string }>();
  for (const [col, spec] of columns) {
    const value = row[col - 1] ?? null;
    if (isUncachedFormula(value)) {
      const m = uncachedMessage(value);
      fail(spec.header, m.vi, m.en);
    }
    cells.set(spec.key, { value, header: spec.header });
  }
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
function readMetaRow(row: GridRow, r: number, read: FrameworkSheetRead) {
  const meta = META_BY_LABEL.get(folded(cellText(row[0])));
  if (!meta) return;
  read.metaRows[meta.key] ??= r;
  const value = row[1] ?? null;
  const uncached = isUncachedFormula(value) ? uncachedMessage(value) : undefined;
  if (uncached)
    read.problems.push({
      kind: 'invalid',
      field: meta.key,
      row: r,
      message: { vi: `${meta.label}: ${uncached.vi}`, en: `${meta.label}: ${uncached.en}` },
    });
  meta.read(value, read.document, (vi, en) =>
    read.problems.push({
      kind: 'invalid',
      field: meta.key,
      row: r,
      message: { vi: `${meta.label}: ${vi}`, en: `${meta.label}: ${en}` },
    }),
  );
}
const META_BY_LABEL = new Map(META.map((m) => [folded(m.label), m]));

const isHeaderRow = (row: GridRow) => folded(cellText(row[0])) === folded(FRAMEWORK_COLUMNS[0]!.header);

/** The framework from the reader's workbook: the sheet "Bộ tiêu chí" (or the first with the header row). */
export function readFrameworkGrid(file: SpreadsheetRead, onProgress?: Progress): FrameworkSheetRead {
  const picked = pickSheet(file, FRAMEWORK_SHEET_NAME, FRAMEWORK_COLUMNS[0]!.header, isHeaderRow);
  if (!picked.ok) return unreadable(picked.message);
  const { rows } = picked.grid;
  const read: FrameworkSheetRead = { document: {}, nodeRows: [], metaRows: {}, problems: [] };
  const nodes: Loose[] = [];
  const total = rows.length;
  for (let r = 1; r < picked.header; r++)
    if (!isBlankGridRow(rows[r - 1])) readMetaRow(rows[r - 1]!, r, read);
  const columns = readHeader(rows[picked.header - 1]!, picked.header, read.problems);
  for (let r = picked.header + 1; r <= total; r++) {
    if (r % 500 === 0) onProgress?.(r, total);
    const row = rows[r - 1];
    if (isBlankGridRow(row)) continue;
    nodes.push(readNode(row!, r, columns, read.problems));
    read.nodeRows.push(r);
  }
  onProgress?.(total, total);
  read.document.nodes = nodes;
  return read;
}

export async function readFrameworkSheet(
  bytes: Uint8Array,
  onProgress?: Progress,
  reader: SpreadsheetReader = spreadsheetReader,
): Promise<FrameworkSheetRead> {
  return readFrameworkGrid(await reader.read(bytes), onProgress);
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

/** Reading only (the import function's codec): no exceljs in its bundle. */
export const frameworkSheetReader = { read: readFrameworkSheet, withRows };
