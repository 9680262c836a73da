/**
 * Journey — "Xuất hồ sơ". The entity's leader (lãnh đạo) opens "Tổng quan", opens "Xuất hồ sơ", exports the
 * score table and follows the job's progress to done; the "reused" note is shown exactly when the API says
 * so; the download is a real .xlsx (zip, read with exceljs) whose rows hold the entity's criteria and whose
 * total projected points equal the readiness API's projected + survey points. "Xem bản in" shows the same
 * rows as an HTML table (the API's score table), clean at 1366×768 and 390×844, with its print rules. A
 * unit's part is exported too. The admin exports the council's table of every entity from the same drawer.
 * A member sees no export button and the API refuses them.
 * Screenshots: test/artifacts/e2e/dossier-export/.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page, Response } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Output } from '#web/api/types.ts';
import { formatNumber } from '#web/i18n/format.ts';
import { ARTIFACTS, DESKTOP, openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { callApi, expectClean, signIn, tokenOf, until } from './journey.ts';

const { web, api } = inject('e2e');
const CYCLE = 'cycle-2023';
const ENTITY = 'so-khcn-ninh-thuan';
const LEADER_UNIT = 'van-phong-so';
const shot = screenshots('dossier-export');
const sessions: Session[] = [];

type Readiness = Output<'getEntityReadiness'>;
type ExportView = Output<'requestEntityExport'>;
type ScoreTable = Output<'getScoreTable'>;

const fromApi = async <T>(page: Page, path: string): Promise<T> =>
  callApi<T>(api, await tokenOf(page), 'GET', path);

const isExportPost = (r: Response) =>
  r.request().method() === 'POST' && /\/v1\/cycles\/[^/]+\/entities\/[^/]+\/exports$/.test(r.url());

/**
 * A cell's number: a plain value, a formula's stored result, or — exceljs reads a stored `<v>0</v>` back as no
 * result — the formula worked out from the cells it names (SUM / MIN / MAX of references and numbers).
 */
function cellNumber(ws: ExcelJS.Worksheet, address: string, depth = 0): number {
  const v = ws.getCell(address).value;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'formula' in v) {
    if (typeof v.result === 'number') return v.result;
    if (depth > 20 || !v.formula) throw new Error(`cannot work out ${address}: ${JSON.stringify(v)}`);
    return evaluate(ws, v.formula, depth + 1);
  }
  throw new Error(`${address} is not a number: ${JSON.stringify(v)}`);
}

function evaluate(ws: ExcelJS.Worksheet, formula: string, depth: number): number {
  let i = 0;
  const expr = (): number => {
    const m = /^([A-Z]+)(\d+)?/.exec(formula.slice(i));
    if (m?.[2]) {
      i += m[0].length;
      return cellNumber(ws, m[0], depth);
    }
    if (m && formula[i + m[0].length] === '(') {
      i += m[0].length + 1;
      const args: number[] = [];
      while (formula[i] !== ')') {
        args.push(expr());
        if (formula[i] === ',') i++;
      }
      i++;
      if (m[1] === 'SUM') return args.reduce((a, b) => a + b, 0);
      if (m[1] === 'MIN') return Math.min(...args);
      if (m[1] === 'MAX') return Math.max(...args);
      throw new Error(`unexpected function ${m[1]} in ${formula}`);
    }
    const num = /^-?\d+(\.\d+)?/.exec(formula.slice(i));
    if (!num) throw new Error(`cannot read ${formula} at ${i}`);
    i += num[0].length;
    return Number(num[0]);
  };
  return expr();
}
const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v).trim());

/** Reads the score table sheet: the header row by its labels, then each row's code and points, and the total. */
async function readScoreSheet(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    const col: Record<string, number> = {};
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (headerRow) return;
      row.eachCell((cell, c) => {
        const text = cellText(cell.value);
        if (text === 'STT') col.code = c;
        if (text === 'Nội dung') col.title = c;
        if (text === 'Điểm tối đa') col.max = c;
        if (text === 'Điểm dự kiến') col.projected = c;
      });
      if (col.code && col.title && col.max && col.projected) headerRow = n;
    });
    if (!headerRow) continue;
    const at = (c: number, n: number) => `${String.fromCharCode(64 + c)}${n}`;
    const projected = new Map<string, number>();
    let total: { max: number; projected: number } | undefined;
    for (let n = headerRow + 1; n <= ws.rowCount; n++) {
      const code = cellText(ws.getCell(at(col.code!, n)).value);
      if (/^\d+(\.\d+)*$/.test(code)) projected.set(code, cellNumber(ws, at(col.projected!, n)));
      if (!total && cellText(ws.getCell(at(col.title!, n)).value).startsWith('Tổng điểm'))
        total = { max: cellNumber(ws, at(col.max!, n)), projected: cellNumber(ws, at(col.projected!, n)) };
    }
    return { sheet: ws.name, projected, total };
  }
  throw new Error(`no sheet with a score table header in ${wb.worksheets.map((w) => w.name).join(', ')}`);
}

/** Clicks "Xuất" and waits for the job to finish; returns the POST's answer as the API gave it. */
async function exportAndWait(page: Page): Promise<ExportView> {
  const [response] = await Promise.all([
    page.waitForResponse(isExportPost),
    page.getByTestId('export-submit').click(),
  ]);
  const view = (await response.json()) as ExportView;
  expect(response.status(), JSON.stringify(view)).toBe(202);
  const job = page.getByTestId('export-job');
  await job.waitFor();
  await until(
    'the export job finished',
    async () => ['done', 'failed'].includes((await job.getAttribute('data-state')) ?? ''),
    90_000,
  );
  const state = await job.getAttribute('data-state');
  expect(state, `job ${view.job.jobId} failed: ${await job.textContent()}`).toBe('done');
  return view;
}

afterAll(async () => {
  for (const s of sessions) await s.close();
});

describe('dossier export', () => {
  let leader: Session;
  let page: Page;
  let first: ExportView;

  test('the leader exports the score table from "Tổng quan" and follows its progress to done', async () => {
    leader = await openBrowser(DESKTOP);
    sessions.push(leader);
    page = leader.page;
    await signIn(page, web, 'lanhdao@minhchung.local');
    // "Việc của tôi" offers it to the leader too.
    await page.getByTestId('cycle-card').getByRole('button', { name: 'Xuất hồ sơ' }).waitFor();
    await page.getByRole('link', { name: 'Tổng quan' }).first().click();
    await page.waitForURL('**/dashboard');
    await page.getByTestId('dashboard-readiness-value').waitFor();

    await page.getByRole('button', { name: 'Xuất hồ sơ' }).click();
    const drawer = page.getByRole('dialog', { name: 'Xuất hồ sơ tự đánh giá' });
    await drawer.waitFor();
    expect(await drawer.getByLabel('Bảng điểm tự đánh giá (.xlsx)').isChecked()).toBe(true);
    expect(await drawer.getByLabel('Cả đơn vị').isChecked()).toBe(true);
    await drawer.getByText('Phần của phòng Văn phòng Sở').waitFor();
    // Leaders export their own entity only: no council table.
    expect(await page.getByTestId('export-council').count()).toBe(0);
    await expectClean(page, 'export drawer 1366');
    await shot(page, 'drawer');

    // The report (.docx) is ticked with it; unticking both leaves nothing to export.
    expect(await drawer.getByLabel('Báo cáo tự đánh giá (.docx)').isChecked()).toBe(true);
    await drawer.getByLabel('Bảng điểm tự đánh giá (.xlsx)').uncheck();
    await drawer.getByLabel('Báo cáo tự đánh giá (.docx)').uncheck();
    await drawer.getByText('Chọn ít nhất một nội dung để xuất.').waitFor();
    expect(await page.getByTestId('export-submit').isDisabled()).toBe(true);
    // This journey follows the score table alone (the report's is test/e2e/report-texts.test.ts).
    await drawer.getByLabel('Bảng điểm tự đánh giá (.xlsx)').check();

    first = await exportAndWait(page);
    const job = page.getByTestId('export-job');
    expect(await job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(((await page.getByTestId('export-job-step').textContent()) ?? '').trim()).toBe('Đã xong');
    const done = await fromApi<ExportView>(
      page,
      `/v1/cycles/${CYCLE}/entities/${ENTITY}/exports/${first.job.jobId}`,
    );
    expect(done.job.state).toBe('done');
    const meta = (await page.getByTestId('export-job-meta').textContent()) ?? '';
    expect(meta).toMatch(/Số liệu đọc lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(meta).toContain(`Công thức ${done.job.formulaVersion}`);
    expect(await page.getByTestId('export-job-reused').count()).toBe(first.reused ? 1 : 0);
    await expectClean(page, 'export done 1366');
    await shot(page, 'export-done');
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    await expectClean(page, 'export drawer 390');
    await shot(page, 'export-done-phone', { fullPage: false });
    await page.setViewportSize(DESKTOP);
  });

  test('the download is a real .xlsx with the criteria and the readiness API’s projected points', async () => {
    const button = page.getByTestId('export-job-download');
    const label = (await button.textContent()) ?? '';
    expect(label).toMatch(/^Tải về .+\.xlsx \(\d+(,\d)? (B|KB|MB)\)$/);
    // The click asks for a fresh view (a new presigned URL) before downloading.
    const [download, fresh] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse(
        (r) => r.request().method() === 'GET' && r.url().endsWith(`/exports/${first.job.jobId}`),
      ),
      button.click(),
    ]);
    expect(fresh.status()).toBe(200);
    const bytes = await readFile((await download.path())!);
    await writeFile(join(ARTIFACTS, 'dossier-export', download.suggestedFilename()), bytes);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const done = (await fresh.json()) as ExportView;
    expect(bytes.length).toBe(done.downloads[0]!.sizeBytes);

    const sheet = await readScoreSheet(bytes);
    const r = await fromApi<Readiness>(page, `/v1/cycles/${CYCLE}/entities/${ENTITY}/readiness`);
    const missing = r.criteria.map((c) => c.code).filter((code) => !sheet.projected.has(code));
    expect(missing, `criteria missing from sheet ${sheet.sheet}`).toEqual([]);
    for (const c of r.criteria) expect(sheet.projected.get(c.code), c.code).toBeCloseTo(c.projectedPoints, 2);
    expect(sheet.total, 'the sheet has a "Tổng điểm" row').toBeDefined();
    expect(sheet.total!.projected).toBeCloseTo(r.projectedPoints + r.surveyPoints, 1);
    expect(sheet.total!.max).toBeCloseTo(r.maxPoints + r.surveyMaxPoints, 1);
  });

  test('exporting again with unchanged data says so exactly when the API reuses the file', async () => {
    const again = await exportAndWait(page);
    expect(await page.getByTestId('export-job-reused').count()).toBe(again.reused ? 1 : 0);
    // A reused job's POST carries no links: the page asks for them and offers the download again.
    await page.getByTestId('export-job-download').waitFor();
    if (again.reused) {
      expect(again.job.jobId).toBe(first.job.jobId);
      expect(await page.getByTestId('export-job-reused').textContent()).toContain(
        'Dữ liệu không đổi từ lần xuất trước: dùng lại tệp đã lập',
      );
    }
    await shot(page, 'export-reused');
  });

  test('a failed job shows the API’s message with "Thử lại", which requests it again', async () => {
    // The job's GET answers "failed" (the real answer, altered on its way to the page).
    const failing = /\/entities\/[^/]+\/exports\/[0-9A-Z]+$/;
    const message = { vi: 'Không đọc được số liệu (kiểm thử).', en: 'Could not read the data (test).' };
    await page.route(failing, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const res = await route.fetch();
      const body = (await res.json()) as ExportView;
      body.job = {
        ...body.job,
        state: 'failed',
        progress: { percent: 40, step: { vi: 'Không lập được hồ sơ', en: 'The export failed' } },
        error: message,
      };
      body.downloads = [];
      return route.fulfill({ response: res, json: body });
    });
    await page.getByTestId('export-submit').click();
    const job = page.getByTestId('export-job');
    await until('the job failed', async () => (await job.getAttribute('data-state')) === 'failed');
    const alert = job.getByRole('alert');
    expect(await alert.textContent()).toContain('Không lập được hồ sơ');
    expect(await alert.textContent()).toContain(message.vi);
    await expectClean(page, 'failed export 1366');
    await shot(page, 'export-failed');
    await page.unroute(failing);
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await until('done after retry', async () => (await job.getAttribute('data-state')) === 'done');
    await page.getByTestId('export-job-download').waitFor();
  });

  test('a unit’s part: the request carries the unit and the print link follows it', async () => {
    const drawer = page.getByRole('dialog', { name: 'Xuất hồ sơ tự đánh giá' });
    await drawer.getByLabel('Phần của phòng Văn phòng Sở').check();
    // The options changed: the previous file no longer answers them.
    expect(await page.getByTestId('export-job').count()).toBe(0);
    expect(await page.getByTestId('export-print-link').getAttribute('href')).toBe(
      `/cycles/${CYCLE}/entities/${ENTITY}/score-table?unit=${LEADER_UNIT}`,
    );
    const [request] = await Promise.all([
      page.waitForRequest((q) => q.method() === 'POST' && q.url().endsWith(`/entities/${ENTITY}/exports`)),
      exportAndWait(page),
    ]);
    expect(request.postDataJSON()).toEqual({ parts: ['score-table'], unitId: LEADER_UNIT });
    await shot(page, 'export-unit-part');
    await drawer.getByLabel('Cả đơn vị').check();
  });

  test('"Xem bản in" shows the API’s score table, clean at 1366 and 390 px, with its print rules', async () => {
    await page.getByTestId('export-print-link').click();
    await page.waitForURL(`**/cycles/${CYCLE}/entities/${ENTITY}/score-table`);
    await page.getByRole('heading', { name: 'Bảng điểm tự đánh giá', level: 1 }).waitFor();
    const table = await fromApi<ScoreTable>(page, `/v1/cycles/${CYCLE}/entities/${ENTITY}/score-table`);
    const rows = page.getByTestId('score-table').locator('tbody tr');
    await until('one row per score-table row', async () => (await rows.count()) === table.rows.length);
    const shownCodes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
    expect(shownCodes).toEqual(table.rows.map((x) => x.code));
    // Group rows are bold, criteria are not.
    const group = table.rows.findIndex((x) => !x.leaf);
    const leaf = table.rows.findIndex((x) => x.leaf);
    const weight = (i: number) =>
      rows
        .nth(i)
        .locator('td')
        .nth(1)
        .evaluate((td) => Number((globalThis as any).getComputedStyle(td).fontWeight));
    expect(await weight(group)).toBeGreaterThanOrEqual(700);
    expect(await weight(leaf)).toBeLessThan(700);
    const thead = ((await page.getByTestId('score-table').locator('thead').textContent()) ?? '').trim();
    for (const col of [
      'STT',
      'Nội dung',
      'Điểm tối đa',
      'Điểm tự chấm',
      'Điểm dự kiến',
      'Tài liệu kiểm chứng',
    ])
      expect(thead).toContain(col);
    expect(thead.includes('Điểm thẩm định')).toBe(table.anyAppraised);
    expect(await page.getByTestId('score-table-total-points').textContent()).toContain(
      formatNumber(table.totals.projectedPoints, 'vi'),
    );
    await expectClean(page, 'print view 1366');
    await shot(page, 'print-view');

    // Print: no app header, Times New Roman, the header row repeated on every page, no row split.
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => {
      const g = globalThis as any;
      const css = (sel: string) => g.getComputedStyle(g.document.querySelector(sel));
      return {
        header: css('.mc-header').display,
        toolbar: css('.mc-print-toolbar').display,
        font: css('.mc-score-table td').fontFamily,
        thead: css('.mc-score-table thead').display,
        row: css('.mc-score-table tbody tr').breakInside,
      };
    });
    expect(print).toEqual({
      header: 'none',
      toolbar: 'none',
      font: expect.stringContaining('Times New Roman'),
      thead: 'table-header-group',
      row: 'avoid',
    });
    await shot(page, 'print-media');
    await page.emulateMedia({ media: 'screen' });

    // English: the same table relabelled, numbers with '.'.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Self-assessment score table', level: 1 }).waitFor();
    const theadEn = (await page.getByTestId('score-table').locator('thead').textContent()) ?? '';
    expect(theadEn).toContain('Projected points');
    expect(theadEn).toContain('Evidence documents');
    expect(await page.getByTestId('score-table-total-points').textContent()).toContain(
      formatNumber(table.totals.projectedPoints, 'en'),
    );
    await shot(page, 'print-view-english', { fullPage: false });
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { name: 'Bảng điểm tự đánh giá', level: 1 }).waitFor();

    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    await expectClean(page, 'print view 390');
    await shot(page, 'print-view-phone');
    await page.setViewportSize(DESKTOP);
    expect(leader.problems).toEqual([]);
  });

  test('the admin also exports the council table of every entity from the same drawer', async () => {
    const admin = await openBrowser(DESKTOP);
    sessions.push(admin);
    const p = admin.page;
    await signIn(p, web, 'admin@minhchung.local');
    await p.goto(`${web}/dashboard?cycle=${CYCLE}&entity=${ENTITY}`);
    await p.getByTestId('dashboard-readiness-value').waitFor();
    await p.getByRole('button', { name: 'Xuất hồ sơ' }).click();
    const council = p.getByTestId('export-council');
    await council.waitFor();
    // Admins and reviewers export the whole entity: no unit choice.
    expect(await p.getByTestId('export-entity').getByRole('radio').count()).toBe(0);
    const [response] = await Promise.all([
      p.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith(`/cycles/${CYCLE}/exports`),
      ),
      council.getByRole('button', { name: 'Bảng tổng hợp các đơn vị (.xlsx)' }).click(),
    ]);
    expect(response.status()).toBe(202);
    const job = p.getByTestId('export-council-job');
    await until(
      'the council job finished',
      async () => ['done', 'failed'].includes((await job.getAttribute('data-state')) ?? ''),
      90_000,
    );
    expect(await job.getAttribute('data-state'), (await job.textContent()) ?? '').toBe('done');
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByTestId('export-council-job-download').click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await expectClean(p, 'admin export drawer 1366');
    await shot(p, 'admin-council');
    expect(admin.problems).toEqual([]);
  });

  test('a member sees no export button, and the API refuses them', async () => {
    const member = await openBrowser(DESKTOP);
    sessions.push(member);
    const p = member.page;
    await signIn(p, web, 'chuyenvien@minhchung.local');
    await p.getByTestId('cycle-card').waitFor();
    await p.getByTestId('entity-name').waitFor();
    expect(await p.getByRole('button', { name: 'Xuất hồ sơ' }).count()).toBe(0);
    await p.goto(`${web}/dashboard`);
    await p.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
    await p.getByTestId('dashboard-pickers').waitFor();
    expect(await p.getByRole('button', { name: 'Xuất hồ sơ' }).count()).toBe(0);
    const res = await fetch(`${api}/v1/cycles/${CYCLE}/entities/${ENTITY}/exports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(p)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ parts: ['score-table'] }),
    });
    expect(res.status).toBe(403);
    await shot(p, 'member-no-export');
  });
});
