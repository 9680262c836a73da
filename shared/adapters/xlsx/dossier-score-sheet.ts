/**
 * The score table sheet: one row per area / criterion in framework order; group rows and totals are Excel
 * formulas stored WITH their computed results (a viewer that does not recalculate shows the API's numbers).
 */
import type ExcelJS from 'exceljs';
import { frameworkLine } from '#domain/framework-label.ts';
import { ROW_STATUS, type ScoreTable, type ScoreTableMeta, type ScoreTableRow } from '#domain/score-table.ts';
import { BORDER, dmy, FONT, instantText, NUM, printReady, r2, styleAll } from './dossier-format.ts';

function evidenceLines(row: ScoreTableRow): string {
  return row.evidence
    .map((e) =>
      [
        e.documentNumber ? `Số ${e.documentNumber}` : undefined,
        e.issueDate ? `ngày ${dmy(e.issueDate)}` : undefined,
        e.title,
        e.issuer,
        e.path ? `[${e.path}]` : undefined,
      ]
        .filter(Boolean)
        .join(' – '),
    )
    .join('\n');
}

const COLS = {
  code: 1,
  title: 2,
  max: 3,
  self: 4,
  appraised: 5,
  projected: 6,
  evidence: 7,
  explanation: 8,
  units: 9,
  status: 10,
} as const;
const letter = (col: number) => String.fromCharCode(64 + col);

/** Title lines and the column header (rows 1–4, frozen and repeated on every printed page). */
function scoreSheetHeader(wb: ExcelJS.Workbook, table: ScoreTable, meta: ScoreTableMeta): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('Bảng điểm', { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
  ws.columns = [
    { width: 8 },
    { width: 48 },
    { width: 9 },
    { width: 9 },
    { width: 10 },
    { width: 10 },
    { width: 60 },
    { width: 36 },
    { width: 22 },
    { width: 18 },
  ];
  const title = `BẢNG ĐIỂM TỰ ĐÁNH GIÁ${meta.unitName ? ` — ${meta.unitName.toUpperCase()}` : ''}`;
  ws.addRow([title]).font = { name: FONT, bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 10);
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow([`${meta.entityName} — ${meta.cycleName}`]);
  ws.mergeCells(2, 1, 2, 10);
  ws.getRow(2).alignment = { horizontal: 'center' };
  // The framework first: a sample one's notice must be read before any score.
  ws.addRow([
    `${meta.framework ? `${frameworkLine(meta.framework, 'vi')} ` : ''}Số liệu đọc lúc ${instantText(meta.readAt)} (giờ Việt Nam); công thức ${table.formulaVersion}. Điểm dự kiến = điểm thẩm định nếu đã thẩm định, nếu chưa thì điểm tự chấm × mức đủ minh chứng.`,
  ]);
  ws.mergeCells(3, 1, 3, 10);
  ws.getRow(3).font = { name: FONT, italic: true, size: 11 };
  const header = ws.addRow([
    'STT',
    'Nội dung',
    'Điểm tối đa',
    'Điểm tự chấm',
    table.anyAppraised ? 'Điểm thẩm định' : 'Điểm thẩm định (chưa có)',
    'Điểm dự kiến',
    'Tài liệu kiểm chứng (số/ký hiệu – ngày ban hành – trích yếu – cơ quan ban hành – [vị trí trong bộ hồ sơ])',
    'Giải trình',
    'Đơn vị thực hiện',
    'Trạng thái',
  ]);
  header.font = { name: FONT, bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((c) => {
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  return ws;
}

/** The first row of the table, below the header. */
const FIRST_ROW = 5;
const rowOf = (i: number) => FIRST_ROW + i;

/** One row per area / criterion; a group's scores are SUM formulas over its children, results cached. */
function scoreRows(ws: ExcelJS.Worksheet, table: ScoreTable, meta: ScoreTableMeta) {
  for (const [i, row] of table.rows.entries()) {
    const wsRow = ws.getRow(rowOf(i));
    const n = rowOf(i);
    wsRow.getCell(COLS.code).value = row.code;
    wsRow.getCell(COLS.title).value = row.title.vi;
    wsRow.getCell(COLS.max).value = row.maxPoints;
    if (row.leaf) {
      if (row.selfScore !== undefined) wsRow.getCell(COLS.self).value = row.selfScore;
      if (row.appraisedScore !== undefined) wsRow.getCell(COLS.appraised).value = row.appraisedScore;
      if (row.projectedPoints !== undefined) wsRow.getCell(COLS.projected).value = r2(row.projectedPoints);
    } else {
      const refs = (col: number) => row.children.map((k) => `${letter(col)}${rowOf(k)}`).join(',');
      const sum = (col: number, result: number | undefined) => ({
        formula: row.children.length ? `SUM(${refs(col)})` : '0',
        result: r2(result ?? 0),
      });
      wsRow.getCell(COLS.self).value = sum(COLS.self, row.selfScore);
      wsRow.getCell(COLS.appraised).value = sum(COLS.appraised, row.appraisedScore);
      const projected = sum(COLS.projected, row.projectedPoints);
      // A bonus or penalty group is capped at its own max, as the readiness module caps it.
      wsRow.getCell(COLS.projected).value = row.capped
        ? { formula: `MIN(${projected.formula},C${n})`, result: projected.result }
        : projected;
      wsRow.font = { name: FONT, bold: true };
    }
    wsRow.getCell(COLS.evidence).value = evidenceLines(row) || null;
    wsRow.getCell(COLS.explanation).value = row.explanation ?? null;
    wsRow.getCell(COLS.units).value = row.unitIds.map((u) => meta.unitNames.get(u) ?? u).join(', ') || null;
    wsRow.getCell(COLS.status).value = row.status ? ROW_STATUS[row.status].vi : null;
    for (let c = 1; c <= 10; c++) {
      const cell = wsRow.getCell(c);
      cell.border = BORDER;
      cell.alignment = {
        wrapText: true,
        vertical: 'top',
        ...(c >= 3 && c <= 6 ? { horizontal: 'right' } : {}),
      };
      if (c >= 3 && c <= 6) cell.numFmt = NUM;
    }
    wsRow.getCell(COLS.title).alignment = {
      wrapText: true,
      vertical: 'top',
      indent: Math.max(0, row.depth - 1),
    };
  }
}

/** Totals: formulas over the top rows of each role, with the API's results cached; then the index row. */
function scoreTotals(ws: ExcelJS.Worksheet, table: ScoreTable) {
  const t = table.totals;
  const refs = (ids: number[], col: number) =>
    ids.length ? `SUM(${ids.map((i) => `${letter(col)}${rowOf(i)}`).join(',')})` : '0';
  const totalRow = rowOf(table.rows.length) + 1;
  const lines: [string, (col: number) => { formula: string; result: number } | null][] = [
    [
      'Tổng điểm (các lĩnh vực)',
      (col) =>
        col === COLS.max
          ? { formula: refs(table.top.regular, col), result: t.maxPoints }
          : col === COLS.self
            ? { formula: refs(table.top.regular, col), result: t.selfScore }
            : col === COLS.appraised
              ? { formula: refs(table.top.regular, col), result: t.appraisedScore }
              : { formula: refs(table.top.regular, col), result: t.projectedPoints },
    ],
    [
      'Điểm thưởng',
      (col) =>
        col === COLS.projected ? { formula: refs(table.top.bonus, col), result: t.bonusPoints } : null,
    ],
    [
      'Điểm trừ',
      (col) =>
        col === COLS.projected ? { formula: refs(table.top.penalty, col), result: t.penaltyPoints } : null,
    ],
  ];
  lines.forEach(([label, value], k) => {
    const row = ws.getRow(totalRow + k);
    row.getCell(COLS.title).value = label;
    for (const col of [COLS.max, COLS.self, COLS.appraised, COLS.projected]) {
      const v = value(col);
      if (v) row.getCell(col).value = v;
      row.getCell(col).numFmt = NUM;
    }
    row.font = { name: FONT, bold: true };
    for (let c = 1; c <= 10; c++) row.getCell(c).border = BORDER;
  });
  const indexRow = ws.getRow(totalRow + lines.length);
  const P = `F${totalRow}`;
  const B = `F${totalRow + 1}`;
  const Pe = `F${totalRow + 2}`;
  const M = `C${totalRow}`;
  indexRow.getCell(COLS.title).value =
    'Chỉ số dự kiến (%) = (điểm dự kiến + thưởng − trừ) / điểm tối đa × 100';
  indexRow.getCell(COLS.projected).value = {
    formula: `IF(${M}=0,0,ROUND(MAX(0,MIN(100,(${P}+${B}-${Pe})/${M}*100)),2))`,
    result: t.projectedIndexPercent,
  };
  indexRow.getCell(COLS.projected).numFmt = '0.00';
  indexRow.getCell(COLS.evidence).value = t.band ? `Xếp loại ${t.band}` : 'Chưa xếp loại';
  indexRow.font = { name: FONT, bold: true };
  for (let c = 1; c <= 10; c++) indexRow.getCell(c).border = BORDER;
  return { totalRow, indexRow: totalRow + lines.length };
}

/** Writes the score table; returns the worksheet row numbers of the total rows (for tests and other sheets). */
export function scoreSheet(wb: ExcelJS.Workbook, table: ScoreTable, meta: ScoreTableMeta) {
  const ws = scoreSheetHeader(wb, table, meta);
  scoreRows(ws, table, meta);
  const rows = scoreTotals(ws, table);
  printReady(ws, '4:4');
  styleAll(ws);
  return rows;
}
