import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { ActorScope, Role } from '#domain/actor.ts';
import type { UserProfile } from '#domain/user.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '#infra/local/demo-data.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/engines.ts';
import { totp } from '#infra/local/totp.ts';

export const stack = inject('stack');

const tokens = new Map<string, string>();

/** One call of the local issuer's Cognito JSON API; a 4xx throws with Cognito's error type. */
export async function cognito(operation: string, body: unknown): Promise<any> {
  const res = await fetch(stack.auth, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as any;
  if (!res.ok)
    throw Object.assign(new Error(`${operation}: ${JSON.stringify(answer)}`), { type: answer.__type });
  return answer;
}

/**
 * Signs in through the local issuer's Cognito-shaped endpoint, like the web app does: a demo admin answers the
 * TOTP challenge with a code of their known secret, then has the API check it (POST /v1/me/mfa), as the web
 * app does after every admin sign-in (docs/access.md, "MFA").
 */
export async function idToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = tokens.get(email);
  if (cached) return cached;
  const first = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  let result = first.AuthenticationResult as { IdToken: string } | undefined;
  if (first.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
    const secret = DEMO_USERS.find((u) => u.email === email)?.totpSecret;
    if (!secret) throw new Error(`${email} is asked for a TOTP code and has no known secret`);
    const done = await cognito('RespondToAuthChallenge', {
      ClientId: stack.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: first.Session,
      ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totp(secret) },
    });
    result = done.AuthenticationResult;
    const checked = await fetch(`${stack.api}/v1/me/mfa`, {
      method: 'POST',
      headers: { authorization: `Bearer ${result!.IdToken}` },
    });
    if (!checked.ok)
      throw new Error(`MFA check failed for ${email}: ${checked.status} ${await checked.text()}`);
  }
  if (!result) throw new Error(`sign-in of ${email} stopped at ${first.ChallengeName}`);
  tokens.set(email, result.IdToken);
  return result.IdToken;
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

/**
 * Signs claims with the local issuer's key and its real `kid`, so only what a test changes differs from a real
 * ID token. Times default to now and an hour from now; pass `undefined` to leave one out.
 */
export async function mintToken(claims: Record<string, unknown>): Promise<string> {
  const real = await idToken(USERS.member);
  const header = JSON.parse(Buffer.from(real.split('.')[0]!, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: stack.issuerUrl,
    aud: stack.clientId,
    token_use: 'id',
    iat: now,
    exp: now + 3600,
    ...claims,
  };
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${enc(header)}.${enc(payload)}`;
  const key = createPrivateKey(readFileSync(stack.issuerKeyFile));
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), key).toString('base64url')}`;
}

/** This process's adapters pointed at the stack's DynamoDB Local (as the handlers are). */
export async function userRepository() {
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: stack.tableName,
    BUCKET_NAME: stack.bucket,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    DYNAMODB_ENDPOINT: stack.dynamo,
    S3_ENDPOINT: stack.s3,
  });
  return (await import('#adapters/dynamo/user-repository.ts')).userRepository;
}

/**
 * A user the API knows: their profile is stored (the API takes role and reach from it, never from the token)
 * and a token the issuer's key signs names them. For roles, scopes and subjects the demo users do not cover.
 */
export async function profileToken(p: {
  userId: string;
  role: Role;
  entityId?: string;
  unitId?: string;
  scope?: ActorScope;
  name?: string;
}): Promise<string> {
  const users = await userRepository();
  const email = `${p.userId}@minhchung.local`.toLowerCase();
  let stored = await users.get(p.userId);
  if (!stored) {
    const at = new Date().toISOString();
    const profile: UserProfile = {
      email,
      name: p.name ?? p.userId,
      ...p,
      enabled: true,
      // Admins act only with a second factor the directory confirmed after their sign-in (below: auth_time).
      ...(p.role === 'admin' ? { mfa: { enabled: true, checkedAt: at } } : {}),
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await users.create(profile, {
      auditId: `test-${p.userId}-${Date.now()}`,
      at,
      actor: { userId: 'test', role: 'admin' },
      action: 'user.seed',
      subject: `user/${p.userId}`,
    });
    stored = profile;
  }
  const checkedAt = stored.mfa ? Math.floor(Date.parse(stored.mfa.checkedAt) / 1000) : undefined;
  return mintToken({
    sub: p.userId,
    email,
    'cognito:groups': [p.role],
    // Signed in no later than the MFA check, as after a real sign-in and POST /v1/me/mfa.
    ...(checkedAt !== undefined ? { iat: checkedAt, auth_time: checkedAt } : {}),
  });
}

export interface InvitedUser {
  userId: string;
  email: string;
  version: number;
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

/** Invites a user as the demo admin, then signs in with the mailed temporary password and chooses `password`. */
export async function inviteAndSignIn(
  tag: string,
  placement: Record<string, unknown>,
  password = DEMO_PASSWORD,
): Promise<InvitedUser> {
  const email = `${tag}+${Date.now()}${Math.random().toString(36).slice(2, 6)}@minhchung.local`;
  const created = await api('POST', '/v1/users', {
    as: 'admin',
    body: { email, name: `Người dùng ${tag}`, ...placement },
  });
  if (created.status !== 201) throw new Error(`invite failed: ${JSON.stringify(created.body)}`);
  const messages = (await (await fetch(`${stack.auth}/local/messages`)).json()) as {
    to: string;
    body: string;
  }[];
  const temp = /mật khẩu tạm thời: (\S+?)\. /.exec(
    messages.filter((m) => m.to === email).at(-1)?.body ?? '',
  )?.[1];
  const first = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.clientId,
    AuthParameters: { USERNAME: email, PASSWORD: temp },
  });
  const done = await cognito('RespondToAuthChallenge', {
    ClientId: stack.clientId,
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: first.Session,
    ChallengeResponses: { USERNAME: email, NEW_PASSWORD: password },
  });
  return {
    userId: created.body.userId,
    email,
    version: created.body.version,
    idToken: done.AuthenticationResult.IdToken,
    accessToken: done.AuthenticationResult.AccessToken,
    refreshToken: done.AuthenticationResult.RefreshToken,
  };
}
