/**
 * What every journey does besides clicking: wait for a condition (playwright-core has no auto-retrying
 * expect), check a page is clean (no sideways scroll, every control labelled), sign in through the form, and
 * act "elsewhere" — another tab or another person — straight on the API with a real token.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
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

/** Signs in through the form (Vietnamese labels) and waits for the signed-in header. */
export async function signIn(page: Page, web: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(web);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
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

/** A token for someone with no browser in the journey (the local issuer speaks Cognito's InitiateAuth). */
export async function tokenFor(web: string, email: string, password = PASSWORD): Promise<string> {
  const config = (await (await fetch(`${web}/config.json`)).json()) as {
    auth: { endpoint: string; clientId: string };
  };
  const res = await fetch(config.auth.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: config.auth.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  });
  const body = (await res.json()) as { AuthenticationResult?: { IdToken: string } };
  if (!body.AuthenticationResult) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(body)}`);
  return body.AuthenticationResult.IdToken;
}
