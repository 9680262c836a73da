import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { StageSettings } from './stage-settings.ts';

/** Stages that deploy to AWS (`local` exists only for the local stack, see shared/config/env.ts). */
export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** Everything that differs between stages, decided in one place. */
export interface StageConfig {
  stage: Stage;
  /** What the operator set for this stage in cdk.json (region, web domain, mail, operator; docs/deploy.md). */
  settings: StageSettings;
  /**
   * The literal browser origins allowed by API CORS, bucket CORS and Cognito (exact `scheme://host[:port]`, no
   * path): the web app's custom domain, if any, then `settings.webOrigins`. Without a custom domain the stack
   * adds the CloudFront domain itself (a token, known only at deploy time).
   */
  webOrigins: string[];
  /** Stateful resources (table, buckets, user pool): kept in prod, destroyed with the stack in dev. */
  removalPolicy: RemovalPolicy;
  /** Deletion protection on the table and user pool, termination protection on the stack. */
  protect: boolean;
  logRetention: RetentionDays;
  /** How long S3 server access logs are kept. */
  accessLogExpiry: Duration;
  /** How long overwritten or deleted evidence versions stay recoverable. */
  noncurrentVersionExpiry: Duration;
  /** Lifetime of a presigned upload URL, passed to functions as UPLOAD_URL_TTL_SECONDS. */
  uploadUrlTtlSeconds: number;
  /** Default stage throttling of the HTTP API. */
  throttle: { burstLimit: number; rateLimit: number };
  /**
   * Reserved concurrency of each function that runs in the background, by its folder under functions/
   * (docs/operations.md): a ceiling, so a burst of uploads or exports cannot take the account's concurrency from
   * the API, and a floor, so they still run when the API is busy. API functions share what is left.
   */
  reservedConcurrency: Readonly<Record<string, number>>;
  /**
   * S3 server access logs of the evidence and web buckets, into their own bucket. Off in dev: S3 delivers them
   * on a best-effort basis, sometimes hours late, so a log bucket in a stack that is torn down cannot be deleted
   * reliably (docs/operations.md, "Tearing dev down").
   */
  serverAccessLogs: boolean;
}

/**
 * docs/operations.md, "Reserved concurrency": both stages together reserve 63 of the default account quota of
 * 1,000, and Lambda keeps at least 100 unreserved.
 */
export const RESERVED_CONCURRENCY: Record<Stage, Readonly<Record<string, number>>> = {
  prod: {
    'finalize-upload': 20,
    'scan-result': 10,
    'build-export': 10,
    'redrive-uploads': 3,
    'send-reminders': 5,
    'readiness-snapshot': 1,
  },
  dev: {
    'finalize-upload': 5,
    'scan-result': 2,
    'build-export': 2,
    'redrive-uploads': 2,
    'send-reminders': 2,
    'readiness-snapshot': 1,
  },
};

export const DEFAULT_WEB_ORIGINS = ['http://localhost:5173'];

export function parseStage(raw: unknown): Stage {
  const value = raw ?? 'dev';
  if (typeof value === 'string' && (STAGES as readonly string[]).includes(value)) return value as Stage;
  throw new Error(`Unknown stage ${JSON.stringify(value)}: use -c stage=dev or -c stage=prod`);
}

/**
 * `webOrigins` comes from cdk.json (array) or `-c webOrigins=https://a.example,https://b.example` (string).
 * Each must be a bare origin, because both CORS checks compare the Origin header exactly.
 */
export function parseWebOrigins(raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === '') return [...DEFAULT_WEB_ORIGINS];
  const list = Array.isArray(raw) ? raw : String(raw).split(',');
  const origins = list.map((o) => String(o).trim()).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new Error(`webOrigins: ${JSON.stringify(origin)} is not an origin like https://app.example.vn`);
    }
  }
  if (origins.length === 0) throw new Error('webOrigins is empty');
  return origins;
}

export function stageConfig(stage: Stage, settings: StageSettings): StageConfig {
  const prod = stage === 'prod';
  return {
    stage,
    settings,
    webOrigins: [...(settings.webDomain ? [`https://${settings.webDomain}`] : []), ...settings.webOrigins],
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    protect: prod,
    logRetention: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    accessLogExpiry: prod ? Duration.days(365) : Duration.days(30),
    noncurrentVersionExpiry: prod ? Duration.days(365) : Duration.days(30),
    uploadUrlTtlSeconds: 900,
    throttle: { burstLimit: 100, rateLimit: 50 },
    reservedConcurrency: RESERVED_CONCURRENCY[stage],
    serverAccessLogs: prod,
  };
}
