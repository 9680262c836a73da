/**
 * Journey 3 — an admin imports a framework from .xlsx. The admin downloads the blank template from the app,
 * fills it with exceljs the way a person fills it in Excel (metadata block, then one row per node), uploads a
 * copy with a deliberate error and sees it in the problem table with its sheet row, column and node code
 * (nothing written), drops the corrected file, sees the preview tree and totals, searches the tree without
 * diacritics, commits (a draft), publishes behind a confirmation, exports it, and opens a cycle with it
 * (an old year and the second entity, so other journeys' "newest open cycle" stays the 2023 demo), then meets
 * a 409 from a stale edit form. The framework id is unique to this run. Screenshots:
 * test/artifacts/e2e/admin-framework/.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DESKTOP, openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { expectClean, signIn, until } from './journey.ts';

const { web } = inject('e2e');
const ADMIN = 'admin@minhchung.local';
const FRAMEWORK = `e2e-nhap-${Date.now().toString(36)}`;
const CYCLE_NAME = `Kỳ thử nghiệm nhập bộ chỉ số ${FRAMEWORK}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let s: Session;
let page: Page;
const shot = screenshots('admin-framework');
let template: Buffer;

/** Checks the page at 1366 px, then at 390 px (screenshot of each), and returns to the desktop size. */
async function checkBothSizes(step: string) {
  await expectClean(page, `${step} 1366`);
  await shot(page, step);
  // The layout follows the breakpoints after React re-renders, which a loaded machine can take well over a
  // fixed pause to do: check once the phone header (its menu button) and the desktop header are really there.
  await page.setViewportSize(PHONE);
  await page.getByRole('button', { name: 'Mở menu' }).waitFor();
  await page.waitForTimeout(300);
  await expectClean(page, `${step} 390`);
  await shot(page, `${step}-390`);
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('current-user').waitFor();
  await page.waitForTimeout(200);
}

interface NodeRow {
  code: string;
  vi: string;
  en: string;
  max: number | string;
  method: string;
  guide?: string;
  slots?: string;
}

const NODES: NodeRow[] = [
  { code: '1', vi: 'Công tác chỉ đạo, điều hành CCHC', en: 'Direction of PAR', max: 6, method: 'evidence' },
  {
    code: '1.1',
    vi: 'Ban hành kế hoạch CCHC năm',
    en: 'Annual PAR plan issued',
    max: 3,
    method: 'evidence',
    guide: '3 | Ban hành đúng hạn | Issued on time\n0 | Không ban hành | Not issued',
    slots: 'ke-hoach | 1 | year | entity | Kế hoạch CCHC năm | Annual PAR plan',
  },
  {
    code: '1.2',
    vi: 'Báo cáo CCHC định kỳ',
    en: 'Periodic PAR reports',
    max: 3,
    method: 'evidence',
    slots: 'bao-cao | 4 | quarter | entity | Báo cáo CCHC quý | Quarterly PAR report',
  },
  { code: '2', vi: 'Điều tra xã hội học', en: 'Survey', max: 4, method: 'survey' },
  { code: '2.1', vi: 'Mức độ hài lòng của người dân', en: 'Citizen satisfaction', max: 4, method: 'survey' },
];

/** Fills the downloaded template: metadata by its labels in column A, nodes under the header row. */
async function fillTemplate(
  nodes: NodeRow[],
  extraMeta: Record<string, string | number> = {},
): Promise<{ bytes: Buffer; firstNodeRow: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rowOf = new Map<string, number>();
  let header = 0;
  ws.eachRow((row, n) => {
    const label = String(row.getCell(1).value ?? '').trim();
    if (label === 'Mã tiêu chí') header = n;
    else if (!header && label) rowOf.set(label, n);
  });
  expect(header, 'the template has a node header row').toBeGreaterThan(0);
  const meta: Record<string, string | number> = {
    'Mã bộ tiêu chí': FRAMEWORK,
    'Tên bộ tiêu chí': 'Bộ chỉ số thử nghiệm nhập từ Excel',
    'Tên bộ tiêu chí (tiếng Anh)': 'Framework imported from Excel (test)',
    'Chỉ số': 'par',
    'Áp dụng từ năm': 2019,
    'Nguồn gốc số liệu': 'sample',
    'Cách tổng hợp': 'sum',
    'Tổng điểm': 10,
    'Xếp loại': 'Tốt | 80\nKhá | 65',
    ...extraMeta,
  };
  for (const [label, value] of Object.entries(meta)) {
    const r = rowOf.get(label);
    expect(r, `template row "${label}"`).toBeDefined();
    ws.getRow(r!).getCell(2).value = value;
  }
  const col = new Map<string, number>();
  ws.getRow(header).eachCell((c, n) => {
    col.set(String(c.value), n);
  });
  nodes.forEach((n, i) => {
    const row = ws.getRow(header + 1 + i);
    const set = (h: string, v: string | number | undefined) => {
      if (v !== undefined) row.getCell(col.get(h)!).value = v;
    };
    set('Mã tiêu chí', n.code);
    set('Tên tiêu chí', n.vi);
    set('Tên tiêu chí (tiếng Anh)', n.en);
    set('Điểm tối đa', n.max);
    set('Phương pháp', n.method);
    set('Hướng dẫn chấm điểm', n.guide);
    set('Tài liệu kiểm chứng', n.slots);
  });
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), firstNodeRow: header + 1 };
}

beforeAll(async () => {
  s = await openBrowser(DESKTOP);
  page = s.page;
  await signIn(page, web, ADMIN);
});

afterAll(async () => {
  await s?.close();
});

describe('admin imports a framework from .xlsx, publishes it and opens a cycle with it', () => {
  test('the frameworks page lists the demo frameworks and gives the blank template', async () => {
    await page.goto(`${web}/admin/frameworks`);
    await page.getByRole('heading', { name: 'Bộ chỉ số', level: 1 }).waitFor();
    await page.locator('[data-testid="framework-card"][data-framework="par-so-mau"]').waitFor();
    await page.getByTestId('versions-par-so-mau').getByText('Đã ban hành').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải mẫu Excel trống' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mau-bo-tieu-chi.xlsx');
    template = await readFile((await download.path())!);
    expect(template.subarray(0, 2).toString()).toBe('PK');
    await checkBothSizes('frameworks-list');
  });

  test('a workbook with an error: the row, column and code are listed, nothing is written', async () => {
    const broken = NODES.map((n) => (n.code === '1.2' ? { ...n, max: 'ba' } : n));
    const { bytes, firstNodeRow } = await fillTemplate(broken);
    const badRow = firstNodeRow + 2;
    await page
      .getByTestId('import-file-input')
      .setInputFiles({ name: 'bộ chỉ số lỗi.xlsx', mimeType: XLSX, buffer: bytes });
    const preview = page.getByTestId('preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-ok')).toBe('false');
    const problems = page.getByTestId('problems');
    await problems.waitFor();
    const row = problems.getByTestId('problem').filter({ hasText: `Dòng ${badRow}` });
    await row.first().waitFor();
    expect(await row.first().getByTestId('problem-row-number').textContent()).toBe(String(badRow));
    expect(await row.first().textContent()).toContain('Điểm tối đa');
    expect(await row.first().textContent()).toContain('1.2');
    expect(await page.getByTestId('commit').isDisabled()).toBe(true);
    await checkBothSizes('import-row-error');
    // Nothing was written: the framework is not in the list.
    expect(await page.locator(`[data-framework="${FRAMEWORK}"]`).count()).toBe(0);
  });

  test('the corrected workbook, dropped on the page: preview tree and totals, then commit', async () => {
    const { bytes } = await fillTemplate(NODES);
    const dataTransfer = await page.evaluateHandle(
      ({ b64, name, type }) => {
        const bin = atob(b64);
        const arr = Uint8Array.from(bin, (c) => c.charCodeAt(0));
        // The project's type-check has no DOM library: DataTransfer is the page's.
        const { DataTransfer } = globalThis as unknown as {
          DataTransfer: new () => { items: { add(f: File): void } };
        };
        const dt = new DataTransfer();
        dt.items.add(new File([arr], name, { type }));
        return dt;
      },
      { b64: bytes.toString('base64'), name: 'bộ chỉ số đã sửa.xlsx', type: XLSX },
    );
    await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
    const preview = page.getByTestId('preview');
    await until('valid preview', async () => (await preview.getAttribute('data-ok')) === 'true');
    expect(await page.getByTestId('problems').count()).toBe(0);
    const totals = page.getByTestId('totals');
    expect(await totals.locator('[data-total="totalPoints"] strong').textContent()).toBe('10');
    expect(await totals.locator('[data-total="nodes"] strong').textContent()).toBe('5');
    expect(await totals.locator('[data-total="surveyPoints"] strong').textContent()).toBe('4');
    const tree = page.getByTestId('preview-tree');
    await tree.locator('[data-testid="tree-node"][data-code="1.2"]').waitFor();
    expect(await tree.getByTestId('tree-node').count()).toBe(5);
    // Diacritic-insensitive search keeps the match and its parent.
    await tree.getByLabel('Tìm tiêu chí').fill('bao cao');
    await until('search narrows the tree', async () => (await tree.getByTestId('tree-node').count()) === 2);
    expect(await tree.locator('[data-code="1.2"]').count()).toBe(1);
    await checkBothSizes('import-preview');
    await tree.getByLabel('Tìm tiêu chí').fill('');

    await page.getByTestId('commit').click();
    await page.getByTestId('import-committed').waitFor();
    expect(await page.getByTestId('import-committed').textContent()).toContain(`${FRAMEWORK} phiên bản 1`);
    const card = page.locator(`[data-testid="framework-card"][data-framework="${FRAMEWORK}"]`);
    await card.getByText('Bản nháp').waitFor();
    await shot(page, 'import-committed');
  });

  test('publish behind a confirmation; the version becomes immutable; export it', async () => {
    await page.getByTestId('import-committed').getByRole('button', { name: 'Ban hành' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('không sửa và không ghi đè được nữa', { exact: false }).waitFor();
    await shot(page, 'publish-confirm');
    await dialog.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByText(`Đã ban hành ${FRAMEWORK} phiên bản 1.`).waitFor();
    const card = page.locator(`[data-testid="framework-card"][data-framework="${FRAMEWORK}"]`);
    await card.locator('[data-testid="version-status"][data-status="published"]').waitFor();
    expect(await card.getByRole('button', { name: /^Ban hành/ }).count()).toBe(0);
    // Node count and declared total of the version.
    await until('version total shown', async () =>
      (await card.locator('td').allTextContents()).includes('10'),
    );
    expect(await card.locator('td').allTextContents()).toContain('5');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: `Tải Excel: ${FRAMEWORK} phiên bản 1` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${FRAMEWORK}-v1.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((r) => {
      cells.push(String(r.getCell(1).value ?? ''));
    });
    expect(cells).toContain('1.2');

    await card.getByRole('link', { name: `Xem cây tiêu chí của ${FRAMEWORK} phiên bản 1` }).click();
    const view = page.getByTestId('version-view');
    await view.waitFor();
    await view.getByText('không sửa được nữa', { exact: false }).waitFor();
    await view.locator('[data-testid="tree-node"][data-code="1.1"]').waitFor();
    await view.locator('[data-code="1.1"] summary').click();
    await view.getByText('Ban hành đúng hạn').waitFor();
    await checkBothSizes('version-view');

    // The same page in English, then back (the rest of the journey reads Vietnamese labels).
    await page.getByText('EN', { exact: true }).first().click();
    await view.getByRole('heading', { name: 'Criteria tree' }).waitFor();
    await view.getByText('Published version: it cannot be changed', { exact: false }).waitFor();
    expect(await view.getByLabel('Find a criterion').count()).toBe(1);
    await expectClean(page, 'version view (en) 1366');
    await shot(page, 'version-view-en');
    await page.getByText('VI', { exact: true }).first().click();
    await view.getByRole('heading', { name: 'Cây tiêu chí' }).waitFor();
  });

  test('a version 2 with a code mapping: the preview shows the mapping (not committed)', async () => {
    await page.goto(`${web}/admin/frameworks`);
    const v2 = NODES.map((n) => (n.code === '2.1' ? { ...n, code: '2.2' } : n));
    const { bytes } = await fillTemplate(v2, {
      'Ánh xạ từ phiên bản': 1,
      'Ánh xạ mã': 'renamed | 2.1 | 2.2',
    });
    await page
      .getByTestId('import-file-input')
      .setInputFiles({ name: 'phiên bản 2.xlsx', mimeType: XLSX, buffer: bytes });
    const preview = page.getByTestId('preview');
    await until('valid preview', async () => (await preview.getAttribute('data-ok')) === 'true');
    expect(await preview.textContent()).toContain('Tạo phiên bản mới');
    expect(await preview.textContent()).toContain('phiên bản 2');
    const mapping = preview.getByTestId('mapping');
    await mapping.getByText('Ánh xạ mã từ phiên bản 1').waitFor();
    const row = mapping.locator('tr', { hasText: 'Đổi mã' });
    expect(await row.textContent()).toContain('2.1');
    expect(await row.textContent()).toContain('2.2');
    await checkBothSizes('import-v2-mapping');
  });

  test('open a cycle with the published version (field check, then create), and a stale edit gets a 409', async () => {
    await page.goto(`${web}/admin/cycles`);
    await page.getByRole('heading', { name: 'Kỳ đánh giá', level: 1 }).waitFor();
    await page.getByTestId('cycle-list').getByText('2023').first().waitFor();
    await checkBothSizes('cycles-list');
    await page.getByRole('button', { name: 'Mở kỳ đánh giá mới' }).click();
    const form = page.getByTestId('cycle-form');
    await form.waitFor();
    await form.getByLabel('Tên kỳ đánh giá (tiếng Việt)').fill(CYCLE_NAME);
    await form.getByLabel('Tên kỳ đánh giá (tiếng Anh)').fill(`Import test cycle ${FRAMEWORK}`);
    await form.getByLabel('Năm').fill('2019');
    await form.getByLabel('Bộ chỉ số chấm điểm').click();
    await form.getByLabel('Bộ chỉ số chấm điểm').fill(FRAMEWORK);
    await page.locator('.ant-select-item-option', { hasText: FRAMEWORK }).first().click();
    await form.getByText('phiên bản 1', { exact: true }).first().waitFor();
    await form.getByLabel('Đơn vị được đánh giá').click();
    await form.getByLabel('Đơn vị được đánh giá').fill('so-tttt-ninh-thuan');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const dates: Record<string, string> = {
      'Hạn nộp minh chứng': '30/11/2019',
      'Hạn tự đánh giá': '15/12/2019',
      'Bắt đầu thẩm định': '06/01/2020',
      'Kết thúc thẩm định': '31/02/2020',
      'Ngày công bố': '31/03/2020',
    };
    for (const [label, value] of Object.entries(dates)) await form.getByLabel(label).fill(value);
    await form.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    await form.getByText('Ngày chưa đúng (dd/mm/yyyy).').waitFor();
    await checkBothSizes('cycle-form-error');
    await form.getByLabel('Kết thúc thẩm định').fill('28/02/2020');
    await form.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    await page.getByText(`Đã mở kỳ đánh giá "${CYCLE_NAME}".`).waitFor();
    const row = page.getByTestId('cycle-list').locator('tr', { hasText: CYCLE_NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain('15/12/2019');
    expect(await row.textContent()).toContain(`${FRAMEWORK} phiên bản 1`);
    await shot(page, 'cycle-created');

    // Two editors: this tab opens the form, another saves first, this tab's save meets a 409.
    await row.getByRole('button', { name: `Sửa ${CYCLE_NAME}` }).click();
    const edit = page.getByTestId('cycle-form');
    await edit.getByTestId('cycle-framework-fixed').waitFor();
    const other = await s.context.newPage();
    await signIn(other, web, ADMIN);
    await other.goto(`${web}/admin/cycles`);
    const otherRow = other.getByTestId('cycle-list').locator('tr', { hasText: CYCLE_NAME });
    await otherRow.getByRole('button', { name: `Sửa ${CYCLE_NAME}` }).click();
    await other.getByTestId('cycle-form').getByLabel('Ngày công bố').fill('15/04/2020');
    await other.getByTestId('cycle-form').getByRole('button', { name: 'Lưu thay đổi' }).click();
    await other.getByText(`Đã lưu "${CYCLE_NAME}".`).waitFor();
    await other.close();

    await edit.getByLabel('Hạn tự đánh giá').fill('20/12/2019');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await edit.getByTestId('cycle-conflict').waitFor();
    // The form now shows the other editor's save; saving again goes through.
    await until(
      'current value reloaded',
      async () => (await edit.getByLabel('Ngày công bố').inputValue()) === '15/04/2020',
    );
    await checkBothSizes('cycle-conflict');
    await edit.getByLabel('Hạn tự đánh giá').fill('20/12/2019');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText(`Đã lưu "${CYCLE_NAME}".`).waitFor();
    await until('list shows the new date', async () =>
      (
        (await page.getByTestId('cycle-list').locator('tr', { hasText: CYCLE_NAME }).textContent()) ?? ''
      ).includes('20/12/2019'),
    );
    await shot(page, 'cycle-saved');
  });

  test('no console errors along the way (the one 409 is the stale save above, logged by the browser)', () => {
    expect(s.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    expect(s.problems.filter((p) => /status of 409/.test(p))).toHaveLength(1);
  });
});
