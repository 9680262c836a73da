/**
 * Journey — an invited colleague's first sign-in: the admin invites them (API), the invitation carries a
 * temporary password (locally in the issuer's outbox, in AWS Cognito's e-mail); signing in with it asks for a
 * password of their own, checked against the pool's policy, and then lands on "Việc của tôi". The new
 * password works on the next sign-in; the temporary one no longer does. Later they forget it and reset it
 * with the code e-mailed to them. Screenshots: test/artifacts/e2e/first-sign-in/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { callApi, expectClean, tokenFor } from './journey.ts';

const { web, api, auth } = inject('e2e');
const EMAIL = `moi.${Date.now().toString(36)}@minhchung.local`;
const NAME = 'Đỗ Thị Mới Vào';
const NEW_PASSWORD = 'Sở-KHCN-2026-an-toàn';
const RESET_PASSWORD = 'Đặt-lại-Mật-khẩu-2027';

let s: Session;
let page: Page;
let temporary = '';

/** The newest local e-mail to the new colleague whose body matches `pattern` (first group). */
async function fromMailbox(pattern: RegExp): Promise<string> {
  const messages = (await (await fetch(`${auth}/local/messages`)).json()) as { to: string; body: string }[];
  const found = messages
    .filter((m) => m.to === EMAIL)
    .map((m) => pattern.exec(m.body)?.[1])
    .filter(Boolean)
    .at(-1);
  return found ?? '';
}
const shot = screenshots('first-sign-in');

async function fillSignIn(email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

beforeAll(async () => {
  const admin = await tokenFor(web, 'admin@minhchung.local');
  await callApi(api, admin, 'POST', '/v1/users', {
    email: EMAIL,
    name: NAME,
    role: 'member',
    entityId: 'so-khcn-ninh-thuan',
    unitId: 'phong-qlcn',
  });
  temporary = await fromMailbox(/mật khẩu tạm thời: (\S+)\./);
  expect(temporary, 'the invitation carries a temporary password').not.toBe('');
  s = await openBrowser(PHONE);
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('an invited colleague signs in for the first time', () => {
  test('the temporary password leads to "choose your own", not to an error', async () => {
    await page.goto(web);
    await fillSignIn(EMAIL, temporary);
    await page.getByTestId('new-password-form').waitFor();
    expect(await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).count()).toBe(1);
    await expectClean(page, 'new password 390');
    await shot(page, 'new-password');
  });

  test('the policy, the repeat and the temporary password are checked on their fields', async () => {
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('khac');
    await page.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.getByText('Mật khẩu chưa đủ mạnh', { exact: false }).first().waitFor();
    await page.getByText('Hai mật khẩu chưa khớp.').waitFor();
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(temporary);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(temporary);
    await page.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.getByText('Mật khẩu mới phải khác mật khẩu tạm thời.').waitFor();
    await shot(page, 'new-password-errors');
  });

  test('a good password signs them in to "Việc của tôi"', async () => {
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Việc của tôi', level: 1 }).waitFor();
    await shot(page, 'signed-in');
  });

  test('next time the new password works and the temporary one does not', async () => {
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Email').waitFor();
    await fillSignIn(EMAIL, temporary);
    await page.getByText('Email hoặc mật khẩu không đúng.').waitFor();
    await fillSignIn(EMAIL, NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Việc của tôi', level: 1 }).waitFor();
    await shot(page, 'signed-in-again');
    expect(s.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });

  test('a forgotten password is reset with the e-mailed code', async () => {
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { name: 'Đặt lại mật khẩu' }).waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await page.getByTestId('reset-password-form').waitFor();
    await expectClean(page, 'reset 390');
    const code = await fromMailbox(/Mã đặt lại mật khẩu Minh Chứng: (\d{6})/);
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('Mã xác nhận (6 chữ số)').fill(wrong);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(RESET_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(RESET_PASSWORD);
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByText('Mã xác nhận không đúng.', { exact: false }).waitFor();
    await shot(page, 'reset-wrong-code');
    await page.getByLabel('Mã xác nhận (6 chữ số)').fill(code);
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByText('Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu đó.').waitFor();
    await shot(page, 'reset-done');
    await fillSignIn(EMAIL, NEW_PASSWORD);
    await page.getByText('Email hoặc mật khẩu không đúng.').waitFor();
    await fillSignIn(EMAIL, RESET_PASSWORD);
    await page.getByRole('heading', { name: 'Việc của tôi', level: 1 }).waitFor();
    expect(s.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });
});
