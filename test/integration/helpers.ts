import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/demo-data.ts';

export const stack = inject('stack');

const tokens = new Map<string, string>();

/** Signs in through the local issuer's Cognito-shaped endpoint, like the web app does. */
export async function idToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = tokens.get(email);
  if (cached) return cached;
  const res = await fetch(stack.auth, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  });
  if (!res.ok) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { AuthenticationResult: { IdToken: string } };
  tokens.set(email, body.AuthenticationResult.IdToken);
  return body.AuthenticationResult.IdToken;
}

export const USERS = {
  admin: 'admin@minhchung.local',
  reviewer: 'thamdinh@minhchung.local',
  leader: 'lanhdao@minhchung.local',
  member: 'chuyenvien@minhchung.local',
} as const;

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = any>(
  method: string,
  path: string,
  opts: {
    as?: keyof typeof USERS | null;
    body?: unknown;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token ?? (opts.as === null ? undefined : await idToken(USERS[opts.as ?? 'member']));
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${stack.api}${path}`, {
    method,
    headers,
    body:
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body: body as T, headers: res.headers };
}

/** Polls until `check` returns a value (finalize runs asynchronously after the object lands, as in AWS). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
