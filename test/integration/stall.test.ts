/**
 * Storage faults answer fast (docs/architecture.md): while DynamoDB Local is paused (SIGSTOP, as a stalled
 * database looks to its clients) API requests get a 503 in both languages within ~3 s instead of hanging, and
 * succeed again once it resumes. S3 calls on the request profile give up as fast; the streaming profile waits
 * out the silence. The local gateway answers as API Gateway does when a handler outlives the integration
 * limit, and refuses a token without `exp` as the JWT authorizer does.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '#infra/local/engines.ts';
import { INTEGRATION_TIMEOUT_MS, startGateway } from '#infra/local/gateway.ts';
import { api, eventually, idToken, stack, USERS } from './helpers.ts';
import { dynamoLocalPid } from './stack-process.ts';

const REQUEST_LIMIT_MS = 3_500;

describe('a stalled database', () => {
  it('answers 503 in both languages within ~3 s while paused, and serves again once it resumes', async () => {
    const path = '/v1/cycles/cycle-2023';
    expect((await api('GET', path, { as: 'admin' })).status).toBe(200);

    const pid = dynamoLocalPid(Number(new URL(stack.dynamo).port));
    const answers: { status: number; ms: number; body: any }[] = [];
    process.kill(pid, 'SIGSTOP');
    try {
      const pausedAt = Date.now();
      while (Date.now() - pausedAt < 12_000) {
        const t0 = Date.now();
        const res = await api('GET', path, { as: 'admin' });
        answers.push({ status: res.status, ms: Date.now() - t0, body: res.body });
      }
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect(answers.length).toBeGreaterThanOrEqual(3);
    for (const a of answers) {
      expect(a.status, JSON.stringify(a)).toBe(503);
      expect(a.ms, JSON.stringify(a)).toBeLessThanOrEqual(REQUEST_LIMIT_MS);
      expect(a.body.error.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(a.body.error.message.vi).toMatch(/thử lại/);
      expect(a.body.error.message.en).toMatch(/try again/);
    }
    // Resumed: the same request is served again (the first may still meet a connection the pause broke).
    await eventually(async () =>
      (await api('GET', path, { as: 'admin' })).status === 200 ? true : undefined,
    );
  }, 60_000);
});

describe('object store profiles against a silent S3', () => {
  // Accepts connections and never answers: a stalled dependency, as a client sees it.
  const sockets = new Set<Socket>();
  const silent = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('request profile: a 503-mapped error within ~3 s; stream profile: still waiting, cut by nothing but silence', async () => {
    const port = await freePort();
    await new Promise<void>((r) => silent.listen(port, '127.0.0.1', () => r()));
    vi.resetModules();
    vi.stubEnv('TABLE_NAME', stack.tableName);
    vi.stubEnv('BUCKET_NAME', stack.bucket);
    vi.stubEnv('AWS_REGION', 'ap-southeast-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
    vi.stubEnv('S3_ENDPOINT', `http://127.0.0.1:${port}`);
    const { objectStore, streamingObjectStore } = await import('#adapters/s3/object-store.ts');
    const { DependencyUnavailableError } = await import('#domain/errors.ts');

    const t0 = Date.now();
    const streaming = streamingObjectStore.head('evidence/silent').then(
      () => 'answered',
      () => 'failed',
    );
    const err = await objectStore.head('evidence/silent').catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThanOrEqual(REQUEST_LIMIT_MS);
    expect(err).toBeInstanceOf(DependencyUnavailableError);

    // Well past the request budget, the streaming call is still waiting for the first byte.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await Promise.race([streaming, Promise.resolve('pending')])).toBe('pending');
    // The server goes away: now it fails (refused), instead of waiting out its idle limit.
    for (const s of sockets) s.destroy();
    silent.close();
    expect(await streaming).toBe('failed');
  }, 60_000);
});

describe('local gateway limits (as API Gateway HTTP API)', () => {
  // Fixture handlers behind a gateway of our own: one slower than the limit, one that answers at once.
  const root = mkdtempSync(join(tmpdir(), 'mc-gateway-'));
  const fixture = (fn: string, body: string) => {
    mkdirSync(join(root, 'functions', fn), { recursive: true });
    writeFileSync(join(root, 'functions', fn, 'handler.ts'), body);
  };
  fixture(
    'list-cycles',
    `export const handler = () => new Promise((r) => setTimeout(() => r({ statusCode: 200, body: '{"late":true}' }), 3000));\n`,
  );
  fixture('get-me', `export const handler = async () => ({ statusCode: 200, body: '{"ok":true}' });\n`);
  let gateway: { url: string; close(): Promise<void> } | undefined;
  const start = async () => {
    gateway ??= await startGateway({
      port: await freePort(),
      issuerUrl: stack.issuerUrl,
      jwksUrl: `${stack.issuerUrl}/.well-known/jwks.json`,
      clientId: stack.clientId,
      allowedOrigins: [],
      repoRoot: root,
      version: 'test',
      integrationTimeoutMs: 1_000,
    });
    return gateway;
  };
  afterAll(async () => {
    await gateway?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('waits 30 s by default, then answers 503 {"message":"Service Unavailable"} like an HTTP API', async () => {
    expect(INTEGRATION_TIMEOUT_MS).toBe(30_000);
    const gw = await start();
    const t0 = Date.now();
    const res = await fetch(`${gw.url}/v1/cycles`, {
      headers: { authorization: `Bearer ${await idToken(USERS.admin)}` },
    });
    const ms = Date.now() - t0;
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ message: 'Service Unavailable' });
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(2_900);
  });

  it('refuses a correctly signed token that has no exp', async () => {
    const gw = await start();
    const real = await idToken(USERS.member);
    const [h, p] = real.split('.');
    const kid = JSON.parse(Buffer.from(h!, 'base64url').toString()).kid;
    const { exp: _exp, ...claims } = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const key = createPrivateKey(readFileSync(stack.issuerKeyFile));
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const mint = (c: Record<string, unknown>) => {
      const head = `${enc({ alg: 'RS256', kid, typ: 'JWT' })}.${enc(c)}`;
      return `${head}.${sign('RSA-SHA256', Buffer.from(head), key).toString('base64url')}`;
    };
    const me = (token: string) => fetch(`${gw.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    // Control: the same claims with their exp pass the gateway.
    expect((await me(mint({ ...claims, exp: _exp }))).status).toBe(200);
    expect((await me(mint(claims))).status).toBe(401);
  });
});
