/**
 * What an operator decides per stage, read from ONE checked file: `cdk.json`, context `stages.<stage>` (the
 * schema and every key are explained in docs/deploy.md, "Stage configuration"). A `-c key=value` flag may
 * override a key for one run; prod refuses to synthesize while a required value is missing or still an
 * `example.*` placeholder, so a forgotten flag or an unfilled file can never deploy localhost CORS, a
 * placeholder mail domain or another region into production. dev falls back to defaults.
 */
import { parseMailbox } from '#adapters/ses/mime.ts';
import { DEFAULT_WEB_ORIGINS, parseWebOrigins, type Stage } from './stage-config.ts';

/** A stage configuration that cannot be deployed: infra/app.ts prints its sentence alone, no stack trace. */
export class StageConfigError extends Error {
  override name = 'StageConfigError';
}

export interface MailSettings {
  /** Display name of reminders and Cognito's invitations, e.g. `Minh Chứng` (any Unicode; sent RFC 2047-encoded). */
  fromName: string;
  /** The sending address, e.g. `nhac-viec@minhchung.vn`; its part before @ must be ASCII. */
  fromAddress: string;
  /** The SES domain identity of `fromAddress`: the address's own domain (given in cdk.json only as a check). */
  domain: string;
  /**
   * Whether this stage creates (and owns) the SES identity of `domain`. Exactly one stage per domain may: a
   * second stage in the same account either uses its own subdomain or sets this to false and shares it.
   */
  createIdentity: boolean;
  /**
   * Whether SES already reports `domain` verified (its DKIM records are in DNS). Cognito refuses a sender it
   * cannot verify, so until then it sends from its own default address (a few dozen e-mails a day).
   */
  identityVerified: boolean;
  /** Optional custom MAIL FROM domain (a subdomain of `domain`, e.g. `bounce.minhchung.vn`) for SPF alignment. */
  mailFromDomain?: string;
}

export interface StageSettings {
  /** AWS region of the whole stack (SES, Cognito, Lambda…). */
  region: string;
  /** Optional: when set, the CLI refuses to deploy this stage into any other account. */
  account?: string;
  /** Optional custom domain of the web app (e.g. `minhchung.sokhcn.ninhthuan.gov.vn`); else the CloudFront domain. */
  webDomain?: string;
  /** ACM certificate for `webDomain`, in us-east-1 (CloudFront reads certificates only from there). */
  webCertificateArn?: string;
  /** Further browser origins allowed besides the web app's own (e.g. `http://localhost:5173` in dev). */
  webOrigins: string[];
  mail: MailSettings;
  /** Who runs this stage: Reply-To of every e-mail the app sends, DMARC reports, the SES production request. */
  operatorEmail: string;
  /** Hours after which an upload with no bytes is "upload not completed" (docs/evidence.md, "Recovery"). */
  uploadExpiryHours?: number;
  /** Optional generic webhook for reminders: endpoint and the SSM SecureString parameter with its secret. */
  webhook?: { url: string; secretParameter: string };
}

/** dev works out of the box (reminders to a domain nobody verified simply fail); prod has no defaults. */
const DEV_DEFAULTS = {
  region: 'ap-southeast-1',
  webOrigins: DEFAULT_WEB_ORIGINS,
  mail: {
    fromName: 'Minh Chứng (dev)',
    fromAddress: 'nhac-viec@dev.minhchung.example.vn',
    createIdentity: true,
    identityVerified: false,
  },
  operatorEmail: 'van-hanh@minhchung.example.vn',
} as const;

/** The keys prod must have, with a real value. */
const REQUIRED = ['region', 'mail.fromName', 'mail.fromAddress', 'operatorEmail'] as const;

/** `example.vn`, `minhchung.example.com`, `a@example.org`…: values copied from the documentation. */
const PLACEHOLDER = /(^|[.@/])example\.[a-z]+(\b|$)|^(|TODO|CHANGE[-_ ]?ME|xxx+)$/i;

type Json = Record<string, unknown>;
type Lookup = (key: string) => unknown;

const get = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), obj);

/** `-c` flags that override a stage key for one run (each a string on the command line). */
const FLAGS: Record<string, string> = {
  region: 'region',
  account: 'account',
  webDomain: 'webDomain',
  webCertificateArn: 'webCertificateArn',
  webOrigins: 'webOrigins',
  operatorEmail: 'operatorEmail',
  uploadExpiryHours: 'uploadExpiryHours',
  'webhook.url': 'webhookUrl',
  'webhook.secretParameter': 'webhookSecretParameter',
};

const str = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : String(v).trim() === '' ? '' : String(v).trim();

/**
 * The settings of `stage` from `context` (the CDK app's context: cdk.json, then `-c` flags). Throws one sentence
 * naming every missing or placeholder key when prod is incomplete.
 */
export function stageSettings(stage: Stage, context: Lookup): StageSettings {
  const stages = context('stages');
  const file: Json = (stages && typeof stages === 'object' ? (stages as Json)[stage] : undefined) as Json;
  const fromFile = (key: string) => get(file, key);
  const defaults = stage === 'dev' ? (DEV_DEFAULTS as unknown as Json) : {};
  const value = (key: string): unknown => {
    const flag = FLAGS[key] ? context(FLAGS[key]) : undefined;
    if (flag !== undefined && flag !== null) return flag;
    const v = fromFile(key);
    return v === undefined || v === null || v === '' ? get(defaults, key) : v;
  };

  /** A value the parsers refuse is a configuration error too, named by its key. */
  const parsed = <T>(key: string, parse: () => T): T => {
    try {
      return parse();
    } catch (e) {
      throw new StageConfigError(`stages.${stage}.${key}: ${(e as Error).message}`);
    }
  };

  // `-c mailFrom="Name <address>"` (the old flag) sets both.
  const mailFromFlag = str(context('mailFrom'));
  const mailbox = mailFromFlag ? parsed('mail (-c mailFrom)', () => parseMailbox(mailFromFlag)) : undefined;
  const fromName = mailbox?.name ?? str(value('mail.fromName'));
  const fromAddress = mailbox?.address ?? str(value('mail.fromAddress'));

  const problems: string[] = [];
  const required = (key: string, v: string | undefined) => {
    if (stage === 'prod' && (v === undefined || PLACEHOLDER.test(v))) problems.push(key);
  };
  const region = str(value('region'));
  const operatorEmail = str(value('operatorEmail'));
  const given: Record<(typeof REQUIRED)[number], string | undefined> = {
    region,
    'mail.fromName': fromName,
    'mail.fromAddress': fromAddress,
    operatorEmail,
  };
  for (const key of REQUIRED) required(key, given[key]);
  // Origins besides the app's own: none is a valid answer (an empty list), dev defaults to the local web server.
  const rawOrigins = value('webOrigins');
  const webOrigins =
    rawOrigins === undefined || rawOrigins === '' || (Array.isArray(rawOrigins) && rawOrigins.length === 0)
      ? []
      : parsed('webOrigins', () => parseWebOrigins(rawOrigins));
  webOrigins.forEach((o, i) => {
    required(`webOrigins.${i}`, o);
  });
  const webDomain = str(value('webDomain')) || undefined;
  const webCertificateArn = str(value('webCertificateArn')) || undefined;
  if (webDomain) required('webDomain', webDomain);
  if (webDomain && !webCertificateArn) problems.push('webCertificateArn');
  const mailDomain = str(value('mail.domain')) || undefined;
  if (mailDomain) required('mail.domain', mailDomain);
  const mailFromDomain = str(value('mail.mailFromDomain')) || undefined;
  if (problems.length > 0)
    throw new StageConfigError(
      `The ${stage} stage is not configured: set ${problems.map((p) => `stages.${stage}.${p}`).join(', ')} in cdk.json ` +
        '(missing or still an example placeholder; see docs/deploy.md, "Stage configuration").',
    );

  if (!region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    throw new StageConfigError(
      `stages.${stage}.region: ${JSON.stringify(region)} is not an AWS region like ap-southeast-1`,
    );
  const account = str(value('account')) || undefined;
  if (account && !/^\d{12}$/.test(account))
    throw new StageConfigError(
      `stages.${stage}.account: ${JSON.stringify(account)} is not a 12-digit AWS account id`,
    );
  if (webDomain && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(webDomain))
    throw new StageConfigError(`stages.${stage}.webDomain: ${JSON.stringify(webDomain)} is not a host name`);
  if (
    webCertificateArn &&
    !/^arn:aws[\w-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(webCertificateArn)
  )
    throw new StageConfigError(
      `stages.${stage}.webCertificateArn must be an ACM certificate in us-east-1 (CloudFront reads certificates only there)`,
    );

  const from = parsed('mail.fromAddress', () => parseMailbox(`${fromName ?? ''} <${fromAddress ?? ''}>`));
  const addressDomain = from.address.split('@')[1]!.toLowerCase();
  const domain = (mailDomain ?? addressDomain).toLowerCase();
  // Cognito names the identity by the sender's own domain, so the address must be right in it (no subdomain).
  if (addressDomain !== domain)
    throw new StageConfigError(
      `stages.${stage}.mail.fromAddress ${from.address} is not an address of mail.domain ${domain}`,
    );
  if (mailFromDomain && !mailFromDomain.toLowerCase().endsWith(`.${domain}`))
    throw new StageConfigError(`stages.${stage}.mail.mailFromDomain must be a subdomain of ${domain}`);
  parsed('operatorEmail', () => parseMailbox(operatorEmail ?? ''));

  const bool = (key: string, fallback: boolean) => {
    const v = value(key);
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    throw new StageConfigError(`stages.${stage}.${key} must be true or false`);
  };
  const expiry = value('uploadExpiryHours');
  const uploadExpiryHours = expiry === undefined || expiry === '' ? undefined : Number(expiry);
  if (uploadExpiryHours !== undefined && !(Number.isInteger(uploadExpiryHours) && uploadExpiryHours > 0))
    throw new StageConfigError(`stages.${stage}.uploadExpiryHours must be a whole number of hours`);
  const webhookUrl = str(value('webhook.url')) || undefined;

  return {
    region,
    account,
    webDomain,
    webCertificateArn,
    webOrigins,
    mail: {
      fromName: from.name ?? 'Minh Chứng',
      fromAddress: from.address,
      domain,
      createIdentity: bool('mail.createIdentity', true),
      identityVerified: bool('mail.identityVerified', false),
      mailFromDomain: mailFromDomain?.toLowerCase(),
    },
    operatorEmail: operatorEmail!,
    uploadExpiryHours,
    webhook: webhookUrl
      ? {
          url: webhookUrl,
          secretParameter: str(value('webhook.secretParameter')) || `/minhchung/${stage}/webhook-secret`,
        }
      : undefined,
  };
}
