/**
 * Journey — an invited colleague's first sign-in: the admin invites them (API), the invitation carries a
 * temporary password (locally in the issuer's outbox, in AWS Cognito's e-mail); signing in with it asks for a
 * password of their own, checked against the pool's policy, and then lands on "Việc của tôi". The new
 * password works on the next sign-in; the temporary one no longer does. Screenshots: test/artifacts/e2e/first-sign-in/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { callApi, expectClean, tokenFor } from './journey.ts';

const { web, api, auth } = inject('e2e');
const EMAIL = `moi.${Date.now().toString(36)}@minhchung.local`;
const NAME = 'Đỗ Thị Mới Vào';
const NEW_PASSWORD = 'Sở-KHCN-2026-an-toàn';

let s: Session;
let page: Page;
let temporary = '';
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
  const messages = (await (await fetch(`${auth}/local/messages`)).json()) as { to: string; body: string }[];
  const invitation = messages.filter((m) => m.to === EMAIL).at(-1);
  temporary = /mật khẩu tạm thời: (\S+)\./.exec(invitation?.body ?? '')?.[1] ?? '';
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
});
