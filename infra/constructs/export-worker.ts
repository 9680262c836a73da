import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventInvokeConfig, type IDestination } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { eventFunctions } from '../../shared/http/routes.ts';
import { AppFunction } from './app-function.ts';
import type { DataConstruct } from './data.ts';
import type { EvidenceBucket } from './evidence-bucket.ts';
import { acknowledge } from './nag.ts';

export interface ExportWorkerProps {
  data: DataConstruct;
  evidence: EvidenceBucket;
  /** The variables every function gets (table, bucket, stage). */
  environment: Record<string, string>;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

/**
 * Lambda's own retries of a failed asynchronous invocation (a re-run is safe: the job's state is conditional and
 * its files are new keys), and how long a queued invocation may wait before it is given up.
 */
export const EXPORT_ASYNC = { retryAttempts: 2, maxEventAge: Duration.hours(1) } as const;

/**
 * Dossier exports (docs/dossier.md): the build-export worker, invoked asynchronously (InvocationType Event) by
 * request-export, reads the data, writes the files under exports/ and updates the job. Lambda retries a failed
 * invocation twice; what still fails, or waits longer than an hour, lands in an encrypted, TLS-only dead-letter
 * queue (the job itself is then seen as lost after EXPORT_STALE_MINUTES and may be requested again).
 *
 * Built before the API, which grants request-export the invoke of exactly this function (api.ts,
 * `invokeExportWorker`): the nested route stack receives its ARN and name as parameters, so no cycle.
 */
export class ExportWorker extends Construct {
  readonly fn: AppFunction;
  readonly deadLetterQueue: Queue;
  readonly invokeConfig: EventInvokeConfig;

  constructor(scope: Construct, id: string, props: ExportWorkerProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.fn = new AppFunction(stack, 'BuildExport', {
      fn: eventFunctions.buildExport.fn,
      description: 'Minh Chứng build-export (asynchronous invocation by request-export)',
      // Spreadsheets are built in memory.
      memorySize: 1024,
      timeout: Duration.minutes(5),
      environment: props.environment,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    props.data.grant(this.fn, 'readwrite');
    props.evidence.grantWriteExports(this.fn);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.deadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the on-failure destination of build-export’s asynchronous invocations; SQS3 only recognises queues named in another queue’s RedrivePolicy.',
    });
    // Lambda sends to the destination with the function's role. CDK's SqsDestination would also grant
    // GetQueueAttributes and GetQueueUrl, which delivery does not use: the destination is bound here and the role
    // gets exactly SendMessage on this queue.
    const onFailure: IDestination = { bind: () => ({ destination: this.deadLetterQueue.queueArn }) };
    this.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
    );
    this.invokeConfig = new EventInvokeConfig(this, 'AsyncInvoke', {
      function: this.fn,
      retryAttempts: EXPORT_ASYNC.retryAttempts,
      maxEventAge: EXPORT_ASYNC.maxEventAge,
      onFailure,
    });
  }
}
