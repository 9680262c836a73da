/**
 * `npm run smoke` (infra/admin/smoke.ts) against the local stack, run as the operator runs it: the CLI in its own
 * process, finding the stack through the web server's /config.json. Every step passes and its evidence ends in
 * the bin; and when finalize never comes — a bucket whose object-created events reach nothing, the notification
 * a broken deploy lacks — it exits 1 naming that step, skips the rest and still bins what it made.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { STEP_IDS, STEP_LABELS, type StepId } from '#infra/admin/smoke.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '#infra/local/demo-data.ts';
import { freePort, LOCAL_CREDENTIALS, LOCAL_REGION, startS3 } from '#infra/local/engines.ts';
import { startGateway } from '#infra/local/gateway.ts';
import { startS3Guard } from '#infra/local/s3-guard.ts';
import { REPO_ROOT } from '#infra/local/stack.ts';
import { startWebServer } from '#infra/local/web-server.ts';
import { ENTITY, newCycle } from './evidence-helpers.ts';
import { api, stack } from './helpers.ts';

function runSmokeCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { MC_SMOKE_EMAIL: _e, MC_SMOKE_PASSWORD: _p, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['infra/admin/smoke.ts', ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const line = (mark: '✓' | '✗' | '–', id: StepId) =>
  new RegExp(`^  ${mark} ${literal(STEP_LABELS[id])} `, 'm');

/** The smoke's evidence in a cycle: what lists show (nothing once binned) and what the bin holds. */
async function smokeEvidence(cycleId: string) {
  const q = `/v1/cycles/${cycleId}/evidence?entityId=${ENTITY}`;
  const listed = await api('GET', q, { as: 'member' });
  const binned = await api('GET', `${q}&deleted=only`, { as: 'member' });
  expect(listed.status).toBe(200);
  expect(binned.status).toBe(200);
  return { listed: listed.body.items, binned: binned.body.items };
}

describe('npm run smoke -- --stage local', () => {
  it('passes every step, prints no secret, and leaves its evidence only in the bin', async () => {
    const cycleId = await newCycle(2077);
    const run = await runSmokeCli([
      '--stage',
      'local',
      '--web-url',
      stack.web,
      '--cycle',
      cycleId,
      '--timeout',
      '30',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const id of STEP_IDS) expect(run.stdout).toMatch(line('✓', id));
    expect(run.stdout).not.toContain('✗');
    expect(run.stdout).toMatch(/all 9 steps passed/);
    expect(run.stdout).toMatch(/pending_upload → available/);
    // No password, token or presigned signature in what an operator may paste into a ticket.
    expect(run.stdout + run.stderr).not.toContain(DEMO_PASSWORD);
    expect(run.stdout + run.stderr).not.toMatch(/eyJ|X-Amz-Signature/);

    const { listed, binned } = await smokeEvidence(cycleId);
    expect(listed).toEqual([]);
    expect(binned).toHaveLength(1);
    expect(binned[0]).toMatchObject({ state: 'available', documentType: 'khac' });
    expect(binned[0].deletedAt).toBeTruthy();
  }, 60_000);
});

describe('npm run smoke when finalize never completes', () => {
  // A second bucket engine and gateway: same table and issuer, but the bucket's object-created events go nowhere.
  const dir = mkdtempSync(join(tmpdir(), 'mc-smoke-'));
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it('exits 1 naming the finalize step, skips what follows and still bins the evidence', async () => {
    const cycleId = await newCycle(2078);
    const s3 = await startS3({
      dataDir: join(dir, 's3'),
      bucket: stack.bucket,
      allowedOrigins: [stack.web],
      onEvent: () => {},
    });
    stops.push(s3.stop);
    const s3Port = await freePort();
    const guard = await startS3Guard({
      port: s3Port,
      upstreamSocket: s3.socketPath,
      credentials: LOCAL_CREDENTIALS,
    });
    stops.push(guard.close);
    // The gateway runs the handlers in this process: they read this environment, as in Lambda.
    for (const [k, v] of Object.entries({
      STAGE: 'local',
      TABLE_NAME: stack.tableName,
      BUCKET_NAME: stack.bucket,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      DYNAMODB_ENDPOINT: stack.dynamo,
      S3_ENDPOINT: `http://localhost:${s3Port}`,
    }))
      vi.stubEnv(k, v);
    const gateway = await startGateway({
      port: await freePort(),
      issuerUrl: stack.issuerUrl,
      jwksUrl: `${stack.issuerUrl}/.well-known/jwks.json`,
      clientId: stack.clientId,
      allowedOrigins: [],
      repoRoot: REPO_ROOT,
      version: 'test',
    });
    stops.push(gateway.close);
    const web = await startWebServer({
      port: await freePort(),
      root: join(REPO_ROOT, 'web'),
      mode: 'dist',
      connectOrigins: [],
      config: {
        apiUrl: gateway.url,
        auth: { endpoint: stack.auth, clientId: stack.clientId, region: LOCAL_REGION },
        stage: 'local',
        demo: { password: DEMO_PASSWORD, users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role })) },
      },
    });
    stops.push(web.close);

    const run = await runSmokeCli([
      '--stage',
      'local',
      '--web-url',
      web.url,
      '--cycle',
      cycleId,
      '--timeout',
      '3',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    for (const id of ['config', 'sign-in', 'me', 'pick', 'request-upload', 'put'] as const)
      expect(run.stdout).toMatch(line('✓', id));
    expect(run.stdout).toMatch(line('✗', 'finalize'));
    expect(run.stdout).toMatch(/not available after 3\.0 s \(pending_upload\)/);
    expect(run.stdout).toMatch(line('–', 'readiness'));
    expect(run.stdout).toMatch(line('✓', 'cleanup'));
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/failed at step "finalize"/);

    const { listed, binned } = await smokeEvidence(cycleId);
    expect(listed).toEqual([]);
    expect(binned).toHaveLength(1);
    expect(binned[0]).toMatchObject({ state: 'pending_upload', documentType: 'khac' });
  }, 60_000);
});
