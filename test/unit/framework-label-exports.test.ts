/**
 * Provenance in the exports: the score table (its sheet and its summary) and the council's table state the
 * framework the scores rest on, with the sample notice for a framework that is not confirmed.
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { dossierSheets } from '#adapters/xlsx/dossier-sheets.ts';
import { frameworkLine, PROVISIONAL_NOTICE } from '#domain/framework-label.ts';
import type { DossierSheets, ReportWriter } from '#ports.ts';
import { buildExport, requestCycleExport, requestEntityExport } from '#usecases/dossier.ts';
import { actors, parFramework, seededAdapters } from './usecases/support.ts';

type Adapters = Awaited<ReturnType<typeof seededAdapters>>;
let a: Adapters;
const reportWriter: ReportWriter = { report: async () => new Uint8Array() };
const deps = () => ({
  ...a,
  runner: a.exportRunner,
  sheets: dossierSheets satisfies DossierSheets,
  reportWriter,
  downloadUrlTtlSeconds: 300,
});
beforeEach(async () => {
  a = await seededAdapters();
});

async function workbook(key: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(a.store.bytes(key)! as unknown as ArrayBuffer);
  return wb;
}
const cellText = (ws: ExcelJS.Worksheet | undefined, row: number) => String(ws!.getRow(row).getCell(1).value);

describe('exports state the framework and, for a sample one, the notice', () => {
  const f = parFramework();
  const line = frameworkLine(f, 'vi');

  it('the framework line names the version and carries the notice only when not confirmed', () => {
    expect(f.provenance).toBe('sample');
    expect(line).toBe(`Bộ tiêu chí: ${f.name.vi} (phiên bản ${f.version}). ${PROVISIONAL_NOTICE.vi}.`);
    expect(frameworkLine({ ...f, provenance: 'confirmed' }, 'en')).toBe(
      `Framework: ${f.name.en} (version ${f.version}).`,
    );
  });

  it('the score table: above the table on its sheet, and above the figures on the summary', async () => {
    const { job } = await requestEntityExport(
      deps(),
      actors.leaderA,
      { cycleId: 'c-2026', entityId: 'so-a' },
      {
        parts: ['score-table'],
      },
    );
    const built = await buildExport(deps(), job.jobId);
    const wb = await workbook(built!.files[0]!.key);
    expect(cellText(wb.getWorksheet('Bảng điểm'), 3).startsWith(line)).toBe(true);
    expect(cellText(wb.getWorksheet('Tổng hợp'), 4)).toBe(line);
  });

  it("the council's table: in its reading line", async () => {
    const { job } = await requestCycleExport(deps(), actors.admin, 'c-2026', { parts: ['council-table'] });
    const built = await buildExport(deps(), job.jobId);
    const wb = await workbook(built!.files[0]!.key);
    expect(cellText(wb.worksheets[0], 2)).toContain(line);
  });
});
