import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { eventFunctions } from '#http/routes.ts';
import { AppFunction } from './app-function.ts';
import type { DataConstruct } from './data.ts';
import { failureQueue } from './failure-queue.ts';
import { scheduleFunction } from './function-schedule.ts';

export interface ReadinessSnapshotsProps {
  data: DataConstruct;
  /** The variables every function gets (table, bucket, stage). */
  environment: Record<string, string>;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

/** Late in the day in Asia/Ho_Chi_Minh, so each day's point shows that day's work. */
export const SNAPSHOT_SCHEDULE = { expression: 'cron(30 23 * * ? *)', timeZone: 'Asia/Ho_Chi_Minh' } as const;
/** Re-runs are safe: one snapshot per entity and day (conditional put). */
export const SNAPSHOT_RETRY = { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 } as const;
/**
 * Lambda's own retries when the function fails (Scheduler invokes it asynchronously, so its retry policy and
 * dead-letter queue cover delivery only); what still fails goes to the same queue as an invocation record.
 */
export const SNAPSHOT_ASYNC = { retryAttempts: 2, maxEventAge: Duration.hours(1) } as const;

/**
 * Daily readiness snapshots (docs/readiness.md, "Versions and snapshots"): EventBridge Scheduler → the
 * readiness-snapshot function, which computes every open cycle's entities with the readiness module and
 * writes one snapshot per entity and day. The scheduler's own role invokes exactly this function; undelivered
 * and failed invocations land in an encrypted, TLS-only queue (the target's DLQ and the function's on-failure
 * destination).
 */
export class ReadinessSnapshots extends Construct {
  readonly fn: AppFunction;
  readonly schedule: CfnSchedule;
  readonly schedulerRole: Role;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ReadinessSnapshotsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.fn = new AppFunction(stack, 'ReadinessSnapshot', {
      fn: eventFunctions.readinessSnapshot.fn,
      description: 'Minh Chứng readiness-snapshot (EventBridge Scheduler, daily, Asia/Ho_Chi_Minh)',
      memorySize: 1024,
      timeout: Duration.minutes(5),
      environment: props.environment,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    props.data.grant(this.fn, 'readwrite');

    this.deadLetterQueue = failureQueue(
      this,
      'DeadLetterQueue',
      'dead-letter queue of the snapshot schedule’s target and on-failure destination of readiness-snapshot',
    );
    this.fn.onAsyncFailure(this.deadLetterQueue, SNAPSHOT_ASYNC);
    const { role, schedule } = scheduleFunction(this, {
      id: 'Daily',
      description: 'Minh Chứng readiness: one snapshot per entity of every open cycle, daily at 23:30',
      invoking: 'readiness-snapshot',
      fn: this.fn,
      expression: SNAPSHOT_SCHEDULE.expression,
      timeZone: SNAPSHOT_SCHEDULE.timeZone,
      retryPolicy: SNAPSHOT_RETRY,
      deadLetterQueue: this.deadLetterQueue,
    });
    this.schedulerRole = role;
    this.schedule = schedule;
  }
}
