/**
 * Journey — "Soạn nội dung báo cáo". The entity's leader opens the report texts editor from "Xuất hồ sơ" on
 * "Việc của tôi": last year's texts fill only the blank fields (the API's `previous`, supplied on the way to the
 * page), a list of 21 recipients is refused on its field (the closed header opens), the four texts are typed
 * with Vietnamese diacritics, & < > and a line break and saved with the version read ("Đã lưu lúc …"). The admin
 * then saves over them on the API: the leader's stale save gets the 409, sees the admin's texts, brings back
 * their own and saves again. Closing with unsaved changes asks first. The export with the report part downloads
 * a .docx (a zip) whose word/document.xml holds each text verbatim and the national name. A reviewer reads the
 * texts without a way to change them; a member is refused by the API. 1366×768 and 390×844 clean, English.
 * Screenshots (the viewport: the drawers are the subject) and the .docx: test/artifacts/e2e/report-texts/.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page, Request, Response } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { docxParagraphs } from '#test/docx-text.ts';
import type { Output } from '#web/api/types.ts';
import { formatNumber } from '#web/i18n/format.ts';
import { ARTIFACTS, DESKTOP, openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { callApi, expectClean, signIn, tokenFor, tokenOf, until } from './journey.ts';

const { web, api } = inject('e2e');
const CYCLE = 'cycle-2023';
const ENTITY = 'so-khcn-ninh-thuan';
const TEXTS_PATH = `/v1/cycles/${CYCLE}/entities/${ENTITY}/report-texts`;
const shot = screenshots('report-texts');
const sessions: Session[] = [];

type TextsView = Output<'getReportTexts'>;
type Texts = Output<'saveReportTexts'>;
type ExportView = Output<'requestEntityExport'>;

const DRAFT = 'Bản nháp của lãnh đạo Sở.';
const HIGHLIGHTS_1 = 'Ban hành kế hoạch CCHC năm 2023 đúng hạn & đầy đủ.';
const HIGHLIGHTS_2 = 'Tỷ lệ hồ sơ trực tuyến toàn trình đạt 92% <vượt chỉ tiêu 80%>.';
const HIGHLIGHTS = `${HIGHLIGHTS_1}\n${HIGHLIGHTS_2}`;
const SHORTCOMINGS =
  'Một số phòng chuyên môn cập nhật tài liệu kiểm chứng chậm; nguyên nhân: thiếu nhân lực.';
const SOLUTIONS = 'Đôn đốc hằng tuần, giao đầu mối theo dõi từng tiêu chí.';
const SOLUTIONS_2 = `${SOLUTIONS} Rà soát trước hạn 10 ngày làm việc.`;
const PROPOSALS = 'Đề nghị Sở Nội vụ tổ chức tập huấn Bộ chỉ số CCHC năm 2024 cho cán bộ đầu mối.';
const ADMIN_PROPOSALS = 'Ý kiến của quản trị viên: bổ sung số liệu quý IV.';
const SIGNER = 'Nguyễn Thị Hồng Nhung';
/** Last year's report, as the API's `previous` (the lookup itself is covered by test/integration/dossier). */
const LAST_YEAR: Texts = {
  cycleId: 'cycle-2022',
  entityId: ENTITY,
  version: 2,
  updatedAt: '2022-12-10T02:00:00.000Z',
  updatedBy: 'u-leader',
  highlights: 'Nội dung năm trước, không được ghi đè lên bản nháp.',
  shortcomings: 'Hạn chế năm 2022.',
  proposals: 'Kiến nghị năm 2022.',
  documentNumber: '99/BC-SKHCN',
  signerPosition: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
  recipients: ['Sở Nội vụ (để thẩm định)', 'Ban Giám đốc Sở', 'Lưu: VT, VP'],
};
const RECIPIENTS = LAST_YEAR.recipients!.join('\n');

const isTextsCall = (method: string) => (r: Request | Response) => {
  const q = 'request' in r ? r.request() : r;
  return q.method() === method && new URL(q.url()).pathname === TEXTS_PATH;
};
/** The editable fields of a record (what a PUT takes back). */
const fieldsOf = (t: Texts | null) => {
  if (!t) return {};
  const { cycleId: _c, entityId: _e, version: _v, updatedAt: _u, updatedBy: _b, ...fields } = t;
  return fields;
};
const textsUrl = (url: URL) => url.pathname === TEXTS_PATH;
const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The browser logs the refused save (400) and the stale one (409) above; nothing else may go wrong. */
function expectOnlyRefusals(problems: string[]) {
  const refused = (status: number) => problems.filter((p) => p.includes(`status of ${status}`));
  expect(problems.filter((p) => !/status of (400|409)/.test(p))).toEqual([]);
  expect(refused(400)).toHaveLength(1);
  expect(refused(409)).toHaveLength(1);
}

afterAll(async () => {
  for (const s of sessions) await s.close();
});

describe('report texts', () => {
  let leader: Session;
  let page: Page;
  let editor: Locator;
  let adminToken: string;
  const field = (label: string) => editor.getByLabel(label, { exact: true });

  /** Clicks "Lưu" and returns the PUT's request body and answer. */
  async function save() {
    const [response] = await Promise.all([
      page.waitForResponse(isTextsCall('PUT')),
      editor.getByRole('button', { name: 'Lưu', exact: true }).click(),
    ]);
    return {
      sent: response.request().postDataJSON() as Record<string, unknown>,
      status: response.status(),
      body: (await response.json()) as Texts & { error?: { current?: Texts } },
    };
  }

  test('the leader opens the editor; last year’s texts fill only the blank fields', async () => {
    // A known start whatever ran before: the admin leaves only a draft of the highlights.
    adminToken = await tokenFor(web, 'admin@minhchung.local');
    const before = await callApi<TextsView>(api, adminToken, 'GET', TEXTS_PATH);
    await callApi<Texts>(api, adminToken, 'PUT', TEXTS_PATH, {
      highlights: DRAFT,
      ...(before.texts ? { version: before.texts.version } : {}),
    });

    leader = await openBrowser(DESKTOP);
    sessions.push(leader);
    page = leader.page;
    await signIn(page, web, 'lanhdao@minhchung.local');
    await page.getByTestId('cycle-card').getByRole('button', { name: 'Xuất hồ sơ' }).click();
    const drawer = page.getByRole('dialog', { name: 'Xuất hồ sơ tự đánh giá' });
    await drawer.waitFor();
    expect(await drawer.getByRole('checkbox', { name: 'Bảng điểm tự đánh giá (.xlsx)' }).isChecked()).toBe(
      true,
    );
    expect(await drawer.getByRole('checkbox', { name: 'Báo cáo tự đánh giá (.docx)' }).isChecked()).toBe(
      true,
    );
    await until('the texts’ status line', async () =>
      ((await drawer.getByTestId('report-texts-status').textContent()) ?? '').includes('lưu gần nhất lúc'),
    );

    // The page gets last year's texts with this reading.
    await page.route(textsUrl, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const res = await route.fetch();
      const body = (await res.json()) as TextsView;
      return route.fulfill({ response: res, json: { ...body, previous: LAST_YEAR } });
    });
    await drawer.getByRole('button', { name: 'Soạn nội dung báo cáo' }).click();
    editor = page.getByRole('dialog', { name: /^Nội dung báo cáo tự đánh giá/ });
    await editor.getByTestId('report-save-status').waitFor();
    const defaults = (await callApi<TextsView>(api, await tokenOf(page), 'GET', TEXTS_PATH)).defaults;
    expect(await field('Ưu điểm, kết quả nổi bật').inputValue()).toBe(DRAFT);
    expect(await field('Hạn chế, tồn tại và nguyên nhân').inputValue()).toBe('');
    // The document's header is folded; its placeholders are what the report prints for a blank field.
    await editor.getByRole('button', { name: 'Thông tin văn bản' }).click();
    expect(await field('Cơ quan chủ quản').getAttribute('placeholder')).toBe(defaults.superiorBody);
    expect(await field('Cơ quan ban hành').getAttribute('placeholder')).toBe(defaults.issuingBody);
    expect(await field('Địa danh').getAttribute('placeholder')).toBe(defaults.place);
    await editor.getByText('Để trống cho văn thư điền.').waitFor();
    await expectClean(page, 'editor 1366');
    await shot(page, 'editor-open', { fullPage: false });

    await editor.getByRole('button', { name: 'Dùng nội dung năm trước' }).click();
    await editor.getByText('Đã điền 4 mục từ báo cáo năm trước. Xem lại rồi bấm Lưu.').waitFor();
    expect(await field('Ưu điểm, kết quả nổi bật').inputValue()).toBe(DRAFT);
    expect(await field('Hạn chế, tồn tại và nguyên nhân').inputValue()).toBe(LAST_YEAR.shortcomings);
    expect(await field('Giải pháp khắc phục').inputValue()).toBe('');
    expect(await field('Đề xuất, kiến nghị').inputValue()).toBe(LAST_YEAR.proposals);
    expect(await field('Chức vụ người ký').inputValue()).toBe(LAST_YEAR.signerPosition);
    expect(await field('Nơi nhận (mỗi dòng một nơi)').inputValue()).toBe(RECIPIENTS);
    // A new year's number is the records office's.
    expect(await field('Số, ký hiệu văn bản').inputValue()).toBe('');
    expect(await editor.getByRole('button', { name: 'Dùng nội dung năm trước' }).count()).toBe(0);
    expect(await editor.getByTestId('report-save-status').textContent()).toBe('Có thay đổi chưa lưu');
    await shot(page, 'filled-from-last-year', { fullPage: false });
    await page.unroute(textsUrl);
  });

  test('a refused field is marked (the folded header opens), then the texts are typed and saved', async () => {
    const recipients = field('Nơi nhận (mỗi dòng một nơi)');
    await recipients.fill(Array.from({ length: 21 }, (_, i) => `Nơi nhận số ${i + 1}`).join('\n'));
    await editor.getByRole('button', { name: 'Thông tin văn bản' }).click();
    await until('the header folded', async () => !(await recipients.isVisible()));
    const refused = await save();
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    await editor.getByText('Chưa lưu được: xem các ô được đánh dấu.').waitFor();
    await recipients.waitFor({ state: 'visible' });
    await editor.locator('.ant-form-item-has-error').getByLabel('Nơi nhận (mỗi dòng một nơi)').waitFor();
    await shot(page, 'refused-recipients', { fullPage: false });
    await recipients.fill(RECIPIENTS);
    await field('Họ và tên người ký').fill(SIGNER);

    // Typed as a person types: diacritics, & < >, and a line break.
    const highlights = field('Ưu điểm, kết quả nổi bật');
    await highlights.fill('');
    await highlights.pressSequentially(HIGHLIGHTS_1);
    await highlights.press('Enter');
    await highlights.pressSequentially(HIGHLIGHTS_2);
    expect(await highlights.inputValue()).toBe(HIGHLIGHTS);
    await field('Hạn chế, tồn tại và nguyên nhân').fill(SHORTCOMINGS);
    await field('Giải pháp khắc phục').fill(SOLUTIONS);
    await field('Đề xuất, kiến nghị').fill(PROPOSALS);
    const count = (await editor.locator('.ant-input-data-count').first().textContent()) ?? '';
    expect(count).toBe(`${formatNumber(HIGHLIGHTS.length, 'vi')} / ${formatNumber(20_000, 'vi')} ký tự`);

    const stored = await callApi<TextsView>(api, await tokenOf(page), 'GET', TEXTS_PATH);
    const saved = await save();
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.sent).toMatchObject({
      version: stored.texts!.version,
      highlights: HIGHLIGHTS,
      shortcomings: SHORTCOMINGS,
      solutions: SOLUTIONS,
      proposals: PROPOSALS,
      signerName: SIGNER,
      signerPosition: LAST_YEAR.signerPosition,
      recipients: LAST_YEAR.recipients,
    });
    expect(saved.sent).not.toHaveProperty('documentNumber');
    expect(saved.body.version).toBe(stored.texts!.version + 1);
    await until('"Đã lưu lúc …"', async () =>
      /^Đã lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(
        (await editor.getByTestId('report-save-status').textContent()) ?? '',
      ),
    );
    const after = await callApi<TextsView>(api, await tokenOf(page), 'GET', TEXTS_PATH);
    expect(after.texts).toMatchObject({ highlights: HIGHLIGHTS, proposals: PROPOSALS, signerName: SIGNER });
    await shot(page, 'saved', { fullPage: false });
  });

  test('a save from a stale copy gets the 409: the stored texts are shown, the leader’s come back and save', async () => {
    // Someone else (the admin, on the API) saves meanwhile.
    const now = await callApi<TextsView>(api, adminToken, 'GET', TEXTS_PATH);
    const theirs = await callApi<Texts>(api, adminToken, 'PUT', TEXTS_PATH, {
      ...fieldsOf(now.texts),
      proposals: ADMIN_PROPOSALS,
      version: now.texts!.version,
    });

    await field('Giải pháp khắc phục').fill(SOLUTIONS_2);
    const stale = await save();
    expect(stale.status).toBe(409);
    expect(stale.sent.version).toBe(now.texts!.version);
    const conflict = editor.getByTestId('report-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Người khác vừa lưu nội dung này');
    // The stored texts are loaded: the admin's proposal, without the leader's unsaved change.
    expect(await field('Đề xuất, kiến nghị').inputValue()).toBe(ADMIN_PROPOSALS);
    expect(await field('Giải pháp khắc phục').inputValue()).toBe(SOLUTIONS);
    await expectClean(page, 'conflict 1366');
    await shot(page, 'conflict', { fullPage: false });

    await conflict.getByRole('button', { name: 'Dùng lại nội dung tôi vừa nhập' }).click();
    expect(await field('Giải pháp khắc phục').inputValue()).toBe(SOLUTIONS_2);
    expect(await field('Đề xuất, kiến nghị').inputValue()).toBe(PROPOSALS);
    const again = await save();
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.sent.version).toBe(theirs.version);
    expect(again.body.version).toBe(theirs.version + 1);
    expect(await conflict.count()).toBe(0);
    const stored = await callApi<TextsView>(api, adminToken, 'GET', TEXTS_PATH);
    expect(stored.texts).toMatchObject({
      solutions: SOLUTIONS_2,
      proposals: PROPOSALS,
      highlights: HIGHLIGHTS,
    });
  });

  test('closing with unsaved changes asks first; 390 px is clean', async () => {
    const shortcomings = field('Hạn chế, tồn tại và nguyên nhân');
    await shortcomings.fill(`${SHORTCOMINGS} Chưa lưu.`);
    await editor.getByRole('button', { name: 'Đóng' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Bỏ các thay đổi chưa lưu?' });
    await confirm.waitFor();
    await shot(page, 'leave-confirm', { fullPage: false });
    await confirm.getByRole('button', { name: 'Tiếp tục soạn' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await shortcomings.inputValue()).toBe(`${SHORTCOMINGS} Chưa lưu.`);
    await editor.getByRole('button', { name: 'Đóng' }).click();
    await confirm.getByRole('button', { name: 'Bỏ thay đổi' }).click();
    await editor.waitFor({ state: 'detached' });

    // Opened again: what is stored, not what was discarded.
    await page.getByRole('button', { name: 'Soạn nội dung báo cáo' }).click();
    await editor.getByTestId('report-save-status').waitFor();
    expect(await field('Hạn chế, tồn tại và nguyên nhân').inputValue()).toBe(SHORTCOMINGS);
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    await expectClean(page, 'editor 390');
    await shot(page, 'editor-phone', { fullPage: false });
    await page.setViewportSize(DESKTOP);
    // Nothing changed: it closes without asking.
    await editor.getByRole('button', { name: 'Đóng' }).click();
    await editor.waitFor({ state: 'detached' });
  });

  test('the export with the report part downloads a .docx holding every text verbatim', async () => {
    const drawer = page.getByRole('dialog', { name: 'Xuất hồ sơ tự đánh giá' });
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith(`/entities/${ENTITY}/exports`),
      ),
      drawer.getByTestId('export-submit').click(),
    ]);
    expect(response.request().postDataJSON()).toEqual({ parts: ['score-table', 'report'] });
    const view = (await response.json()) as ExportView;
    expect(response.status(), JSON.stringify(view)).toBe(202);
    const job = page.getByTestId('export-job');
    await until(
      'the export job finished',
      async () => ['done', 'failed'].includes((await job.getAttribute('data-state')) ?? ''),
      90_000,
    );
    expect(await job.getAttribute('data-state'), (await job.textContent()) ?? '').toBe('done');
    const buttons = page.getByTestId('export-job-download');
    await until('one download per part', async () => (await buttons.count()) === 2);
    const docxButton = buttons.filter({ hasText: '.docx' });
    expect(await docxButton.textContent()).toMatch(/^Tải về .+\.docx \(\d+(,\d)? (B|KB|MB)\)$/);
    await expectClean(page, 'export with the report 1366');
    await shot(page, 'export-done', { fullPage: false });

    const [download] = await Promise.all([page.waitForEvent('download'), docxButton.click()]);
    const bytes = await readFile((await download.path())!);
    await writeFile(join(ARTIFACTS, 'report-texts', download.suggestedFilename()), bytes);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const { xml, paragraphs } = await docxParagraphs(bytes);
    // As written in the XML (& < > escaped), and as the paragraphs read once parsed.
    const lines = [...HIGHLIGHTS.split('\n'), SHORTCOMINGS, SOLUTIONS_2, PROPOSALS];
    for (const line of lines) expect(xml, line).toContain(escapeXml(line));
    for (const line of [
      ...lines,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      SIGNER,
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
    ])
      expect(paragraphs, line).toContain(line);
    expectOnlyRefusals(leader.problems);
  });

  test('in English the drawer and the editor are relabelled', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Xuất hồ sơ tự đánh giá' }).waitFor({ state: 'hidden' });
    await page.getByText('EN', { exact: true }).click();
    await page.getByTestId('cycle-card').getByRole('button', { name: 'Export dossier' }).click();
    const drawer = page.getByRole('dialog', { name: 'Export the self-assessment dossier' });
    await drawer.getByRole('checkbox', { name: 'Self-assessment report (.docx)' }).waitFor();
    await drawer.getByRole('button', { name: 'Write the report’s texts' }).click();
    editor = page.getByRole('dialog', { name: /^Texts of the self-assessment report/ });
    for (const label of ['Highlights', 'Shortcomings and their causes', 'Solutions', 'Proposals'])
      await editor.getByLabel(label, { exact: true }).waitFor();
    expect(await editor.locator('.ant-input-data-count').first().textContent()).toBe(
      `${formatNumber(HIGHLIGHTS.length, 'en')} / 20,000 characters`,
    );
    await shot(page, 'editor-english', { fullPage: false });
    await editor.getByRole('button', { name: 'Close', exact: true }).click();
    await editor.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('VI', { exact: true }).click();
    expectOnlyRefusals(leader.problems);
  });

  test('a reviewer reads the texts without a way to change them; a member is refused', async () => {
    const reviewer = await openBrowser(DESKTOP);
    sessions.push(reviewer);
    const p = reviewer.page;
    await signIn(p, web, 'thamdinh@minhchung.local');
    await p.goto(`${web}/dashboard?cycle=${CYCLE}&entity=${ENTITY}`);
    await p.getByTestId('dashboard-readiness-value').waitFor();
    await p.getByRole('button', { name: 'Xuất hồ sơ' }).click();
    await p.getByRole('button', { name: 'Xem nội dung báo cáo' }).click();
    const view = p.getByRole('dialog', { name: /^Nội dung báo cáo tự đánh giá/ });
    await view.getByText('Bạn chỉ xem được nội dung này', { exact: false }).waitFor();
    const highlights = view.getByLabel('Ưu điểm, kết quả nổi bật', { exact: true });
    expect(await highlights.inputValue()).toBe(HIGHLIGHTS);
    expect(await highlights.getAttribute('readonly')).not.toBeNull();
    expect(await view.getByRole('button', { name: 'Lưu', exact: true }).count()).toBe(0);
    expect(await view.getByRole('button', { name: 'Dùng nội dung năm trước' }).count()).toBe(0);
    await expectClean(p, 'reviewer 1366');
    await shot(p, 'reviewer-read-only', { fullPage: false });
    expect(reviewer.problems).toEqual([]);

    const member = await tokenFor(web, 'chuyenvien@minhchung.local');
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { highlights: 'x' }],
    ] as const) {
      const res = await fetch(`${api}${TEXTS_PATH}`, {
        method,
        headers: { authorization: `Bearer ${member}`, 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      });
      expect(res.status, `${method} as a member`).toBe(403);
    }
  });
});
