/**
 * Starts the real local stack (DynamoDB Local in memory, s3rver in a temp folder, issuer, gateway) on free
 * ports once for the integration suite, and tears it down after: no java or node process is left behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { checkJava, freePort } from '../../infra/local/engines.ts';
import { startLocalStack } from '../../infra/local/stack.ts';

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

export default async function setup(project: TestProject) {
  checkJava();
  const dataDir = mkdtempSync(join(tmpdir(), 'minhchung-it-'));
  const ports = {
    dynamo: await freePort(),
    s3: await freePort(),
    api: await freePort(),
    auth: await freePort(),
    web: await freePort(),
  };
  const stack = await startLocalStack({ ports, dataDir, persist: false, seed: true });
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
  };
}
