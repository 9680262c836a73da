/**
 * What every journey does besides clicking: wait for a condition (playwright-core has no auto-retrying
 * expect), check a page is clean (no sideways scroll, every control labelled), sign in through the form, and
 * act "elsewhere" — another tab or another person — straight on the API with a real token.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_USERS } from '#infra/local/demo-data.ts';
import { totp } from '#infra/local/totp.ts';
import { horizontalOverflow, unlabelledControls } from './browser.ts';

/** Every demo account's password (infra/local/demo-data.ts). */
export const PASSWORD = 'MinhChung@2026';

/** Polls `check` until it returns true; a throw counts as "not yet". */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

/** No sideways scroll and no unlabelled control on the page as it is now. */
export async function expectClean(page: Page, where: string): Promise<void> {
  const { overflow, culprits } = await horizontalOverflow(page);
  expect(
    overflow,
    `${where}: page scrolls sideways by ${overflow}px: ${culprits.join('; ')}`,
  ).toBeLessThanOrEqual(0);
  expect(await unlabelledControls(page), `${where}: unlabelled controls`).toEqual([]);
}

/** The TOTP secret of a demo account enrolled in two-step sign-in (the demo admin: docs/access.md, "MFA"). */
export const demoTotpSecret = (email: string) => DEMO_USERS.find((u) => u.email === email)?.totpSecret;

/**
 * After the password: an account with an authenticator is asked for its code (the demo admin's is computed
 * from its known secret, as the user's app would show it).
 */
export async function answerTotpIfAsked(page: Page, email: string, secret = demoTotpSecret(email)) {
  const codeForm = page.getByTestId('mfa-code-form');
  await until(
    'signed in, or asked for a code',
    async () => (await codeForm.isVisible()) || !new URL(page.url()).pathname.startsWith('/sign-in'),
  );
  if (!(await codeForm.isVisible())) return;
  if (!secret) throw new Error(`${email} is asked for a TOTP code and has no known secret`);
  await page.getByLabel('Mã xác thực (6 chữ số)').fill(totp(secret));
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
}

/** Signs in through the form (Vietnamese labels), with the code if asked, and waits for the signed-in header. */
export async function signIn(page: Page, web: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(web);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  if (demoTotpSecret(email)) await answerTotpIfAsked(page, email);
  await page.getByTestId('current-user').waitFor();
}

/** The ID token the page itself holds (sessionStorage `mc.session`). */
export const tokenOf = (page: Page): Promise<string> =>
  page.evaluate(
    () => JSON.parse((globalThis as any).sessionStorage.getItem('mc.session') ?? '{}').idToken as string,
  );

/** Calls the API with a token; a non-2xx answer fails the step with the method, path, status and body. */
export async function callApi<T>(
  api: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer as T;
}

/**
 * A token for someone with no browser in the journey (the local issuer speaks Cognito's InitiateAuth). An
 * enrolled demo admin answers the TOTP challenge and has the API check it, as the web app does after sign-in.
 */
export async function tokenFor(web: string, email: string, password = PASSWORD): Promise<string> {
  const config = (await (await fetch(`${web}/config.json`)).json()) as {
    apiUrl: string;
    auth: { endpoint: string; clientId: string };
  };
  const cognito = async (operation: string, body: unknown) => {
    const res = await fetch(config.auth.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
    return (await res.json()) as {
      AuthenticationResult?: { IdToken: string };
      ChallengeName?: string;
      Session?: string;
    };
  };
  let body = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: config.auth.clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  const secret = demoTotpSecret(email);
  if (body.ChallengeName === 'SOFTWARE_TOKEN_MFA' && secret) {
    body = await cognito('RespondToAuthChallenge', {
      ClientId: config.auth.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: body.Session,
      ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totp(secret) },
    });
    if (body.AuthenticationResult)
      await callApi(config.apiUrl, body.AuthenticationResult.IdToken, 'POST', '/v1/me/mfa');
  }
  if (!body.AuthenticationResult) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(body)}`);
  return body.AuthenticationResult.IdToken;
}
