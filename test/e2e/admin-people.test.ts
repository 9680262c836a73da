/**
 * Journey — an administrator runs the people side of a cycle: assigns an unassigned criterion to a unit in
 * the matrix (it is still there after a reload), bulk import and carry-forward previews are reachable;
 * invites a user (a new e-mail each run; a second invitation of the same e-mail shows the server's message)
 * and changes their role, then disables them after a confirmation (the admin's own row cannot be disabled);
 * turns reminders off and on for the cycle and sees the preview follow; opens the outbox (empty in a fresh
 * stack: nothing has run) with its link to the local mailbox. Every page is checked at 1366×768 and 390×844
 * for sideways scroll and unlabelled controls. Uses the unit "Chi cục TĐC" and its own user, so the member
 * and reviewer journeys' data is untouched. Screenshots: test/artifacts/e2e/admin-people/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { writeAssignmentSheet } from '#adapters/xlsx/assignment-sheet.ts';
import type { Assignment } from '#domain/assignment.ts';
import { DESKTOP, horizontalOverflow, openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { answerTotpIfAsked, expectClean, until } from './journey.ts';

const { web, api } = inject('e2e');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One task row for the import sheet (the sheet writer takes stored assignments). */
const sheetTask = (assignmentId: string, unitId: string, code: string): Assignment => ({
  assignmentId,
  unitId,
  criteria: [{ frameworkId: 'par-so-mau', code }],
  title: `Nhập từ Excel ${code} (${RUN})`,
  dueDate: '2023-11-20',
  cycleId: 'cycle-2023',
  entityId: 'so-khcn-ninh-thuan',
  version: 1,
  createdAt: new Date().toISOString(),
  createdBy: 'e2e',
});
const ADMIN = { email: 'admin@minhchung.local', password: 'MinhChung@2026' };
const SCOPE = '?cycle=cycle-2023&entity=so-khcn-ninh-thuan';
const UNIT = 'chi-cuc-tdc';
const RUN = Date.now().toString(36);
const INVITEE = { email: `e2e-${RUN}@minhchung.local`, name: `Người Thử Nghiệm ${RUN}` };

let s: Session;
let page: Page;
const shot = screenshots('admin-people');

/** The same page at phone width: no sideways scroll, every control labelled; then back to the laptop. */
async function checkPhone(where: string, ready: () => Promise<unknown>) {
  await page.setViewportSize(PHONE);
  try {
    await ready();
    // The admin menu re-measures its items after a resize (ResizeObserver): give it a moment to settle.
    await until(
      `${where} settled at 390`,
      async () => (await horizontalOverflow(page)).overflow <= 0,
      3000,
    ).catch(() => undefined);
    await expectClean(page, `${where} 390`);
    await shot(page, `${where}-phone`);
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

/** Chooses an option in the open antd Select dropdown (the visible item, not the screen-reader list). */
async function choose(text: string | RegExp) {
  const item = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first();
  const open = page.locator('.ant-select-dropdown:visible');
  // A single select closes once it took the choice; a click during the opening animation can be lost on a
  // loaded machine, so click until the list is gone rather than assume the first click counted.
  for (let attempt = 0; attempt < 3; attempt++) {
    await item.click();
    if (
      await open.waitFor({ state: 'hidden', timeout: 2_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  await open.waitFor({ state: 'hidden' });
}

/** Closes the open drawer by its own close button and waits until it is gone. */
async function closeDrawer() {
  const close = page.locator('.ant-drawer-close:visible');
  await close.click();
  await until('the drawer closed', async () => (await close.count()) === 0);
}

/** Picks a date in an antd DatePicker by typing it (dd/MM/yyyy) and pressing Enter. */
async function pickDate(label: string, ddmmyyyy: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

beforeAll(async () => {
  s = await openBrowser(DESKTOP);
  page = s.page;
  await page.goto(`${web}/sign-in`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await answerTotpIfAsked(page, ADMIN.email);
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
});

afterAll(async () => {
  await s?.close();
});

describe('admin: assignments, users, reminders, outbox', () => {
  let code = '';

  test('assigns an unassigned criterion to a unit in the matrix; it stays after a reload', async () => {
    await page.goto(`${web}/admin/assignments${SCOPE}`);
    await page.getByRole('heading', { name: 'Phân công nhiệm vụ', level: 1 }).waitFor();
    const matrix = page.getByTestId('assignment-matrix');
    await matrix.waitFor();
    // The seeded plan's tasks are in the matrix with their due dates (KH-2023-09 covers 1.5, due 31/08/2023).
    expect(await page.getByTestId('cell-1.5-van-phong-so').textContent()).toContain('31/08/2023');
    await expectClean(page, 'matrix 1366');
    await shot(page, 'matrix');

    await page.getByText('Chỉ tiêu chí chưa giao').click();
    // The last unassigned one (a deduction, 10.x): the other journeys work on 1.1, 2.3, 3.4, 4.3 and 8.3, and an
    // assignment decides which unit may upload to a criterion.
    const cell = matrix.locator(`[data-testid^="cell-"][data-testid$="-${UNIT}"]`).last();
    await cell.waitFor();
    code = ((await cell.getAttribute('data-testid')) ?? '').replace(/^cell-/, '').replace(`-${UNIT}`, '');
    expect(code).toMatch(/^\d+\.\d+/);
    expect(['1.1', '2.3', '3.4', '4.3', '8.3']).not.toContain(code);
    await cell.click();
    const form = page.getByTestId('new-task');
    await form.waitFor();
    await form.getByLabel('Mã nhiệm vụ').fill(`E2E-${RUN}`);
    await form.getByLabel('Tên nhiệm vụ').fill(`Thử nghiệm phân công ${code} (${RUN})`);
    await form.getByLabel('Hạn hoàn thành (dd/mm/yyyy)').fill('31/02/2023');
    await form.getByRole('button', { name: /^Giao cho/ }).click();
    await form.getByText('Ngày phải có dạng dd/mm/yyyy và là ngày có thật.').waitFor();
    await form.getByLabel('Hạn hoàn thành (dd/mm/yyyy)').fill('15/11/2023');
    await expectClean(page, 'cell drawer 1366');
    await shot(page, 'cell-drawer');
    await form.getByRole('button', { name: /^Giao cho/ }).click();
    await page.getByText(/Đã giao nhiệm vụ /).waitFor();
    await page.locator('[data-testid^="task-"]').first().waitFor();
    await closeDrawer();

    await page.reload();
    await page.getByTestId('assignment-matrix').waitFor();
    await page.getByLabel('Tìm tiêu chí').fill(code);
    const saved = page.getByTestId(`cell-${code}-${UNIT}`);
    await until('the new task in its cell', async () =>
      /E2E-\w+ · 15\/11\/2023/.test((await saved.textContent()) ?? ''),
    );
    await shot(page, 'matrix-after-reload');

    // Someone else changes the task while the drawer is open: the save gets a 409, the drawer shows the
    // current task, and saving again goes through.
    await saved.click();
    const editor = page.locator('[data-testid^="task-"]').first();
    await editor.waitFor();
    const assignmentId = ((await editor.getAttribute('data-testid')) ?? '').replace(/^task-/, '');
    const status = await page.evaluate(
      async ({ url, title }) => {
        const { sessionStorage, fetch } = globalThis as unknown as {
          sessionStorage: { getItem(k: string): string | null };
          fetch: typeof globalThis.fetch;
        };
        const token = JSON.parse(sessionStorage.getItem('mc.session') ?? '{}').idToken;
        const res = await fetch(url, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ version: 1, title }),
        });
        return res.status;
      },
      {
        url: `${api}/v1/cycles/cycle-2023/entities/so-khcn-ninh-thuan/assignments/${encodeURIComponent(assignmentId)}`,
        title: `Đổi tên ở nơi khác (${RUN})`,
      },
    );
    expect(status).toBe(200);
    await editor.getByLabel('Hạn hoàn thành (dd/mm/yyyy)').fill('20/11/2023');
    await editor.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    await page.getByText('Người khác vừa thay đổi mục này', { exact: false }).first().waitFor();
    const fresh = page.getByTestId(`task-${assignmentId}`);
    await until('the current title shown', async () =>
      (await fresh.getByLabel('Tên nhiệm vụ').inputValue()).includes('Đổi tên ở nơi khác'),
    );
    await shot(page, 'task-conflict');
    await fresh.getByLabel('Hạn hoàn thành (dd/mm/yyyy)').fill('20/11/2023');
    await fresh.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    await page.getByText(`Đã lưu nhiệm vụ ${assignmentId}.`).waitFor();
    await closeDrawer();
    await until('the new due date in the cell', async () =>
      ((await saved.textContent()) ?? '').includes('20/11/2023'),
    );

    // Bulk import from .xlsx: a sheet with a bad row is refused with the row named; the fixed sheet previews one
    // task, is written after a confirm, and the task shows in the matrix (9.2: no other journey uses it).
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = page.locator('.ant-modal');
    const file = dialog.getByLabel('Tệp bảng tính');
    await file.waitFor();
    expect(await dialog.getByRole('button', { name: 'Xem trước' }).isDisabled()).toBe(true);
    const good = sheetTask(`IMP-${RUN}`, UNIT, '9.2');
    await file.setInputFiles({
      name: 'phân công lỗi.xlsx',
      mimeType: XLSX,
      buffer: Buffer.from(
        await writeAssignmentSheet([good, sheetTask(`BAD-${RUN}`, 'phong-khong-ton-tai', '9.2')]),
      ),
    });
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByTestId('import-error').getByText('Dòng 3', { exact: false }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Ghi' }).isDisabled()).toBe(true);
    await expectClean(page, 'import problems 1366');
    await shot(page, 'import-problems');
    await file.setInputFiles({
      name: 'phân công.xlsx',
      mimeType: XLSX,
      buffer: Buffer.from(await writeAssignmentSheet([good])),
    });
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByText('Sẽ tạo 1 nhiệm vụ', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Ghi' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Đồng ý' }).click();
    await dialog.getByText('Đã tạo 1 nhiệm vụ.').waitFor();
    await shot(page, 'import-done');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByLabel('Tìm tiêu chí').fill('9.2');
    await until('the imported task in its cell', async () =>
      ((await page.getByTestId(`cell-9.2-${UNIT}`).textContent()) ?? '').includes(`IMP-${RUN}`),
    );

    await checkPhone('matrix', () => page.getByTestId('assignment-list').waitFor());
  });

  test('invites a user, changes their role, and disables them after a confirmation', async () => {
    await page.goto(`${web}/admin/users`);
    await page.getByRole('heading', { name: 'Người dùng và vai trò', level: 1 }).waitFor();
    await page.getByTestId('users-table').waitFor();
    // The admin's own row cannot be disabled.
    const me = page.getByRole('row').filter({ hasText: ADMIN.email });
    await me.getByText('Không thể tự khoá').waitFor();
    await expectClean(page, 'users 1366');
    await shot(page, 'users');

    await page.getByRole('button', { name: 'Mời người dùng' }).click();
    const form = page.getByTestId('invite-form');
    await form.getByRole('button', { name: 'Gửi lời mời' }).click();
    await form.getByText('Vui lòng nhập thông tin này.').first().waitFor();
    await form.getByLabel('Thư điện tử').fill(INVITEE.email);
    await form.getByLabel('Họ và tên').fill(INVITEE.name);
    await form.getByLabel('Cơ quan (đơn vị được đánh giá)').click();
    await choose(/Khoa học và Công nghệ Ninh Thuận/);
    await form.getByLabel('Phòng/đơn vị').click();
    await choose(/Chi cục/);
    await expectClean(page, 'invite 1366');
    await shot(page, 'invite');
    await form.getByRole('button', { name: 'Gửi lời mời' }).click();
    await page.getByText(`Đã mời ${INVITEE.email}.`).waitFor();

    // The same e-mail again: the server's refusal is shown in the form.
    await page.getByRole('button', { name: 'Mời người dùng' }).click();
    await form.getByLabel('Thư điện tử').fill(INVITEE.email);
    await form.getByLabel('Họ và tên').fill(INVITEE.name);
    await form.getByLabel('Vai trò').click();
    await choose('Thẩm định');
    await form.getByRole('button', { name: 'Gửi lời mời' }).click();
    await form.getByText(`Đã có tài khoản với thư điện tử ${INVITEE.email}.`).waitFor();
    await shot(page, 'invite-duplicate');
    await closeDrawer();

    // Found by a search without diacritics; role changed to leader.
    await page.getByLabel('Tìm người dùng').fill(`nguoi thu nghiem ${RUN}`);
    const row = page.getByRole('row').filter({ hasText: INVITEE.email });
    await row.waitFor();
    expect(await row.textContent()).toContain('Chuyên viên');
    await row.getByRole('button', { name: `Sửa vai trò, cơ quan, phòng của ${INVITEE.name}` }).click();
    const edit = page.getByTestId('edit-user-form');
    await edit.getByLabel('Vai trò').click();
    await choose('Lãnh đạo');
    await shot(page, 'edit-role');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText(`Đã lưu thay đổi của ${INVITEE.name}.`).waitFor();
    await until('role shown', async () => ((await row.textContent()) ?? '').includes('Lãnh đạo'));

    await row.getByRole('button', { name: `Khoá tài khoản của ${INVITEE.name}` }).click();
    await page.getByText('đăng xuất trên mọi thiết bị', { exact: false }).waitFor();
    await shot(page, 'disable-confirm');
    await page.getByRole('tooltip').getByRole('button', { name: 'Khoá' }).click();
    await page.getByText(`Đã khoá tài khoản của ${INVITEE.name}.`).waitFor();
    await until('disabled', async () => ((await row.textContent()) ?? '').includes('Đã khoá'));
    await page.reload();
    await page.getByTestId('users-table').waitFor();
    await page.getByLabel('Tìm người dùng').fill(INVITEE.email);
    const after = page.getByRole('row').filter({ hasText: INVITEE.email });
    expect(await after.textContent()).toContain('Lãnh đạo');
    expect(await after.textContent()).toContain('Đã khoá');
    await checkPhone('users', () => page.getByTestId('users-table').waitFor());
  });

  test('changes a reminder setting and sees the preview follow', async () => {
    await page.goto(`${web}/admin/reminders?cycle=cycle-2023`);
    await page.getByRole('heading', { name: 'Nhắc việc', level: 1 }).waitFor();
    const policy = page.getByTestId('reminder-policy');
    await policy.getByLabel('Bật nhắc việc').waitFor();
    // A date the seeded plan owes work on: tasks are overdue, so there is something to say.
    await pickDate('Ngày (dd/mm/yyyy)', '04/12/2023');
    const result = page.getByTestId('preview-result');
    await until('preview of 04/12/2023', async () =>
      ((await result.textContent()) ?? '').includes('Ngày 04/12/2023:'),
    );
    const count = async () =>
      Number(/Ngày 04\/12\/2023: (\d+) thư/.exec((await result.textContent()) ?? '')?.[1]);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await page
      .getByRole('button', { name: /^Xem nội dung thư gửi/ })
      .first()
      .click();
    await page.locator('.mc-message-text').first().waitFor();
    await expectClean(page, 'reminders 1366');
    await shot(page, 'reminders-preview');

    // Reminders off: the preview of the same date has nothing to send.
    const enabled = policy.getByLabel('Bật nhắc việc');
    expect(await enabled.getAttribute('aria-checked')).toBe('true');
    await enabled.click();
    await policy.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByText('Đã lưu thiết lập nhắc việc.', { exact: false }).waitFor();
    await until('preview empty', async () => (await count()) === 0);
    await page.getByText('Nhắc việc của kỳ này đang tắt', { exact: false }).waitFor();
    await until(
      'form shows the saved state',
      async () => (await enabled.getAttribute('aria-checked')) === 'false',
    );
    await shot(page, 'reminders-off');

    // On again, and a malformed extra day off is refused on its field.
    await policy.getByLabel('Bật nhắc việc').click();
    const holidays = policy.getByLabel('Ngày nghỉ thêm của cơ quan');
    await holidays.fill('32/12/2023');
    await holidays.press('Enter');
    await policy.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await policy.getByText('Mỗi ngày phải có dạng dd/mm/yyyy và là ngày có thật.').waitFor();
    await policy
      .locator('.ant-form-item')
      .filter({ hasText: 'Ngày nghỉ thêm của cơ quan' })
      .locator('.ant-select-selection-item-remove')
      .click();
    await policy.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await until('preview back', async () => (await count()) === before);
    await shot(page, 'reminders-on-again');
    await checkPhone('reminders', () => page.getByTestId('preview-result').waitFor());
  });

  test('opens the outbox: empty in a fresh stack, with the date filter and the local mailbox link', async () => {
    await page.goto(`${web}/admin/outbox`);
    await page.getByRole('heading', { name: 'Thư nhắc việc đã gửi', level: 1 }).waitFor();
    const outbox = page.getByTestId('outbox');
    await outbox.waitFor();
    const link = page.getByTestId('mailbox-link');
    expect(await link.getAttribute('href')).toMatch(
      /^http:\/\/(localhost|127\.0\.0\.1):\d+\/\?date=\d{4}-\d{2}-\d{2}$/,
    );
    await pickDate('Ngày (dd/mm/yyyy)', '04/12/2023');
    await outbox.getByText('Không có thư nào được lưu ngày 04/12/2023.').waitFor();
    expect(await link.getAttribute('href')).toContain('?date=2023-12-04');
    await expectClean(page, 'outbox 1366');
    await shot(page, 'outbox');
    await checkPhone('outbox', () => page.getByTestId('outbox').waitFor());
  });

  test('English from the switch; no console errors along the way', async () => {
    await page.goto(`${web}/admin/users`);
    await page.getByTestId('users-table').waitFor();
    await page.getByText('EN', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'Users and roles', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Invite a user' }).waitFor();
    await expectClean(page, 'users en 1366');
    await shot(page, 'users-en');
    await page.getByText('VI', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'Người dùng và vai trò', level: 1 }).waitFor();
    // The duplicate invitation's 409 is expected (the browser logs every 4xx); nothing else may appear.
    expect(s.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });
});
