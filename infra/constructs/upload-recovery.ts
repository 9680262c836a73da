import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RECOVERY_DEFAULTS } from '#domain/upload-recovery.ts';
import { eventFunctions } from '#http/routes.ts';
import { AppFunction, type AsyncRetry } from './app-function.ts';
import type { DataConstruct } from './data.ts';
import type { EvidenceBucket } from './evidence-bucket.ts';
import { failureQueue } from './failure-queue.ts';
import { scheduleFunction } from './function-schedule.ts';

export interface UploadRecoveryProps {
  data: DataConstruct;
  evidence: EvidenceBucket;
  /** The variables every function gets (table, bucket, stage). */
  environment: Record<string, string>;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
  /** Hours after which a pending upload with no bytes is `upload_expired` (UPLOAD_EXPIRY_HOURS). */
  expiryHours?: number;
}

/** Every 15 minutes (UTC: the time zone does not matter for a rate). */
export const REDRIVE_SCHEDULE = { expression: 'rate(15 minutes)' } as const;
/** Scheduler's delivery retries; an undelivered run is superseded by the next one anyway. */
export const REDRIVE_RETRY = { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 900 } as const;
/** Lambda's retry of a failed run, at most one and within the 15 minutes before the next run. */
export const REDRIVE_ASYNC: AsyncRetry = { retryAttempts: 1, maxEventAge: Duration.minutes(15) };
/**
 * Finalize and scan-result: Lambda's default two retries, and events kept the maximum six hours (DynamoDB or S3
 * may be down that long); what still fails is recorded in the queue and the redrive settles the revision anyway.
 */
export const UPLOAD_EVENTS_ASYNC: AsyncRetry = { retryAttempts: 2, maxEventAge: Duration.hours(6) };
/** One run stops taking new work with a minute left (REDRIVE_MAX_PER_RUN bounds it too). */
export const REDRIVE_TIMEOUT = Duration.minutes(15);

/**
 * Uploads never stay stuck (docs/evidence.md, "Recovery"). One encrypted, TLS-only queue keeps every failed
 * upload event: the on-failure destination of finalize-upload (S3 notifications), scan-result (the GuardDuty
 * rule) and the redrive itself, and the dead-letter queue of the redrive's schedule and of the GuardDuty rule's
 * target. EventBridge Scheduler runs `redrive-uploads` every 15 minutes; it reads the sparse index of unsettled
 * revisions, re-finalizes those whose object exists, asks the scanner for late verdicts and expires abandoned
 * uploads (their object and unfinished multipart upload removed). carry-forward invokes it asynchronously with
 * the copies its request left (docs/evidence.md, "Carry-forward").
 */
export class UploadRecovery extends Construct {
  readonly fn: AppFunction;
  readonly failedEvents: Queue;
  readonly schedule: CfnSchedule;
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: UploadRecoveryProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.failedEvents = failureQueue(
      this,
      'FailedEvents',
      'on-failure destination of finalize-upload, scan-result and redrive-uploads; dead-letter queue of the redrive schedule and the scan-result rule',
    );

    this.fn = new AppFunction(stack, 'RedriveUploads', {
      fn: eventFunctions.redriveUploads.fn,
      description: 'Minh Chứng redrive-uploads (EventBridge Scheduler, every 15 minutes)',
      memorySize: 1024,
      timeout: REDRIVE_TIMEOUT,
      environment: {
        ...props.environment,
        UPLOAD_EXPIRY_HOURS: String(props.expiryHours ?? RECOVERY_DEFAULTS.expireAfterHours),
        REDRIVE_GRACE_MINUTES: String(RECOVERY_DEFAULTS.graceMinutes),
        REDRIVE_MAX_PER_RUN: String(RECOVERY_DEFAULTS.maxPerRun),
      },
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    props.data.grant(this.fn, 'readwrite');
    // Finalize again (HEAD, GET, the scan tag); expire (delete the object, abort the multipart upload); copy a
    // carried-forward file (CopyObject: read the source, write the new key).
    props.evidence.grantReadEvidence(
      this.fn,
      'the redrive re-finalizes, copies or expires whichever unsettled revision the index or a carry-forward job names.',
    );
    props.evidence.grantEvidence(this.fn, ['scan-tag', 'expire', 'copy']);
    this.fn.onAsyncFailure(this.failedEvents, REDRIVE_ASYNC);

    const { role, schedule } = scheduleFunction(this, {
      id: 'Every15Minutes',
      description: 'Minh Chứng uploads: re-finalize stuck uploads, expire abandoned ones',
      invoking: 'redrive-uploads',
      fn: this.fn,
      expression: REDRIVE_SCHEDULE.expression,
      retryPolicy: REDRIVE_RETRY,
      deadLetterQueue: this.failedEvents,
    });
    this.schedulerRole = role;
    this.schedule = schedule;
  }

  /** Finalize and scan-result keep their failed events in the same queue (AppFunction.onAsyncFailure). */
  recordFailuresOf(...fns: AppFunction[]): void {
    for (const fn of fns) fn.onAsyncFailure(this.failedEvents, UPLOAD_EVENTS_ASYNC);
  }
}
