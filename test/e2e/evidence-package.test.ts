/**
 * Journey — "Bộ hồ sơ tài liệu kiểm chứng (.zip)". A member of Văn phòng Sở sends one plan to criterion 2.2
 * (straight on the API: the browser upload is journey 1's; no other journey touches 2.2). The entity's leader
 * opens "Xuất hồ sơ", ticks the evidence package — which ticks and locks the score table and the report, with
 * a hint — exports, follows the job to done (its percent never goes back) and finds three downloads: the
 * .xlsx, the .docx and the .zip with its size. The .zip starts with "PK", `unzip -t` finds no error, and it
 * holds manifest.csv, manifest.json, index.html, the .xlsx and the .docx at its root and the member's PDF —
 * byte for byte — as `2 <area>/2.2 <criterion>/77-KH-SKHCN Kế hoạch kiểm tra đóng gói.pdf`, listed in the
 * manifests and linked from index.html. 1366×768 and 390×844 clean.
 * Screenshots and the .zip: test/artifacts/e2e/evidence-package/.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Output } from '#web/api/types.ts';
import { ARTIFACTS, DESKTOP, openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { callApi, expectClean, signIn, tokenFor, until } from './journey.ts';
import { makePdf } from './pdf.ts';

const { web, api } = inject('e2e');
const MEMBER_VP = 'chuyenvien.vp@minhchung.local';
const CYCLE = 'cycle-2023';
const ENTITY = 'so-khcn-ninh-thuan';
const CODE = '2.2';
const AREA = '2';
const BASE = `/v1/cycles/${CYCLE}/entities/${ENTITY}`;
const NUMBER = '77/KH-SKHCN';
const TITLE = 'Kế hoạch kiểm tra đóng gói';
/** The name inside the package: the number and the title, '/' made '-', the upload's extension. */
const IN_PACKAGE = '77-KH-SKHCN Kế hoạch kiểm tra đóng gói.pdf';
const PDF = makePdf('Ke hoach kiem tra dong goi', 1024);
const shot = screenshots('evidence-package');
const sessions: Session[] = [];

type Upload = Output<'requestUpload'>;
type ExportView = Output<'requestEntityExport'>;
type EvidenceList = { items: { evidenceId: string; documentNumber?: string; state: string }[] };

const isExportPost = (r: Response) =>
  r.request().method() === 'POST' && r.url().endsWith(`/entities/${ENTITY}/exports`);

beforeAll(async () => {
  const token = await tokenFor(web, MEMBER_VP);
  const ticket = await callApi<Upload>(api, token, 'POST', `${BASE}/criteria/${CODE}/uploads`, {
    fileName: 'ke-hoach-kiem-tra.pdf',
    contentType: 'application/pdf',
    sizeBytes: PDF.length,
    title: TITLE,
    documentNumber: NUMBER,
    documentType: 'bao-cao',
    issueDate: '2023-06-12',
  });
  if (ticket.upload.mode !== 'single') throw new Error('a small file is one PUT');
  const put = await fetch(ticket.upload.url, {
    method: 'PUT',
    headers: ticket.upload.headers,
    body: new Uint8Array(PDF),
  });
  expect(put.status).toBe(200);
  // Finalize checks the bytes: wait until the plan counts.
  await until(
    'the plan checked and counted',
    async () => {
      const list = await callApi<EvidenceList>(
        api,
        token,
        'GET',
        `${BASE}/criteria/${CODE}/evidence?limit=100`,
      );
      return list.items.some(
        (e) => e.documentNumber === NUMBER && (e.state === 'available' || e.state === 'accepted'),
      );
    },
    30_000,
  );
});

afterAll(async () => {
  for (const s of sessions) await s.close();
});

describe('the evidence package', () => {
  let page: Page;
  let job: ExportView;

  test('ticking the package ticks and locks the score table and the report, with a hint', async () => {
    const leader = await openBrowser(DESKTOP);
    sessions.push(leader);
    page = leader.page;
    await signIn(page, web, 'lanhdao@minhchung.local');
    await page.getByTestId('cycle-card').getByRole('button', { name: 'Xuất hồ sơ' }).click();
    const drawer = page.getByRole('dialog', { name: 'Xuất hồ sơ tự đánh giá' });
    await drawer.waitFor();
    const pkg = drawer.getByRole('checkbox', {
      name: 'Bộ hồ sơ tài liệu kiểm chứng (.zip, kèm bảng điểm và báo cáo)',
    });
    const table = drawer.getByRole('checkbox', { name: 'Bảng điểm tự đánh giá (.xlsx)' });
    const report = drawer.getByRole('checkbox', { name: 'Báo cáo tự đánh giá (.docx)' });
    expect(await pkg.isChecked()).toBe(false);

    // Only the report ticked, then the package: all three ticked, the two it holds locked.
    await table.uncheck();
    await pkg.check();
    expect(await table.isChecked()).toBe(true);
    expect(await report.isChecked()).toBe(true);
    expect(await table.isDisabled()).toBe(true);
    expect(await report.isDisabled()).toBe(true);
    const hint = page.getByTestId('export-package-hint');
    expect(await hint.textContent()).toContain('Bộ hồ sơ đã gồm bảng điểm và báo cáo');
    expect(await table.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));
    await expectClean(page, 'package ticked 1366');
    await shot(page, 'package-ticked', { fullPage: false });

    // Unticking the package gives back the choice made before it.
    await pkg.uncheck();
    expect(await table.isChecked()).toBe(false);
    expect(await report.isChecked()).toBe(true);
    expect(await table.isDisabled()).toBe(false);
    expect(await hint.count()).toBe(0);
    await pkg.check();
  });

  test('the export follows the package to done and offers the .xlsx, the .docx and the .zip', async () => {
    const percents: number[] = [];
    const onResponse = async (r: Response) => {
      if (r.request().method() !== 'GET' || !/\/exports\/[0-9A-Za-z]+$/.test(r.url()) || !r.ok()) return;
      const body = (await r.json().catch(() => undefined)) as ExportView | undefined;
      if (body) percents.push(body.job.progress.percent);
    };
    page.on('response', onResponse);
    const [request, response] = await Promise.all([
      page.waitForRequest((q) => q.method() === 'POST' && q.url().endsWith(`/entities/${ENTITY}/exports`)),
      page.waitForResponse(isExportPost),
      page.getByTestId('export-submit').click(),
    ]);
    expect(request.postDataJSON()).toEqual({ parts: ['score-table', 'report', 'package'] });
    job = (await response.json()) as ExportView;
    expect(response.status(), JSON.stringify(job)).toBe(202);
    percents.unshift(job.job.progress.percent);

    const panel = page.getByTestId('export-job');
    await panel.waitFor();
    await until(
      'the package job finished',
      async () => ['done', 'failed'].includes((await panel.getAttribute('data-state')) ?? ''),
      120_000,
    );
    page.off('response', onResponse);
    expect(await panel.getAttribute('data-state'), `job ${job.job.jobId}: ${await panel.textContent()}`).toBe(
      'done',
    );
    expect(
      percents.every((p, i) => i === 0 || p >= percents[i - 1]!),
      percents.join(' → '),
    ).toBe(true);
    expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

    const buttons = page.getByTestId('export-job-download');
    await until('one download per file', async () => (await buttons.count()) === 3);
    const labels = await buttons.allTextContents();
    expect(labels.filter((l) => /\.xlsx \(/.test(l))).toHaveLength(1);
    expect(labels.filter((l) => /\.docx \(/.test(l))).toHaveLength(1);
    const zipLabel = labels.find((l) => /\.zip \(/.test(l));
    expect(zipLabel).toMatch(/^Tải về .+\.zip \(\d+(,\d)? (B|KB|MB|GB)\)$/);
    await expectClean(page, 'package done 1366');
    await shot(page, 'package-done', { fullPage: false });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    await expectClean(page, 'package done 390');
    await shot(page, 'package-done-phone', { fullPage: false });
    await page.setViewportSize(DESKTOP);
  }, 180_000);

  test('the .zip holds the manifests, index.html, the score table, the report and the member’s PDF', async () => {
    const zipButton = page.getByTestId('export-job-download').filter({ hasText: '.zip' });
    const [download, fresh] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse(
        (r) => r.request().method() === 'GET' && r.url().endsWith(`/exports/${job.job.jobId}`),
      ),
      zipButton.click(),
    ]);
    const bytes = await readFile((await download.path())!);
    const saved = join(ARTIFACTS, 'evidence-package', download.suggestedFilename());
    await writeFile(saved, bytes);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const done = (await fresh.json()) as ExportView;
    expect(bytes.length).toBe(done.downloads.find((d) => d.part === 'package')!.sizeBytes);

    // Info-ZIP reads it back without an error.
    const tested = execFileSync('unzip', ['-t', saved], { encoding: 'utf8' });
    expect(tested).toContain('No errors detected');

    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).map((n) => n.normalize('NFC'));
    const root = names.filter((n) => !n.includes('/'));
    for (const name of ['manifest.csv', 'manifest.json', 'index.html']) expect(root).toContain(name);
    expect(root.filter((n) => n.endsWith('.xlsx'))).toHaveLength(1);
    expect(root.filter((n) => n.endsWith('.docx'))).toHaveLength(1);

    const path = names.find((n) => n.endsWith(`/${IN_PACKAGE}`));
    expect(path, `no …/${IN_PACKAGE} in ${names.join(', ')}`).toBeDefined();
    const [area, criterion] = path!.split('/');
    expect(area).toMatch(new RegExp(`^${AREA} `));
    expect(criterion).toMatch(new RegExp(`^${CODE.replace('.', '\\.')} `));
    const entry = Object.values(zip.files).find((f) => f.name.normalize('NFC') === path)!;
    expect(Buffer.from(await entry.async('uint8array')).equals(PDF)).toBe(true);

    // The manifests name it with its size and SHA-256; index.html links it.
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      files: { path: string; bytes: number; sha256: string | null; criteria: string[] }[];
    };
    const listed = manifest.files.find((f) => f.path.normalize('NFC') === path);
    expect(listed, 'manifest.json lists the PDF').toBeDefined();
    expect(listed!.bytes).toBe(PDF.length);
    expect(listed!.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(listed!.criteria).toContain(CODE);
    const csv = (await zip.file('manifest.csv')!.async('string')).normalize('NFC');
    expect(csv).toContain(path);
    const index = await zip.file('index.html')!.async('string');
    expect(index).toContain(path!.split('/').map(encodeURIComponent).join('/'));
    expect(sessions[0]!.problems).toEqual([]);
  });
});
