/**
 * The whole local stack in one process: DynamoDB Local, s3rver, the local token issuer, the gateway and the
 * web server. `npm start` and the integration tests both use this, so tests run what developers run.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context, S3Event } from 'aws-lambda';
import { eventFunctions } from '#http/routes.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
import {
  ensureTable,
  freePort,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  type S3ObjectCreated,
  startDynamo,
  startS3,
} from './engines.ts';
import { startGateway } from './gateway.ts';
import { type Issuer, startIssuer } from './issuer.ts';
import { startLambdaFront } from './lambda-front.ts';
import { startMailbox } from './mailbox.ts';
import { startRedriveTimer } from './redrive-timer.ts';
import { startReminderTimer } from './reminder-timer.ts';
import { startS3Guard } from './s3-guard.ts';
import { startSnapshotTimer } from './snapshots.ts';
import { startWebServer, type WebMode } from './web-server.ts';

export interface LocalPorts {
  dynamo: number;
  s3: number;
  api: number;
  auth: number;
  web: number;
  /** The local mailbox page (reminder e-mails, invitations); absent: any free port. */
  mailbox?: number;
}

export interface LocalStackOptions {
  ports: LocalPorts;
  /** Folder for s3rver objects, the signing key and (when `persist`) DynamoDB's files. */
  dataDir: string;
  /** Keep DynamoDB data on disk (npm start) or in memory (tests). */
  persist: boolean;
  seed: boolean;
  /** Run reminders at each open cycle's send time, as the hourly schedule does in AWS (npm start). */
  reminderTimer?: boolean;
  /**
   * How to serve the web app: `dev` = Vite dev server with hot reload (npm start), `dist` = the production
   * build in web/dist (e2e tests; the default, which costs nothing when unused), `off` = no web server.
   */
  web?: WebMode | 'off';
  log?: (line: string) => void;
}

export interface LocalStack {
  urls: {
    api: string;
    web: string;
    auth: string;
    s3: string;
    dynamo: string;
    openapi: string;
    mailbox: string;
  };
  issuer: Issuer;
  tableName: string;
  bucket: string;
  /** Resolves once every object-created event so far has been finalized (tests wait on it). */
  finalizeIdle(): Promise<void>;
  /** Resolves once every export worker run started so far has finished. */
  exportsIdle(): Promise<void>;
  stop(): Promise<void>;
}

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const TABLE_NAME = 'minhchung-local';
export const BUCKET_NAME = 'minhchung-evidence-local';

/** S3 notifications URL-encode the key (spaces as '+'); s3rver hands it over raw. */
const encodeKey = (key: string) => encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');

export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const log = opts.log ?? (() => {});
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    stops.length = 0;
  };
  try {
    const dynamo = await startDynamo({
      port: opts.ports.dynamo,
      dataDir: opts.persist ? join(opts.dataDir, 'dynamodb') : undefined,
    });
    stops.push(dynamo.stop);
    const s3Endpoint = `http://localhost:${opts.ports.s3}`;

    // The handlers read their configuration from the environment, exactly as in Lambda.
    Object.assign(process.env, {
      STAGE: 'local',
      TABLE_NAME,
      BUCKET_NAME,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      S3_ENDPOINT: s3Endpoint,
    });
    // Before anything parses the environment (once per process): request-export starts the export worker, and
    // carry-forward hands its large copies to the redrive, with the real Lambda client, which locally reaches
    // this front.
    const lambdaFront = await startLambdaFront({
      port: await freePort(),
      repoRoot: REPO_ROOT,
      functions: [eventFunctions.buildExport.fn, eventFunctions.redriveUploads.fn],
      log,
    });
    Object.assign(process.env, {
      LAMBDA_ENDPOINT: lambdaFront.url,
      EXPORT_FUNCTION_NAME: eventFunctions.buildExport.fn,
      CARRY_COPY_FUNCTION_NAME: eventFunctions.redriveUploads.fn,
    });
    stops.push(lambdaFront.close);

    const table = await ensureTable(dynamo.endpoint, TABLE_NAME);
    log(`DynamoDB Local: table ${TABLE_NAME} ${table === 'created' ? 'created' : 'already there'}`);

    if (opts.seed) {
      const { seedDemo } = await import('./seed.ts');
      const seeded = await seedDemo();
      log(
        seeded.written
          ? `Demo data seeded (${seeded.written} records)`
          : 'Demo data already present, nothing written',
      );
    }

    const webUrl = `http://localhost:${opts.ports.web}`;
    const allowedOrigins = [webUrl, `http://127.0.0.1:${opts.ports.web}`];

    // s3rver's object-created events drive the same finalize handler S3 notifications invoke in AWS.
    const finalizeModule = pathToFileURL(join(REPO_ROOT, 'functions/finalize-upload/handler.ts')).href;
    const { handler: finalize } = (await import(finalizeModule)) as {
      handler: (e: S3Event, c: Context) => Promise<unknown>;
    };
    const inFlight = new Set<Promise<void>>();
    const deliver = async (event: S3ObjectCreated) => {
      const shaped = {
        Records: event.Records.map((r) => ({
          ...r,
          awsRegion: LOCAL_REGION,
          s3: { ...r.s3, object: { ...r.s3.object, key: encodeKey(r.s3.object.key) } },
        })),
      } as unknown as S3Event;
      // Lambda retries a failed asynchronous invocation twice; so do we.
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          await finalize(shaped, { awsRequestId: `local-${Date.now()}` } as Context);
          return;
        } catch (e) {
          log(`finalize failed (attempt ${attempt}/3): ${(e as Error).message}`);
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    };
    // s3rver listens on a private Unix socket; the verifying front takes the public port, so the bucket refuses
    // what S3 refuses and nothing reaches s3rver around it.
    const s3 = await startS3({
      dataDir: join(opts.dataDir, 's3'),
      bucket: BUCKET_NAME,
      allowedOrigins,
      onEvent: (event) => {
        if (!event.Records.some((r) => r.eventName.startsWith('ObjectCreated:'))) return;
        const p = deliver(event).finally(() => inFlight.delete(p));
        inFlight.add(p);
      },
    });
    stops.push(s3.stop);
    const guard = await startS3Guard({
      port: opts.ports.s3,
      upstreamSocket: s3.socketPath,
      credentials: LOCAL_CREDENTIALS,
    });
    stops.push(guard.close);

    const issuer = await startIssuer({
      port: opts.ports.auth,
      users: DEMO_USERS,
      password: DEMO_PASSWORD,
      keyFile: join(opts.dataDir, 'issuer-key.pem'),
      usersFile: opts.persist ? join(opts.dataDir, 'users.json') : undefined,
      log,
    });
    // The user-administration functions reach the issuer through the real Cognito SDK client.
    Object.assign(process.env, { USER_POOL_ID: issuer.poolId, COGNITO_ENDPOINT: issuer.endpoint });
    stops.push(issuer.close);

    const gateway = await startGateway({
      port: opts.ports.api,
      issuerUrl: issuer.issuerUrl,
      jwksUrl: issuer.jwksUrl,
      clientId: issuer.clientId,
      allowedOrigins,
      repoRoot: REPO_ROOT,
      version: '0.1.0',
    });
    stops.push(gateway.close);

    // Upload redrive (EventBridge Scheduler every 15 minutes in AWS): settles what finalize's attempts left.
    const redrive = startRedriveTimer({ repoRoot: REPO_ROOT, log });
    stops.push(redrive.stop);

    // Daily readiness snapshots (EventBridge Scheduler in AWS): at start, then hourly; idempotent per day.
    const snapshots = startSnapshotTimer({ repoRoot: REPO_ROOT, log });
    stops.push(snapshots.stop);

    // Reminders: the mailbox page reads the outbox. Started before the web app, whose config.json links to it.
    Object.assign(process.env, { MAILER: 'local', APP_URL: webUrl });
    const mailbox = await startMailbox({
      port: opts.ports.mailbox ?? (await freePort()),
      authUrl: issuer.endpoint,
    });
    stops.push(mailbox.close);

    const authUrl = `http://localhost:${opts.ports.auth}`;
    const webMode = opts.web ?? 'dist';
    if (webMode !== 'off') {
      const web = await startWebServer({
        port: opts.ports.web,
        root: join(REPO_ROOT, 'web'),
        mode: webMode,
        connectOrigins: [gateway.url, authUrl, s3Endpoint],
        config: {
          apiUrl: gateway.url,
          auth: { endpoint: authUrl, clientId: issuer.clientId, region: LOCAL_REGION },
          stage: 'local',
          // Local only: the sign-in page offers these; a deployed config.json never carries them.
          demo: {
            password: DEMO_PASSWORD,
            users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role, name: u.name })),
            // The sign-in page shows these accounts' current TOTP code (docs/access.md, "MFA").
            totp: DEMO_USERS.flatMap((u) => (u.totpSecret ? [{ email: u.email, secret: u.totpSecret }] : [])),
          },
          // Local only: the admin outbox links to the developer mailbox.
          mailboxUrl: mailbox.url,
        },
      });
      stops.push(web.close);
    }

    // Reminders: the timer plays EventBridge Scheduler (the mailbox started before the web app, above).
    if (opts.reminderTimer) {
      const timer = startReminderTimer({ repoRoot: REPO_ROOT, log });
      stops.push(async () => timer.stop());
    }

    return {
      urls: {
        api: gateway.url,
        web: webUrl,
        auth: `http://localhost:${opts.ports.auth}`,
        s3: s3Endpoint,
        dynamo: dynamo.endpoint,
        openapi: `${gateway.url}/openapi.json`,
        mailbox: mailbox.url,
      },
      issuer,
      tableName: TABLE_NAME,
      bucket: BUCKET_NAME,
      async finalizeIdle() {
        while (inFlight.size) await Promise.allSettled([...inFlight]);
      },
      exportsIdle: () => lambdaFront.idle(),
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
