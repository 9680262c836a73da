/** Shared look of the dossier's spreadsheets: Times New Roman, thin borders, A4 landscape, Vietnamese dates. */
import ExcelJS from 'exceljs';
import { localFields } from '#domain/working-days.ts';

export const FONT = 'Times New Roman';
export const NUM = '#,##0.##';
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** 2023-07-12 → 12/07/2023; an instant → dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
export const instantText = (iso: string) => {
  const p = localFields(new Date(iso));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
};
export const r2 = (n: number) => Math.round(n * 100) / 100;

export function printReady(ws: ExcelJS.Worksheet, headerRows: string) {
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

export function styleAll(ws: ExcelJS.Worksheet) {
  ws.eachRow((row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { size: 12, ...(cell.font ?? {}), name: FONT };
    });
  });
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Minh Chứng';
  // Excel recalculates on open; the cached results are what other viewers (and our tests) read.
  wb.calcProperties = { fullCalcOnLoad: true };
  return wb;
}
