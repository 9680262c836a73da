/**
 * Builds the web app, then starts the real local stack (DynamoDB Local in memory, s3rver in a temp folder,
 * issuer, gateway, and the built app served with its production CSP) on free ports for the browser journeys.
 * Torn down after: no java, node or chromium process is left behind.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { checkJava, freePort } from '#infra/local/engines.ts';
import { REPO_ROOT, startLocalStack } from '#infra/local/stack.ts';
import { CHROMIUM } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { web: string; api: string; auth: string };
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package (as root): apt-get update && apt-get install -y chromium`,
    );
  checkJava();
  // The build users get: vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(REPO_ROOT, 'web/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'minhchung-e2e-'));
  const ports = {
    dynamo: await freePort(),
    s3: await freePort(),
    api: await freePort(),
    auth: await freePort(),
    web: await freePort(),
  };
  const stack = await startLocalStack({ ports, dataDir, persist: false, seed: true, web: 'dist' });
  project.provide('e2e', { web: stack.urls.web, api: stack.urls.api, auth: stack.urls.auth });
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
