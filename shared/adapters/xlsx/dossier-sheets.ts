/**
 * The dossier's spreadsheets (docs/dossier.md), written with exceljs (only the export worker bundles it).
 * Score table: one row per area / criterion in framework order; group rows and totals are Excel formulas
 * stored WITH their computed results (a viewer that does not recalculate shows the same numbers as the API).
 * Print-ready: A4 landscape, fit to width, header rows repeated, frozen header, Times New Roman.
 */
import ExcelJS from 'exceljs';
import {
  type CouncilMeta,
  type CouncilRow,
  ROW_STATUS,
  type ScoreTable,
  type ScoreTableMeta,
  type ScoreTableRow,
} from '#domain/score-table.ts';
import { localFields } from '#domain/working-days.ts';
import type { DossierSheets } from '#ports.ts';

const FONT = 'Times New Roman';
const NUM = '#,##0.##';
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** 2023-07-12 → 12/07/2023; an instant → dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const instantText = (iso: string) => {
  const p = localFields(new Date(iso));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
};
const r2 = (n: number) => Math.round(n * 100) / 100;

function printReady(ws: ExcelJS.Worksheet, headerRows: string) {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: headerRows,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: 'Trang &P / &N' };
}

function styleAll(ws: ExcelJS.Worksheet) {
  ws.eachRow((row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { size: 12, ...(cell.font ?? {}), name: FONT };
    });
  });
}

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

/** Writes the score table; returns the worksheet row numbers of the total rows (for tests and other sheets). */
function scoreSheet(wb: ExcelJS.Workbook, table: ScoreTable, meta: ScoreTableMeta) {
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
  ws.addRow([
    `Số liệu đọc lúc ${instantText(meta.readAt)} (giờ Việt Nam); công thức ${table.formulaVersion}. Điểm dự kiến = điểm thẩm định nếu đã thẩm định, nếu chưa thì điểm tự chấm × mức đủ minh chứng.`,
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

  const first = 5;
  const rowOf = (i: number) => first + i;
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

  // Totals: formulas over the top rows of each role, with the API's results cached.
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

  printReady(ws, '4:4');
  styleAll(ws);
  return { totalRow, indexRow: totalRow + lines.length };
}

function summarySheet(wb: ExcelJS.Workbook, table: ScoreTable, meta: ScoreTableMeta) {
  const r = meta.readiness;
  const ws = wb.addWorksheet('Tổng hợp');
  ws.columns = [{ width: 38 }, { width: 16 }, { width: 100 }];
  ws.addRow(['KẾT QUẢ TỰ ĐÁNH GIÁ — SỐ LIỆU CHÍNH']).font = { name: FONT, bold: true, size: 14 };
  ws.addRow([`${meta.entityName} — ${meta.cycleName}`]);
  ws.addRow([`Số liệu đọc lúc ${instantText(meta.readAt)}; công thức ${r.formulaVersion}`]);
  ws.addRow([]);
  const head = ws.addRow(['Chỉ số', 'Giá trị', 'Cách tính']);
  head.font = { name: FONT, bold: true };
  const figure = (label: string, value: number | string, says?: string) => {
    const row = ws.addRow([label, value, says ?? '']);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(2).alignment = { horizontal: 'right', vertical: 'top' };
    if (typeof value === 'number') row.getCell(2).numFmt = NUM;
  };
  figure('Chỉ số dự kiến (%)', r.projectedIndexPercent, r.how.projectedIndexPercent.says?.vi);
  figure('Xếp loại', r.band ?? '—', r.how.band.says?.vi);
  figure('Điểm dự kiến', r.projectedPoints, r.how.projectedPoints.says?.vi);
  figure('Điểm tối đa (tự đánh giá + điều tra)', r2(r.maxPoints + r.surveyMaxPoints));
  figure('Điểm điều tra xã hội học', r.surveyPoints, r.how.surveyPoints.says?.vi);
  figure('Điểm thưởng', r.bonusPoints, r.how.bonusPoints.says?.vi);
  figure('Điểm trừ', r.penaltyPoints, r.how.penaltyPoints.says?.vi);
  figure('Hoàn thành (%)', r.completenessPercent, r.how.completenessPercent.says?.vi);
  figure(
    'Hoàn thành theo điểm (%)',
    r.completenessByPointsPercent,
    r.how.completenessByPointsPercent.says?.vi,
  );
  figure('Độ phủ minh chứng (%)', r.evidenceCoveragePercent, r.how.evidenceCoveragePercent.says?.vi);
  figure('Điểm có nguy cơ mất', r.atRiskPoints, r.how.atRiskPoints.says?.vi);
  // A second, labelled figure only: the index above is the full formula.
  const selfOnlyMax = r.maxPoints;
  if (r.surveyMaxPoints > 0 && selfOnlyMax > 0)
    figure(
      'Tham khảo: tỉ lệ phần tự đánh giá (%) — không phải chỉ số',
      r2(Math.max(0, Math.min(100, (r.projectedPoints / selfOnlyMax) * 100))),
      'Điểm dự kiến / điểm tối đa phần tự đánh giá × 100, không tính điểm điều tra, thưởng, trừ.',
    );
  if (table.unitId) figure('Phạm vi', `Phần của ${meta.unitName ?? table.unitId}`);
  styleAll(ws);
  printReady(ws, '5:5');
}

function explanationsSheet(wb: ExcelJS.Workbook, table: ScoreTable, meta: ScoreTableMeta) {
  const ws = wb.addWorksheet('Giải trình');
  ws.columns = [{ width: 8 }, { width: 50 }, { width: 10 }, { width: 80 }, { width: 24 }];
  const head = ws.addRow(['STT', 'Tiêu chí', 'Tự chấm', 'Giải trình', 'Đơn vị thực hiện']);
  head.font = { name: FONT, bold: true };
  for (const row of table.rows)
    if (row.explanation) {
      const x = ws.addRow([
        row.code,
        row.title.vi,
        row.selfScore ?? null,
        row.explanation,
        row.unitIds.map((u) => meta.unitNames.get(u) ?? u).join(', '),
      ]);
      x.alignment = { wrapText: true, vertical: 'top' };
    }
  styleAll(ws);
  printReady(ws, '1:1');
}

function unitsSheet(wb: ExcelJS.Workbook, meta: ScoreTableMeta) {
  const ws = wb.addWorksheet('Theo phòng');
  ws.columns = [
    { width: 36 },
    { width: 12 },
    { width: 12 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
  ];
  const head = ws.addRow([
    'Phòng/đơn vị',
    'Số tiêu chí',
    'Hoàn thành',
    'Hoàn thành (%)',
    'Dựa vào giải trình',
    'Điểm dự kiến',
    'Điểm có nguy cơ mất',
  ]);
  head.font = { name: FONT, bold: true };
  for (const u of meta.readiness.byUnit)
    ws.addRow([
      u.unitId === null ? 'Chưa phân công' : (meta.unitNames.get(u.unitId) ?? u.unitId),
      u.criteriaCount,
      u.completeCount,
      u.completenessPercent,
      u.completeByExplanationCount,
      u.projectedPoints,
      u.atRiskPoints,
    ]);
  styleAll(ws);
  printReady(ws, '1:1');
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Minh Chứng';
  // Excel recalculates on open; the cached results are what other viewers (and our tests) read.
  wb.calcProperties = { fullCalcOnLoad: true };
  return wb;
}

export const dossierSheets: DossierSheets = {
  async scoreTable(table, meta) {
    const wb = newWorkbook();
    scoreSheet(wb, table, meta);
    summarySheet(wb, table, meta);
    explanationsSheet(wb, table, meta);
    unitsSheet(wb, meta);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  },

  async councilTable(rows: CouncilRow[], meta: CouncilMeta) {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('Tổng hợp các đơn vị', { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.columns = [
      { width: 7 },
      { width: 42 },
      { width: 11 },
      { width: 11 },
      { width: 11 },
      { width: 11 },
      { width: 11 },
      { width: 11 },
      { width: 11 },
      { width: 11 },
      { width: 9 },
      { width: 12 },
    ];
    ws.addRow([`BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ — ${meta.cycleName}`]).font = {
      name: FONT,
      bold: true,
      size: 14,
    };
    ws.addRow([
      `Số liệu đọc lúc ${instantText(meta.readAt)}; công thức ${meta.formulaVersion}; ${rows.length}/${meta.entityTotal} đơn vị trong phạm vi; thứ hạng tính trên toàn kỳ.`,
    ]);
    const head = ws.addRow([
      'Hạng',
      'Đơn vị',
      'Tự chấm',
      'Thẩm định',
      'Số tiêu chí đã thẩm định',
      'Điểm dự kiến',
      'Điểm điều tra',
      'Điểm thưởng',
      'Điểm trừ',
      'Chỉ số dự kiến (%)',
      'Xếp loại',
      'Hoàn thành (%)',
    ]);
    head.font = { name: FONT, bold: true };
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const r of rows) {
      const row = ws.addRow([
        r.rank,
        r.entityName,
        r.selfPoints,
        r.appraisedPoints,
        r.appraisedCriteria,
        r.projectedPoints,
        r.surveyPoints,
        r.bonusPoints,
        r.penaltyPoints,
        r.projectedIndexPercent,
        r.band ?? '',
        r.completenessPercent,
      ]);
      row.eachCell((c, col) => {
        c.border = BORDER;
        if (col >= 3 && col !== 11) c.numFmt = NUM;
      });
    }
    styleAll(ws);
    printReady(ws, '3:3');
    return new Uint8Array(await wb.xlsx.writeBuffer());
  },
};
