/**
 * Starts the real local stack (DynamoDB Local in memory, s3rver in a temp folder, issuer, gateway) on free
 * ports once for the integration suite, and tears it down after: no java or node process is left behind.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { checkJava, freePort } from '#infra/local/engines.ts';
import { REPO_ROOT, startLocalStack } from '#infra/local/stack.ts';
import { findSecrets } from '#test/secrets.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: {
      api: string;
      auth: string;
      s3: string;
      dynamo: string;
      web: string;
      tableName: string;
      bucket: string;
      clientId: string;
      issuerUrl: string;
      /** The local issuer's signing key, so tests can mint expired or foreign-audience tokens. */
      issuerKeyFile: string;
    };
  }
}

/** Everything the stack and the handlers log during the run, kept as an artifact and checked for secrets. */
const LOG_FILE = join(REPO_ROOT, 'test/artifacts/integration-stack.log');

function teeConsole(): () => void {
  mkdirSync(join(REPO_ROOT, 'test/artifacts'), { recursive: true });
  writeFileSync(LOG_FILE, '');
  const methods = ['log', 'info', 'warn', 'error'] as const;
  const original = methods.map((m) => console[m]);
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      appendFileSync(
        LOG_FILE,
        `${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`,
      );
      original[i]!.apply(console, args);
    };
  });
  return () =>
    methods.forEach((m, i) => {
      console[m] = original[i]!;
    });
}

export default async function setup(project: TestProject) {
  checkJava();
  const restoreConsole = teeConsole();
  const dataDir = mkdtempSync(join(tmpdir(), 'minhchung-it-'));
  const ports = {
    dynamo: await freePort(),
    s3: await freePort(),
    api: await freePort(),
    auth: await freePort(),
    web: await freePort(),
  };
  const stack = await startLocalStack({
    ports,
    dataDir,
    persist: false,
    seed: true,
    log: (line) => console.log(`[stack] ${line}`),
  });
  project.provide('stack', {
    ...stack.urls,
    tableName: stack.tableName,
    bucket: stack.bucket,
    clientId: stack.issuer.clientId,
    issuerUrl: stack.issuer.issuerUrl,
    issuerKeyFile: join(dataDir, 'issuer-key.pem'),
  });
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    restoreConsole();
    // Handbook: no secrets in logs. Every token, key and password the run used must be absent from the log.
    const found = findSecrets(readFileSync(LOG_FILE, 'utf8'));
    if (found.length)
      throw new Error(`Secrets found in the integration log (${LOG_FILE}): ${found.join(', ')}`);
  };
}
