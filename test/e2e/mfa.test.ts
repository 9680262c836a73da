/**
 * Journey — two-step sign-in for a new administrator (docs/access.md, "MFA"). Invited and signed in with a
 * password only, the admin is sent to "Bảo mật" before anything else; they scan (here: read) the key, confirm
 * the first code and return to the page they asked for. Signed out and in again, the password is not enough:
 * a wrong code is refused in Vietnamese, the right one lets them in. In the people admin they see who has
 * two-step verification and reset it for a colleague who lost their phone. Layout at 1366×768 and 390 px,
 * every control labelled, the code step in English. Screenshots: test/artifacts/e2e/mfa/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { totp } from '#infra/local/totp.ts';
import { DESKTOP, openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { callApi, expectClean, PASSWORD, tokenFor, until } from './journey.ts';

const { web, api, auth } = inject('e2e');
const STAMP = Date.now().toString(36);
const ADMIN = `quan.tri.mfa.${STAMP}@minhchung.local`;
const COLLEAGUE = `mat.dien.thoai.${STAMP}@minhchung.local`;
const ADMIN_NAME = 'Hoàng Văn Hai Bước';
const COLLEAGUE_NAME = 'Vũ Thị Mất Máy';

let s: Session;
let page: Page;
let secret = '';
const shot = screenshots('mfa');

async function cognito(operation: string, body: unknown): Promise<any> {
  const res = await fetch(auth, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function temporaryPassword(email: string): Promise<string> {
  const messages = (await (await fetch(`${auth}/local/messages`)).json()) as { to: string; body: string }[];
  return (
    /mật khẩu tạm thời: (\S+?)\. /.exec(messages.filter((m) => m.to === email).at(-1)?.body ?? '')?.[1] ?? ''
  );
}

/** A colleague who set up an authenticator on their own (the same Cognito calls the Security page makes). */
async function enrolledColleague(adminToken: string): Promise<void> {
  await callApi(api, adminToken, 'POST', '/v1/users', {
    email: COLLEAGUE,
    name: COLLEAGUE_NAME,
    role: 'member',
    entityId: 'so-khcn-ninh-thuan',
    unitId: 'phong-qlcn',
  });
  const clientId = ((await (await fetch(`${web}/config.json`)).json()) as { auth: { clientId: string } }).auth
    .clientId;
  const first = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: COLLEAGUE, PASSWORD: await temporaryPassword(COLLEAGUE) },
  });
  const done = await cognito('RespondToAuthChallenge', {
    ClientId: clientId,
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: first.Session,
    ChallengeResponses: { USERNAME: COLLEAGUE, NEW_PASSWORD: PASSWORD },
  });
  const accessToken = done.AuthenticationResult.AccessToken as string;
  const { SecretCode } = await cognito('AssociateSoftwareToken', { AccessToken: accessToken });
  await cognito('VerifySoftwareToken', { AccessToken: accessToken, UserCode: totp(SecretCode) });
  await cognito('SetUserMFAPreference', {
    AccessToken: accessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
  await callApi(api, done.AuthenticationResult.IdToken, 'POST', '/v1/me/mfa');
}

async function fillSignIn(email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** A code none of the accepted steps (now ± 30 s) would show. */
function wrongCode(): string {
  const near = new Set([-30_000, 0, 30_000].map((d) => totp(secret, Date.now() + d)));
  return ['000000', '111111', '222222'].find((c) => !near.has(c))!;
}

beforeAll(async () => {
  const admin = await tokenFor(web, 'admin@minhchung.local');
  await callApi(api, admin, 'POST', '/v1/users', { email: ADMIN, name: ADMIN_NAME, role: 'admin' });
  await enrolledColleague(admin);
  s = await openBrowser(DESKTOP);
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('a new administrator turns on two-step verification and signs in with it', () => {
  test('signed in with a password only, the admin is sent to "Bảo mật" before anything else', async () => {
    await page.goto(`${web}/admin/users`);
    await fillSignIn(ADMIN, await temporaryPassword(ADMIN));
    await page.getByTestId('new-password-form').waitFor();
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(PASSWORD);
    await page.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Bảo mật', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/security');
    await page
      .getByText('Quản trị viên phải bật xác thực hai bước trước khi tiếp tục.', { exact: false })
      .waitFor();
    await page.getByTestId('mfa-status').getByText('Chưa bật').waitFor();
    // Any other page sends them back here.
    await page.goto(`${web}/admin/cycles`);
    await page.getByRole('heading', { name: 'Bảo mật', level: 1 }).waitFor();
    await expectClean(page, 'security required 1366');
    await shot(page, 'required');
  });

  test('the QR code and the key, a wrong first code refused, the right one turns it on and returns', async () => {
    await page.goto(`${web}/security?required=1&next=%2Fadmin%2Fusers`);
    await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
    const key = page.getByTestId('totp-secret');
    await key.waitFor();
    secret = ((await key.textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByRole('img', { name: /Mã QR để thêm tài khoản/ }).count()).toBe(1);
    await expectClean(page, 'enrol 1366');
    await shot(page, 'enrol');
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(wrongCode());
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByText('Mã chưa đúng hoặc đã hết hạn.', { exact: false }).waitFor();
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totp(secret));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page
      .getByRole('heading', { name: 'Người dùng và vai trò', level: 1 })
      .or(page.getByTestId('users-table'))
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    await shot(page, 'enrolled-back-to-page');
  });

  test('the Security page at 390 px: state, labels, nothing scrolls sideways', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${web}/security`);
    await page.getByTestId('mfa-status').getByText('Đang bật').waitFor();
    await page.getByText('Bắt buộc với quản trị viên.').waitFor();
    // Admins may move to another phone but not turn it off.
    expect(await page.getByRole('button', { name: 'Tắt xác thực hai bước' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Chuyển sang điện thoại khác' }).waitFor();
    await expectClean(page, 'security 390');
    await shot(page, 'security-phone');
    await page.setViewportSize(DESKTOP);
  });

  test('next sign-in: the password is not enough; a wrong code is refused, the right one lets them in', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Email').waitFor();
    await fillSignIn(ADMIN, PASSWORD);
    await page.getByTestId('mfa-code-form').waitFor();
    await page.getByRole('heading', { name: 'Xác thực hai bước' }).waitFor();
    await expectClean(page, 'code step 1366');
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(wrongCode());
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.getByText('Mã chưa đúng hoặc đã hết hạn.', { exact: false }).waitFor();
    await shot(page, 'code-wrong');
    // The same step, without typing the password again (the spent challenge is renewed).
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totp(secret));
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.getByTestId('current-user').waitFor();
    expect(new URL(page.url()).pathname).not.toBe('/security');
    await shot(page, 'signed-in-with-code');
  });

  test('the people admin shows who has two-step verification and resets a lost phone', async () => {
    await page.goto(`${web}/admin/users`);
    const table = page.getByTestId('users-table');
    await table.waitFor();
    await page.getByLabel('Tìm người dùng').fill(COLLEAGUE_NAME);
    const row = table.getByRole('row').filter({ hasText: COLLEAGUE_NAME });
    await row.getByText('Đã bật').waitFor();
    await row.getByRole('button', { name: `Đặt lại xác thực hai bước của ${COLLEAGUE_NAME}` }).click();
    await page.getByRole('button', { name: 'Đặt lại 2 bước', exact: true }).last().click();
    await page.getByText(`Đã đặt lại xác thực hai bước của ${COLLEAGUE_NAME}.`).waitFor();
    await row.getByText('Chưa bật').waitFor();
    await expectClean(page, 'people 1366');
    await shot(page, 'people-reset');
    // The colleague's next sign-in asks only for the password.
    const answer = await cognito('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: ((await (await fetch(`${web}/config.json`)).json()) as { auth: { clientId: string } }).auth
        .clientId,
      AuthParameters: { USERNAME: COLLEAGUE, PASSWORD },
    });
    expect(answer.ChallengeName).toBeUndefined();
    expect(answer.AuthenticationResult.IdToken).toBeTruthy();
  });

  test('the code step in English', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Email').waitFor();
    await fillSignIn(ADMIN, PASSWORD);
    await page.getByTestId('mfa-code-form').waitFor();
    await page.getByText('EN', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await page.getByLabel('Verification code (6 digits)').waitFor();
    await expectClean(page, 'code step en');
    await shot(page, 'code-step-en');
    await until(
      'the app still answers',
      async () => (await page.getByRole('button', { name: 'Verify' }).count()) === 1,
    );
    // Nothing but the refused codes and the one MFA-gated request before enrolment went wrong.
    expect(s.problems.filter((p) => !/status of (400|403)/.test(p))).toEqual([]);
  });
});
