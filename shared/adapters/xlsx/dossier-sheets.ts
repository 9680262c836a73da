/**
 * The dossier's spreadsheets (docs/dossier.md), written with exceljs (only the export worker bundles it).
 * Score table: one row per area / criterion in framework order; group rows and totals are Excel formulas
 * stored WITH their computed results (a viewer that does not recalculate shows the same numbers as the API).
 * Print-ready: A4 landscape, fit to width, header rows repeated, frozen header, Times New Roman.
 */
import type ExcelJS from 'exceljs';
import { frameworkLine } from '#domain/framework-label.ts';
import type { CouncilMeta, CouncilRow, ScoreTable, ScoreTableMeta } from '#domain/score-table.ts';
import type { DossierSheets } from '#ports.ts';
import { BORDER, FONT, instantText, NUM, newWorkbook, printReady, r2, styleAll } from './dossier-format.ts';
import { scoreSheet } from './dossier-score-sheet.ts';

function summarySheet(wb: ExcelJS.Workbook, table: ScoreTable, meta: ScoreTableMeta) {
  const r = meta.readiness;
  const ws = wb.addWorksheet('Tổng hợp');
  ws.columns = [{ width: 38 }, { width: 16 }, { width: 100 }];
  ws.addRow(['KẾT QUẢ TỰ ĐÁNH GIÁ — SỐ LIỆU CHÍNH']).font = { name: FONT, bold: true, size: 14 };
  ws.addRow([`${meta.entityName} — ${meta.cycleName}`]);
  ws.addRow([`Số liệu đọc lúc ${instantText(meta.readAt)}; công thức ${r.formulaVersion}`]);
  // The framework and, for a sample one, its notice, in the blank line above the figures (rows keep their place).
  ws.addRow(meta.framework ? [frameworkLine(meta.framework, 'vi')] : []);
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
      `Số liệu đọc lúc ${instantText(meta.readAt)}; công thức ${meta.formulaVersion}; ${rows.length}/${meta.entityTotal} đơn vị trong phạm vi; thứ hạng tính trên toàn kỳ.${meta.framework ? ` ${frameworkLine(meta.framework, 'vi')}` : ''}`,
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
