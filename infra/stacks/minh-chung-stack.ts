import path from 'node:path';
import { CfnOutput, Duration, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { eventFunctions, routeModules } from '#http/routes.ts';
import { Api } from '#infra/constructs/api.ts';
import { AppFunction, REPO_ROOT } from '#infra/constructs/app-function.ts';
import { reserveConcurrency } from '#infra/constructs/concurrency.ts';
import { DataConstruct } from '#infra/constructs/data.ts';
import { EVIDENCE_PREFIX, EvidenceBucket } from '#infra/constructs/evidence-bucket.ts';
import { ExportWorker } from '#infra/constructs/export-worker.ts';
import { Identity } from '#infra/constructs/identity.ts';
import { MailIdentity } from '#infra/constructs/mail-identity.ts';
import { MalwareProtection } from '#infra/constructs/malware-protection.ts';
import { ReadinessSnapshots } from '#infra/constructs/readiness-snapshots.ts';
import { Reminders } from '#infra/constructs/reminders.ts';
import { UploadRecovery } from '#infra/constructs/upload-recovery.ts';
import { WebHosting } from '#infra/constructs/web-hosting.ts';
import type { StageConfig } from './stage-config.ts';

export interface MinhChungStackProps extends StackProps {
  config: StageConfig;
}

/**
 * One stack per stage, composed of one construct per capability. Stateful resources (table, buckets, user
 * pool) are retained and deletion-protected in prod, so a stack update or deletion cannot lose data; keeping
 * them in the same stack avoids the cross-stack cycle an S3 notification to a Lambda in another stack makes.
 * The API's per-route functions live in one nested stack per route module (constructs/api.ts), which keeps
 * every stack far below CloudFormation's 500 resources.
 */
export class MinhChungStack extends Stack {
  readonly data: DataConstruct;
  readonly evidence: EvidenceBucket;
  readonly identity: Identity;
  readonly mail: MailIdentity;
  /** The web app's origin: its custom domain, else the CloudFront domain (a deploy-time token). */
  readonly webOrigin: string;
  /** Every origin the API, the evidence bucket and Cognito accept: the web app's, then the stage's others. */
  readonly appOrigins: string[];
  readonly api: Api;
  readonly exportWorker: ExportWorker;
  readonly finalizeUpload: AppFunction;
  readonly scanResult: AppFunction;
  readonly malwareProtection: MalwareProtection;
  readonly uploadRecovery: UploadRecovery;
  readonly reminders: Reminders;
  readonly readinessSnapshots: ReadinessSnapshots;
  readonly web: WebHosting;

  constructor(scope: Construct, id: string, props: MinhChungStackProps) {
    const { config, ...stackProps } = props;
    super(scope, id, { terminationProtection: config.protect, ...stackProps });
    const { settings } = config;

    // One deploy is enough (docs/deploy.md): the web app's own origin reaches API CORS, bucket CORS, Cognito and
    // the reminder links in the same deploy. Without a custom domain it is the distribution's domain, read
    // lazily because the distribution is built last (it serves config.json with the API's URL).
    this.webOrigin = settings.webDomain
      ? `https://${settings.webDomain}`
      : Lazy.string({ produce: () => this.web.url });
    this.appOrigins = settings.webDomain ? config.webOrigins : [this.webOrigin, ...config.webOrigins];

    this.data = new DataConstruct(this, 'Data', {
      removalPolicy: config.removalPolicy,
      deletionProtection: config.protect,
    });
    this.evidence = new EvidenceBucket(this, 'Evidence', {
      webOrigins: this.appOrigins,
      removalPolicy: config.removalPolicy,
      autoDeleteObjects: !config.protect,
      serverAccessLogs: config.serverAccessLogs,
      accessLogExpiry: config.accessLogExpiry,
      noncurrentVersionExpiry: config.noncurrentVersionExpiry,
    });
    // The sender of reminders and of Cognito's invitations and resets (docs/deploy.md, "E-mail").
    this.mail = new MailIdentity(this, 'Mail', {
      settings: settings.mail,
      operatorEmail: settings.operatorEmail,
      removalPolicy: config.removalPolicy,
    });
    this.identity = new Identity(this, 'Identity', {
      webOrigins: this.appOrigins,
      email: this.mail.cognitoEmail(settings.operatorEmail),
      removalPolicy: config.removalPolicy,
      deletionProtection: config.protect,
    });
    if (this.mail.emailIdentity && settings.mail.identityVerified)
      this.identity.userPool.node.addDependency(this.mail.emailIdentity);

    // The variables shared/config/env.ts parses; AWS_REGION comes from the Lambda runtime.
    const environment = {
      TABLE_NAME: this.data.table.tableName,
      BUCKET_NAME: this.evidence.bucket.bucketName,
      STAGE: config.stage,
      UPLOAD_URL_TTL_SECONDS: String(config.uploadUrlTtlSeconds),
    };
    const logs = { logRetention: config.logRetention, logRemovalPolicy: config.removalPolicy };

    // Dossier exports: request-export (API) invokes build-export asynchronously; files under exports/ in the
    // evidence bucket. Built before the API, which passes the worker to request-export's nested stack.
    this.exportWorker = new ExportWorker(this, 'ExportWorker', {
      data: this.data,
      evidence: this.evidence,
      environment,
      ...logs,
    });

    // No upload stays stuck (docs/evidence.md, "Recovery"): failed finalize and scan-result events are kept in
    // one queue, and a redrive every 15 minutes settles what they left (stage key `uploadExpiryHours`). It also
    // finishes the copies a carry-forward request leaves, so it is built before the API, which may invoke it.
    this.uploadRecovery = new UploadRecovery(this, 'UploadRecovery', {
      data: this.data,
      evidence: this.evidence,
      environment,
      expiryHours: settings.uploadExpiryHours,
      ...logs,
    });

    // The reminder previews say whether a webhook would be called; the URL itself stays with send-reminders.
    const webhookUrl = settings.webhook?.url;
    const webhookConfigured = { WEBHOOK_CONFIGURED: 'true' };

    this.api = new Api(this, 'Api', {
      modules: routeModules,
      webOrigins: this.appOrigins,
      jwtIssuer: this.identity.issuerUrl(this.region),
      jwtAudience: [this.identity.webClient.userPoolClientId],
      userPool: this.identity.userPool,
      data: this.data,
      evidence: this.evidence,
      exportWorker: this.exportWorker.fn,
      copyWorker: this.uploadRecovery.fn,
      environment,
      functionEnvironment: webhookUrl
        ? { 'preview-reminders': webhookConfigured, 'preview-entity-reminders': webhookConfigured }
        : undefined,
      throttle: config.throttle,
      ...logs,
    });

    // S3 ObjectCreated under evidence/ → finalize (size/type re-check, SHA-256, state change).
    this.finalizeUpload = new AppFunction(this, 'FinalizeUpload', {
      fn: eventFunctions.finalizeUpload.fn,
      description: 'Minh Chứng finalize-upload (S3 ObjectCreated)',
      memorySize: 1024,
      // One streaming pass per object, and a cycle may allow up to 5 GiB: ~1 min at S3 speed, plus hashing.
      timeout: Duration.minutes(15),
      environment,
      ...logs,
    });
    this.evidence.grantReadEvidence(this.finalizeUpload);
    // GuardDuty may have tagged its verdict before finalize runs.
    this.evidence.grantEvidence(this.finalizeUpload, ['scan-tag']);
    this.data.grant(this.finalizeUpload, 'readwrite');
    this.evidence.notifyOnEvidence(this.finalizeUpload);

    // GuardDuty Malware Protection for S3 on evidence/ → scan-result (verdict: available or quarantined).
    this.scanResult = new AppFunction(this, 'ScanResult', {
      fn: eventFunctions.scanResult.fn,
      description: 'Minh Chứng scan-result (GuardDuty Malware Protection for S3 verdicts)',
      environment,
      ...logs,
    });
    this.data.grant(this.scanResult, 'readwrite');

    this.uploadRecovery.recordFailuresOf(this.finalizeUpload, this.scanResult);

    this.malwareProtection = new MalwareProtection(this, 'MalwareProtection', {
      bucket: this.evidence.bucket,
      prefix: EVIDENCE_PREFIX,
      onScanResult: this.scanResult,
      deadLetterQueue: this.uploadRecovery.failedEvents,
    });

    // Reminders: hourly schedule in Asia/Ho_Chi_Minh → send-reminders → SES (and the optional webhook), with
    // links to the web app's own origin.
    this.reminders = new Reminders(this, 'Reminders', {
      data: this.data,
      environment,
      mail: this.mail,
      replyTo: settings.operatorEmail,
      appUrl: this.webOrigin,
      webhook: settings.webhook
        ? { url: settings.webhook.url, secretParameterName: settings.webhook.secretParameter }
        : undefined,
      ...logs,
    });

    // Daily readiness snapshot per entity (docs/readiness.md): EventBridge Scheduler → readiness-snapshot.
    this.readinessSnapshots = new ReadinessSnapshots(this, 'ReadinessSnapshots', {
      data: this.data,
      environment,
      ...logs,
    });

    // Background functions are capped and guaranteed their share of the account's concurrency.
    reserveConcurrency(
      [
        this.finalizeUpload,
        this.scanResult,
        this.exportWorker.fn,
        this.uploadRecovery.fn,
        this.reminders.fn,
        this.readinessSnapshots.fn,
      ],
      config.reservedConcurrency,
    );

    // The web app on CloudFront, talking to these origins (the CSP's connect-src). With a custom domain they are
    // exact, as locally. Without one, API and bucket CORS name the distribution's domain, so the distribution
    // (whose CSP lives in its response headers policy) cannot name the API and the bucket: the CSP names their
    // regional hosts (docs/web.md, "Origins").
    const signIn = `https://cognito-idp.${this.region}.${this.urlSuffix}`;
    const connectOrigins = settings.webDomain
      ? [
          `https://${this.api.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
          signIn,
          `https://${this.evidence.bucket.bucketRegionalDomainName}`,
        ]
      : [
          `https://*.execute-api.${this.region}.${this.urlSuffix}`,
          signIn,
          `https://*.s3.${this.region}.${this.urlSuffix}`,
        ];
    this.web = new WebHosting(this, 'Web', {
      distDir: path.resolve(
        REPO_ROOT,
        (this.node.tryGetContext('webDist') as string | undefined) ?? 'web/dist',
      ),
      config: {
        apiUrl: this.api.url,
        auth: {
          endpoint: `${signIn}/`,
          clientId: this.identity.webClient.userPoolClientId,
          region: this.region,
        },
        stage: config.stage,
      },
      connectOrigins,
      domain:
        settings.webDomain && settings.webCertificateArn
          ? { name: settings.webDomain, certificateArn: settings.webCertificateArn }
          : undefined,
      accessLogs: this.evidence.accessLogs,
      removalPolicy: config.removalPolicy,
      autoDeleteObjects: !config.protect,
    });

    // Sign-in may return to the app's origins and to the CloudFront URL itself (the same once there is no
    // custom domain).
    const callbacks = (
      settings.webDomain ? [...config.webOrigins, this.web.url] : [this.web.url, ...config.webOrigins]
    ).map((o) => `${o}/`);
    const client = this.identity.webClient.node.defaultChild as CfnUserPoolClient;
    client.callbackUrLs = callbacks;
    client.logoutUrLs = callbacks;

    new CfnOutput(this, 'WebUrl', { value: this.web.url, description: 'Web app (CloudFront)' });
    new CfnOutput(this, 'WebOrigin', {
      value: this.webOrigin,
      description: 'The web app as users open it (API and bucket CORS, Cognito, e-mail links)',
    });
    if (settings.webDomain)
      new CfnOutput(this, 'WebDomainCname', {
        value: `${settings.webDomain} CNAME ${this.web.distribution.distributionDomainName}`,
        description: 'DNS record of the custom domain',
      });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'HTTP API base URL' });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.webClient.userPoolClientId });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.evidence.bucket.bucketName });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
