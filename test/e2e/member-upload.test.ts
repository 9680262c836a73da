/**
 * Journey 1 — a member (chuyên viên) signs in, opens criterion 1.1, uploads a real PDF through the file
 * chooser on a throttled line (watches the progress, cancels, retries), sees it become available and the
 * entity's readiness rise; switches to English and back; the layout holds at 1366×768 and 390×844; an
 * expired session sends them to sign-in and back to the same page. Screenshots: test/artifacts/e2e/member-upload/.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { fold } from '#web/i18n/format.ts';
import {
  DESKTOP,
  horizontalOverflow,
  openBrowser,
  PHONE,
  type Session,
  screenshots,
  unlabelledControls,
} from './browser.ts';
import { until } from './journey.ts';
import { makePdf } from './pdf.ts';

const { web } = inject('e2e');
const MEMBER = { email: 'chuyenvien@minhchung.local', password: 'MinhChung@2026' };
const PDF_NAME = 'Kế hoạch CCHC năm 2023.pdf';
const CRITERION_PATH = '/cycles/cycle-2023/entities/so-khcn-ninh-thuan/criteria/1.1';

let s: Session;
let page: Page;
/** The entity's evidence coverage when the journey starts (the demo data may grow; the test only needs a rise). */
let coverageBefore = 0;
let cdp: CDPSession;
const shot = screenshots('member-upload');

const text = (testId: string) => page.getByTestId(testId).textContent();
const percentOf = (shown: string | null) => Number((shown ?? '').replace('%', '').replace(',', '.'));
const coverage = async () => percentOf(await text('readiness-coverage-value'));

async function expectNoSidewaysScroll(where: string) {
  const { overflow, culprits } = await horizontalOverflow(page);
  expect(
    overflow,
    `${where}: page scrolls sideways by ${overflow}px: ${culprits.join('; ')}`,
  ).toBeLessThanOrEqual(0);
}

async function throttleUpload(bytesPerSecond: number | -1) {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: bytesPerSecond === -1 ? 0 : 40,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

async function signIn() {
  await page.getByLabel('Email').fill(MEMBER.email);
  await page.getByLabel('Mật khẩu').fill(MEMBER.password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

beforeAll(async () => {
  s = await openBrowser(DESKTOP);
  page = s.page;
  cdp = await s.context.newCDPSession(page);
  await cdp.send('Network.enable');
});

afterAll(async () => {
  await s?.close();
});

describe('member uploads evidence and sees readiness rise', () => {
  test('sign-in page, in Vietnamese, offers the local demo accounts and refuses a wrong password', async () => {
    await page.goto(web);
    await page.waitForURL(/\/sign-in\?next=%2F/);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByTestId('demo-accounts').getByText(MEMBER.email).waitFor();
    await page.getByLabel('Email').fill(MEMBER.email);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByText('Email hoặc mật khẩu không đúng.').waitFor();
    await expectNoSidewaysScroll('sign-in 1366');
    await shot(page, 'sign-in');
  });

  test('"Việc của tôi" shows the cycle, readiness with how it is computed, and the criteria', async () => {
    await signIn();
    await page.getByRole('heading', { name: 'Việc của tôi', level: 1 }).waitFor();
    await page.getByTestId('criteria-table').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('Phạm Thị Chuyên Viên');
    expect(await page.getByTestId('cycle-card').textContent()).toContain('30/11/2023'); // evidence due, dd/MM/yyyy
    coverageBefore = await coverage();
    expect(coverageBefore).toBeLessThan(100);
    await page.getByText('Cách tính').click();
    await page
      .getByTestId('how-computed')
      .getByText(/^readiness\/\d+\.\d+\.\d+$/)
      .waitFor();
    await expectNoSidewaysScroll('home 1366');
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'home-before-upload');

    // "Việc của tôi" opens on the member's unit's criteria when it has some; the whole entity is one click away.
    const wholeEntity = page.getByText(/^Cả đơn vị \(\d+\)$/);
    if (await wholeEntity.count()) await wholeEntity.click();

    // Diacritic-insensitive search: "ke hoach" keeps the criteria that speak of a "Kế hoạch", 1.1 among them.
    const rows = page.locator('tbody tr.mc-clickable');
    await until('criteria listed', async () => (await rows.count()) > 0);
    const total = await rows.count();
    await page.getByLabel('Tìm tiêu chí').fill('ke hoach');
    await until('fewer criteria', async () => (await rows.count()) < total || total === 1);
    for (const row of await rows.all()) expect(fold((await row.textContent()) ?? '')).toContain('ke hoach');
    await page.getByRole('link', { name: 'Mở tiêu chí 1.1' }).waitFor();
    await shot(page, 'home-search');
  });

  test('criterion 1.1 lists its required slot and no evidence yet', async () => {
    await page.getByRole('link', { name: 'Mở tiêu chí 1.1' }).click();
    await page.waitForURL(`**${CRITERION_PATH}`);
    await page.getByTestId('uploader').waitFor();
    // Labelled from the cycle's framework: "1.1 · <title>".
    await until('criterion title', async () => /^1\.1 · \S/.test((await text('criterion-title')) ?? ''));
    expect(await page.getByTestId('requirements').textContent()).toContain('Kế hoạch');
    expect(await text('criterion-coverage')).toBe('0%');
    await page.getByText('Chưa có tài liệu nào cho tiêu chí này.', { exact: false }).waitFor();
    await shot(page, 'criterion-empty');
  });

  test('a file of a type the cycle refuses is stopped before any upload', async () => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Chọn tệp từ máy' }).click(),
    ]);
    await chooser.setFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('ghi chú') });
    const item = page.getByTestId('upload-item').filter({ hasText: 'ghi-chu.txt' });
    await item.getByText('Loại tệp ".txt" không được nhận', { exact: false }).waitFor();
    expect(await item.getAttribute('data-status')).toBe('rejected');
    await shot(page, 'type-refused');
    await item.getByRole('button', { name: 'Bỏ khỏi danh sách: ghi-chu.txt' }).click();
  });

  test('uploading a real PDF on a slow line shows progress, can be cancelled and retried, and becomes available', async () => {
    const pdf = makePdf('Ke hoach cai cach hanh chinh nam 2023', 240 * 1024);
    await throttleUpload(48 * 1024); // ~5 s for the file: long enough to watch and cancel
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Chọn tệp từ máy' }).click(),
    ]);
    await chooser.setFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: pdf });
    const item = page.getByTestId('upload-item').filter({ hasText: PDF_NAME });
    const bar = item.getByRole('progressbar');
    const percent = async () => Number(await bar.getAttribute('aria-valuenow'));

    await until('upload under way', async () => (await percent()) > 5);
    expect(await percent()).toBeLessThan(100);
    await shot(page, 'upload-progress');
    await item.getByRole('button', { name: 'Hủy' }).click();
    await until('cancelled', async () => (await item.getAttribute('data-status')) === 'cancelled');
    await item.getByText('Đã hủy').waitFor();
    await shot(page, 'upload-cancelled');

    await item.getByRole('button', { name: 'Thử lại' }).click();
    const seen: number[] = [];
    await until(
      'progress between 1 % and 99 % after retry',
      async () => {
        const p = await percent();
        seen.push(p);
        return p > 0 && p < 100;
      },
      10_000,
    );
    await throttleUpload(-1);
    await until('available', async () => (await item.getAttribute('data-status')) === 'done', 30_000);
    await item.getByText('Đã tải lên, sẵn sàng').waitFor();

    const row = page.getByTestId('evidence-row').filter({ hasText: PDF_NAME });
    await row.getByText('Sẵn sàng').waitFor();
    const rowText = await row.textContent();
    expect(rowText).toMatch(/\d+,\d KB/); // Vietnamese decimal comma
    expect(rowText).toMatch(/\d{2}\/\d{2}\/\d{4}/); // dd/MM/yyyy
    await until('criterion coverage 100 %', async () => (await text('criterion-coverage')) === '100%');
    expect(percentOf(await text('entity-coverage'))).toBeGreaterThan(coverageBefore);
    await expectNoSidewaysScroll('criterion 1366');
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'upload-available');
  });

  test('a file dropped on the drop zone is uploaded too', async () => {
    const pdf = makePdf('Bao cao CCHC quy 3 nam 2023');
    // What a drag from the file manager delivers: a DataTransfer holding a File.
    const dataTransfer = await page.evaluateHandle((b64: string) => {
      const g = globalThis as any;
      const dt = new g.DataTransfer();
      const bytes = Uint8Array.from(g.atob(b64) as string, (c) => c.charCodeAt(0));
      dt.items.add(new g.File([bytes], 'Báo cáo quý 3.pdf', { type: 'application/pdf' }));
      return dt;
    }, pdf.toString('base64'));
    const zone = page.getByTestId('dropzone');
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    const item = page.getByTestId('upload-item').filter({ hasText: 'Báo cáo quý 3.pdf' });
    await until(
      'dropped file available',
      async () => (await item.getAttribute('data-status')) === 'done',
      30_000,
    );
    await page
      .getByTestId('evidence-row')
      .filter({ hasText: 'Báo cáo quý 3.pdf' })
      .getByText('Sẵn sàng')
      .waitFor();
  });

  test('a large scan goes in parts; after a cancel, Retry resumes at the missing part', async () => {
    // Over the 16 MiB multipart threshold: two 8 MiB parts and a small last one.
    const big = makePdf('Ho so quet 2023', 17 * 1024 * 1024);
    await throttleUpload(4 * 1024 * 1024);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Chọn tệp từ máy' }).click(),
    ]);
    await chooser.setFiles({ name: 'Hồ sơ quét 2023.pdf', mimeType: 'application/pdf', buffer: big });
    const item = page.getByTestId('upload-item').filter({ hasText: 'Hồ sơ quét 2023.pdf' });
    const percent = async () => Number(await item.getByRole('progressbar').getAttribute('aria-valuenow'));
    await until(
      'second part under way',
      async () => (await item.textContent())?.includes('phần 2/3') ?? false,
      20_000,
    );
    await item.getByRole('button', { name: 'Hủy' }).click();
    await until('cancelled', async () => (await item.getAttribute('data-status')) === 'cancelled');
    const kept = await percent();
    expect(kept).toBeGreaterThanOrEqual(45); // part 1 (8 of 17 MiB) stays uploaded
    await shot(page, 'large-cancelled');

    await item.getByRole('button', { name: 'Thử lại' }).click();
    await until(
      'resumed, not restarted',
      async () => (await item.getAttribute('data-status')) === 'uploading',
    );
    expect(await percent()).toBeGreaterThanOrEqual(45);
    await throttleUpload(-1);
    await until(
      'large file available',
      async () => (await item.getAttribute('data-status')) === 'done',
      60_000,
    );
    const row = page.getByTestId('evidence-row').filter({ hasText: 'Hồ sơ quét 2023.pdf' });
    await row.getByText('Sẵn sàng').waitFor();
    expect(await row.textContent()).toMatch(/17(,\d)? MB/);
  });

  test('a file that is not what it claims is quarantined, and the list says why', async () => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Chọn tệp từ máy' }).click(),
    ]);
    // A program renamed to .pdf: the browser and the pre-check believe the name; the server reads the bytes.
    const fake = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 0x90)]);
    await chooser.setFiles({ name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: fake });
    const item = page.getByTestId('upload-item').filter({ hasText: 'gia-mao.pdf' });
    await until(
      'quarantined',
      async () => (await item.getAttribute('data-status')) === 'quarantined',
      30_000,
    );
    const row = page.getByTestId('evidence-row').filter({ hasText: 'gia-mao.pdf' });
    await row.getByText('Bị cách ly').waitFor();
    expect(await row.textContent()).toContain('Lý do:');
    await shot(page, 'upload-quarantined');
  });

  test('back on "Việc của tôi", readiness has risen', async () => {
    await page.getByRole('link', { name: 'Việc của tôi' }).first().click();
    await page.getByTestId('criteria-table').waitFor();
    await until('coverage above where it started', async () => (await coverage()) > coverageBefore);
    await shot(page, 'home-after-upload');
  });

  test('English on request, Vietnamese back; <html lang> follows', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByText('Evidence coverage').first().waitFor();
    await shot(page, 'home-english');
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { name: 'Việc của tôi', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  test('no sideways scroll on a 390 px phone; the menu holds the account and sign-out', async () => {
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Mở menu' }).waitFor();
    await expectNoSidewaysScroll('home 390');
    await shot(page, 'phone-home');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByTestId('current-user-mobile').getByText('Phạm Thị Chuyên Viên').waitFor();
    // The drawer covers the screen, not the page: a screenshot of the screen, once it has slid in.
    await page.locator('.ant-drawer-content-wrapper').waitFor();
    await page.waitForTimeout(400);
    await shot(page, 'phone-menu', { fullPage: false });
    await page.keyboard.press('Escape');
    await page.goto(web + CRITERION_PATH);
    await page.getByTestId('evidence-row').first().waitFor();
    await expectNoSidewaysScroll('criterion 390');
    await shot(page, 'phone-criterion');
    await page.setViewportSize(DESKTOP);
  });

  test('a token about to expire is refreshed before the next call, and the member stays where they were', async () => {
    const before = await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('mc.session') ?? '{}');
      // Inside the refresh margin: the next API call must exchange the refresh token first.
      sessionStorage.setItem('mc.session', JSON.stringify({ ...session, expiresAt: Date.now() + 30_000 }));
      return session.idToken as string;
    });
    await page.reload();
    await page.getByTestId('evidence-row').first().waitFor();
    expect(page.url()).toContain(CRITERION_PATH);
    const after = await page.evaluate(() => JSON.parse(sessionStorage.getItem('mc.session') ?? '{}'));
    expect(after.idToken).not.toBe(before);
    expect(after.expiresAt).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  test('an expired session sends the member to sign-in with a message, then back to the same page', async () => {
    // The tokens are revoked or expired and the refresh token too: the next API call gets 401, one refresh
    // fails, and the app asks to sign in again.
    await page.evaluate(() => {
      const raw = sessionStorage.getItem('mc.session');
      if (!raw) throw new Error('no session stored');
      const session = JSON.parse(raw);
      sessionStorage.setItem(
        'mc.session',
        JSON.stringify({
          ...session,
          idToken: `${session.idToken.slice(0, -8)}AAAAAAAA`,
          refreshToken: 'revoked',
        }),
      );
    });
    await page.reload();
    await page.waitForURL(/\/sign-in\?.*reason=expired/);
    await page.getByText('Phiên làm việc đã hết hạn.', { exact: false }).waitFor();
    await shot(page, 'session-expired');
    // By keyboard alone this time: the fields are labelled and Enter submits.
    await page.getByLabel('Email').focus();
    await page.keyboard.type(MEMBER.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MEMBER.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${CRITERION_PATH}`);
    await page.getByTestId('evidence-row').first().waitFor();
  });

  test('sign-out ends the session', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByText('Bạn đã đăng xuất.').waitFor();
    await page.goto(web + CRITERION_PATH);
    await page.waitForURL(/\/sign-in\?next=/);
    await shot(page, 'signed-out');
  });

  test('no console errors or uncaught exceptions along the way', () => {
    // The refused password and the expired token are expected 400/401 answers, logged by the browser.
    const unexpected = s.problems.filter((p) => !/status of 40[01]/.test(p));
    expect(unexpected).toEqual([]);
  });
});
