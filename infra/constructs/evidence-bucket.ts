import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  EventType,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { EXPORT_TTL_DAYS } from '#domain/dossier.ts';
import { objectKeys } from '#domain/object-keys.ts';
import type { AppFunction } from './app-function.ts';
import { acknowledge, wildcardResourceId } from './nag.ts';

/** Where evidence files live (shared/domain/object-keys.ts builds keys under it; a test checks they agree). */
export const EVIDENCE_PREFIX = 'evidence/';
/** Where export files live (`objectKeys.exportFile`: server-generated ids only); the same prefix, one source. */
export const EXPORTS_PREFIX = objectKeys.exportsPrefix;
/**
 * Export files are downloadable for EXPORT_TTL_DAYS (shared/domain/dossier.ts); the lifecycle removes them a day
 * later, and their noncurrent versions a day after that (an export is rebuilt from the data, never restored).
 */
export const EXPORTS_EXPIRY = {
  current: Duration.days(EXPORT_TTL_DAYS + 1),
  noncurrent: Duration.days(1),
} as const;

/**
 * What a function may do to evidence objects beyond presigning uploads, by purpose; exactly the calls
 * shared/adapters/s3/object-store.ts makes for it.
 */
export const EVIDENCE_OBJECT_ACTIONS = {
  /** GET/HEAD an object, presign a download, copy from it. */
  read: ['s3:GetObject'],
  /** ListParts of a multipart upload (resume). */
  'list-parts': ['s3:ListMultipartUploadParts'],
  /** Purge: every object version and delete marker, and unfinished multipart uploads. */
  purge: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:AbortMultipartUpload'],
  /** GuardDuty's verdict tag on the current version. */
  'scan-tag': ['s3:GetObjectTagging'],
  /** Expiring an abandoned upload: its object (a delete marker) and its unfinished multipart upload. */
  expire: ['s3:DeleteObject', 's3:AbortMultipartUpload'],
  /** A carried-forward file's server-side copy (CopyObject reads the source and writes the new key). */
  copy: ['s3:GetObject', 's3:PutObject'],
} as const;
export type EvidenceObjectAccess = keyof typeof EVIDENCE_OBJECT_ACTIONS;
/** Bucket-level listing, limited to the evidence prefix, that some purposes need. */
export const EVIDENCE_LIST_ACTIONS: Partial<Record<EvidenceObjectAccess, readonly string[]>> = {
  // ListBucket makes a HEAD of a missing key a 404 instead of a 403.
  read: ['s3:ListBucket'],
  purge: ['s3:ListBucket', 's3:ListBucketVersions'],
  // A copy first HEADs its target, which must answer 404 when missing.
  copy: ['s3:ListBucket'],
};

/** The acknowledgement a bucket without server access logs carries (dev only, StageConfig.serverAccessLogs). */
export const NO_ACCESS_LOGS_IN_DEV = {
  id: 'AwsSolutions-S1',
  reason:
    'dev only: S3 delivers server access logs best-effort, sometimes hours late, so a log bucket in a stack that is torn down cannot be emptied and deleted reliably (aws-cdk#21776); dev holds test data, prod keeps server access logs in a retained bucket.',
};

export interface EvidenceBucketProps {
  webOrigins: string[];
  removalPolicy: RemovalPolicy;
  /** Empty the buckets on stack deletion (dev only: a custom resource deletes every object). */
  autoDeleteObjects: boolean;
  /** Keep S3 server access logs in a bucket of their own (prod; see StageConfig.serverAccessLogs). */
  serverAccessLogs: boolean;
  accessLogExpiry: Duration;
  /** How long overwritten or deleted object versions stay recoverable. */
  noncurrentVersionExpiry: Duration;
}

/**
 * The evidence bucket: private, TLS-only, S3-managed encryption, versioned, with server access logs in a
 * separate log bucket (prod) and CORS for the browser's presigned PUT and GET from the web origins. Dossier exports
 * share it under their own prefix (EXPORTS_PREFIX), which no notification and no malware scan watch.
 */
export class EvidenceBucket extends Construct {
  readonly bucket: Bucket;
  /** Where server access logs go (the web bucket's too); none in dev (StageConfig.serverAccessLogs). */
  readonly accessLogs: Bucket | undefined;

  constructor(scope: Construct, id: string, props: EvidenceBucketProps) {
    super(scope, id);
    const common = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.autoDeleteObjects,
    };

    this.accessLogs = props.serverAccessLogs
      ? new Bucket(this, 'AccessLogs', {
          ...common,
          lifecycleRules: [{ id: 'expire-access-logs', expiration: props.accessLogExpiry }],
        })
      : undefined;

    this.bucket = new Bucket(this, 'Bucket', {
      ...common,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: this.accessLogs ? 'evidence-bucket/' : undefined,
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: props.webOrigins,
          // Both are signed into the presigned PUT, so the browser must be allowed to send them.
          allowedHeaders: ['content-type', 'if-none-match'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: props.noncurrentVersionExpiry },
        {
          id: 'expire-exports',
          prefix: EXPORTS_PREFIX,
          expiration: EXPORTS_EXPIRY.current,
          noncurrentVersionExpiration: EXPORTS_EXPIRY.noncurrent,
        },
      ],
    });
    if (!this.accessLogs) acknowledge(this.bucket, NO_ACCESS_LOGS_IN_DEV);
  }

  private get evidenceObjects(): string {
    return this.bucket.arnForObjects(`${EVIDENCE_PREFIX}*`);
  }

  private ackEvidenceObjects(fn: AppFunction, why: string): void {
    acknowledge(fn.executionRole, {
      id: wildcardResourceId(this.bucket.node.defaultChild as CfnBucket, `/${EVIDENCE_PREFIX}*`, fn),
      reason: `Evidence object keys are server-generated ids under ${EVIDENCE_PREFIX} (shared/domain/object-keys.ts); ${why}`,
    });
  }

  /** Presigning a PUT needs s3:PutObject on the keys the URL may name; nothing else. */
  grantPresignPut(fn: AppFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:PutObject'],
        resources: [this.evidenceObjects],
      }),
    );
    this.ackEvidenceObjects(fn, 'the function signs upload URLs for keys it creates at request time.');
  }

  /**
   * Read evidence objects (HEAD + GET for size, type and SHA-256; the export worker's package). ListBucket,
   * limited to the evidence prefix, makes S3 answer 404 rather than 403 for a missing key, so finalize can tell
   * "gone" from "forbidden". `why` says, for the acknowledgement, which objects the function reads.
   */
  grantReadEvidence(
    fn: AppFunction,
    why = 'the function reads whichever evidence object an event names.',
  ): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:GetObject'],
        resources: [this.evidenceObjects],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${EVIDENCE_PREFIX}*`] } },
      }),
    );
    this.ackEvidenceObjects(fn, why);
  }

  /** Object actions by purpose (EVIDENCE_OBJECT_ACTIONS), and the prefix-limited listing they need. */
  grantEvidence(fn: AppFunction, purposes: readonly EvidenceObjectAccess[]): void {
    if (purposes.length === 0) return;
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [...new Set(purposes.flatMap((p) => EVIDENCE_OBJECT_ACTIONS[p]))],
        resources: [this.evidenceObjects],
      }),
    );
    const list = [...new Set(purposes.flatMap((p) => EVIDENCE_LIST_ACTIONS[p] ?? []))];
    if (list.length)
      fn.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: list,
          resources: [this.bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${EVIDENCE_PREFIX}*`] } },
        }),
      );
    this.ackEvidenceObjects(
      fn,
      `the function acts on whichever evidence object a request or event names (${purposes.join(', ')}).`,
    );
  }

  private get exportObjects(): string {
    return this.bucket.arnForObjects(`${EXPORTS_PREFIX}*`);
  }

  private ackExportObjects(fn: AppFunction, why: string): void {
    acknowledge(fn.executionRole, {
      id: wildcardResourceId(this.bucket.node.defaultChild as CfnBucket, `/${EXPORTS_PREFIX}*`, fn),
      reason: `Export object keys are server-generated job ids under ${EXPORTS_PREFIX} (exports/<jobId>/<file>); ${why}`,
    });
  }

  /**
   * The export worker writes the files it builds (a conditional put: never over an existing key) and, when a
   * retried run's put is refused, HEADs the key to find the file its earlier attempt wrote (shared/usecases/
   * dossier.ts `storeFile`); HEAD is authorized by s3:GetObject. The evidence package is a multipart upload
   * (create, parts and completion are s3:PutObject) which a failed package aborts, continued across runs from a
   * checkpoint object it writes and reads back. Nothing under evidence/, no delete (the lifecycle expires exports,
   * and the bucket-wide abort-incomplete-multipart rule clears an upload nobody aborted).
   */
  grantWriteExports(fn: AppFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'],
        resources: [this.exportObjects],
      }),
    );
    this.ackExportObjects(
      fn,
      'the worker writes (and on a retry checks) the files, package upload and checkpoints of whichever job it runs, and aborts that job’s failed package upload.',
    );
  }

  /** Presigning a download of an export file needs s3:GetObject on the keys it may name; nothing else. */
  grantPresignExportGet(fn: AppFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:GetObject'],
        resources: [this.exportObjects],
      }),
    );
    this.ackExportObjects(
      fn,
      'the function signs download URLs for the files of whichever job a request names.',
    );
  }

  /** Invoke `fn` for every object created under the evidence prefix (never for exports). */
  notifyOnEvidence(fn: AppFunction): void {
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), {
      prefix: EVIDENCE_PREFIX,
    });
    // CDK implements bucket notifications with one singleton Lambda per stack; its role is CDK's, not ours.
    const stack = Stack.of(this);
    const handler = stack.node.children.find((c) => c.node.id.startsWith('BucketNotificationsHandler'));
    if (!handler)
      throw new Error('CDK bucket notifications handler not found; check the aws-cdk-lib upgrade');
    acknowledge(handler, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's own BucketNotificationsHandler (deploy-time custom resource) attaches AWSLambdaBasicExecutionRole in its code, for its own logs only; its S3 permission is scoped to this bucket.",
    });
  }
}
