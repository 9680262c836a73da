/**
 * Local stand-in for the Cognito user pool: username + password sign-in that issues RS256 ID/access tokens
 * with Cognito's claim names, refresh tokens, and a JWKS. It speaks the two InitiateAuth flows the web app
 * uses (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH) in Cognito's own JSON shape, so the same client code signs in
 * locally and in AWS. Local only: never deployed.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { dirname } from 'node:path';
import { CLAIMS } from '../../shared/domain/actor.ts';
import type { DemoUser } from './demo-data.ts';

export const LOCAL_POOL_ID = 'local_MinhChung';
export const LOCAL_CLIENT_ID = 'minhchung-web-local';

export interface IssuerOptions {
  port: number;
  users: DemoUser[];
  password: string;
  /** Where the signing key is kept so tokens survive a restart of the local stack. */
  keyFile: string;
  idTokenSeconds?: number;
  refreshTokenSeconds?: number;
}

export interface Issuer {
  issuerUrl: string;
  jwksUrl: string;
  clientId: string;
  /** Signs a token for tests (expired, other audience, …) with the issuer's real key. */
  signToken(claims: Record<string, unknown>, key?: KeyObject): string;
  /** Direct sign-in without HTTP, for tests and scripts. */
  signIn(email: string, password: string): TokenSet | undefined;
  close(): Promise<void>;
}

export interface TokenSet {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

function loadKey(file: string): KeyObject {
  if (existsSync(file)) return createPrivateKey(readFileSync(file));
  mkdirSync(dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return privateKey;
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startIssuer(opts: IssuerOptions): Promise<Issuer> {
  const privateKey = loadKey(opts.keyFile);
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = createHash('sha256').update(JSON.stringify(publicJwk)).digest('base64url').slice(0, 16);
  const issuerUrl = `http://localhost:${opts.port}/${LOCAL_POOL_ID}`;
  const jwks = { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] };
  const idSeconds = opts.idTokenSeconds ?? 3600;
  const refreshSeconds = opts.refreshTokenSeconds ?? 12 * 3600;
  const refreshTokens = new Map<string, { email: string; expiresAt: number }>();

  const signToken = (claims: Record<string, unknown>, key: KeyObject = privateKey): string => {
    const header = b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }));
    const payload = b64url(JSON.stringify(claims));
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
    return `${header}.${payload}.${b64url(signature)}`;
  };

  const tokensFor = (user: DemoUser, withRefresh: boolean): TokenSet => {
    const now = Math.floor(Date.now() / 1000);
    const base = { sub: user.sub, iss: issuerUrl, iat: now, auth_time: now, exp: now + idSeconds };
    const idToken = signToken({
      ...base,
      aud: LOCAL_CLIENT_ID,
      token_use: 'id',
      email: user.email,
      email_verified: true,
      name: user.name,
      'cognito:username': user.email,
      [CLAIMS.groups]: [user.role],
      ...(user.entityId ? { [CLAIMS.entity]: user.entityId } : {}),
      ...(user.unitId ? { [CLAIMS.unit]: user.unitId } : {}),
    });
    const accessToken = signToken({
      ...base,
      client_id: LOCAL_CLIENT_ID,
      token_use: 'access',
      scope: 'openid email profile',
      username: user.email,
      [CLAIMS.groups]: [user.role],
    });
    const set: TokenSet = {
      IdToken: idToken,
      AccessToken: accessToken,
      ExpiresIn: idSeconds,
      TokenType: 'Bearer',
    };
    if (withRefresh) {
      const refresh = randomBytes(32).toString('base64url');
      refreshTokens.set(refresh, { email: user.email, expiresAt: Date.now() + refreshSeconds * 1000 });
      set.RefreshToken = refresh;
    }
    return set;
  };

  const findUser = (email: string) => opts.users.find((u) => u.email === email.trim().toLowerCase());
  const signIn = (email: string, password: string) => {
    const user = findUser(email);
    return user && password === opts.password ? tokensFor(user, true) : undefined;
  };

  const server: Server = createServer(async (req, res) => {
    const origin = req.headers.origin;
    const cors: Record<string, string> = origin
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-headers': 'content-type, x-amz-target, x-amz-user-agent',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          vary: 'origin',
        }
      : {};
    const send = (status: number, body: unknown, type = 'application/x-amz-json-1.1') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...cors });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      if (req.method === 'GET' && req.url === `/${LOCAL_POOL_ID}/.well-known/jwks.json`)
        return send(200, jwks, 'application/json');
      if (req.method === 'GET' && req.url === `/${LOCAL_POOL_ID}/.well-known/openid-configuration`)
        return send(
          200,
          { issuer: issuerUrl, jwks_uri: `${issuerUrl}/.well-known/jwks.json` },
          'application/json',
        );
      if (
        req.method === 'POST' &&
        req.headers['x-amz-target'] === 'AWSCognitoIdentityProviderService.InitiateAuth'
      ) {
        const body = JSON.parse((await readBody(req)) || '{}') as {
          AuthFlow?: string;
          ClientId?: string;
          AuthParameters?: Record<string, string>;
        };
        if (body.ClientId !== LOCAL_CLIENT_ID)
          return send(400, {
            __type: 'ResourceNotFoundException',
            message: 'User pool client does not exist.',
          });
        const p = body.AuthParameters ?? {};
        if (body.AuthFlow === 'USER_PASSWORD_AUTH') {
          const tokens = signIn(p.USERNAME ?? '', p.PASSWORD ?? '');
          return tokens
            ? send(200, { AuthenticationResult: tokens, ChallengeParameters: {} })
            : send(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
        }
        if (body.AuthFlow === 'REFRESH_TOKEN_AUTH') {
          const entry = refreshTokens.get(p.REFRESH_TOKEN ?? '');
          const user = entry && entry.expiresAt > Date.now() ? findUser(entry.email) : undefined;
          return user
            ? send(200, { AuthenticationResult: tokensFor(user, false), ChallengeParameters: {} })
            : send(400, { __type: 'NotAuthorizedException', message: 'Refresh Token has expired' });
        }
        return send(400, {
          __type: 'InvalidParameterException',
          message: `Unsupported AuthFlow ${body.AuthFlow}`,
        });
      }
      send(404, { __type: 'NotFound', message: 'Not found' }, 'application/json');
    } catch {
      send(400, { __type: 'InvalidParameterException', message: 'Malformed request' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });

  return {
    issuerUrl,
    jwksUrl: `${issuerUrl}/.well-known/jwks.json`,
    clientId: LOCAL_CLIENT_ID,
    signToken,
    signIn,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
