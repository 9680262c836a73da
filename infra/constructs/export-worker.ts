import { ArnFormat, Duration, type RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventInvokeConfig, type IDestination } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { eventFunctions } from '#http/routes.ts';
import { AppFunction } from './app-function.ts';
import type { DataConstruct } from './data.ts';
import type { EvidenceBucket } from './evidence-bucket.ts';
import { failureQueue } from './failure-queue.ts';

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
 * One run of the worker: Lambda's maximum. A package streams in bounded memory and the worker stops at about
 * 13 minutes, leaving a checkpoint, and continues in a new invocation of itself.
 */
export const EXPORT_WORKER_TIMEOUT = Duration.minutes(15);

/** The worker's fixed name, `<stack>-build-export`: it invokes itself by this name (EXPORT_FUNCTION_NAME). */
export function exportWorkerName(stackName: string): string {
  const name = `${stackName}-${eventFunctions.buildExport.fn}`;
  if (Token.isUnresolved(stackName) || !/^[A-Za-z0-9_-]{1,64}$/.test(name))
    throw new Error(`build-export needs a literal function name of at most 64 characters, got ${name}`);
  return name;
}

/**
 * Dossier exports (docs/dossier.md): the build-export worker, invoked asynchronously (InvocationType Event) by
 * request-export, reads the data, writes the files under exports/ and updates the job. Lambda retries a failed
 * invocation twice; what still fails, or waits longer than an hour, lands in an encrypted, TLS-only dead-letter
 * queue (the job itself is then seen as lost after EXPORT_STALE_MINUTES and may be requested again).
 *
 * Built before the API, which grants request-export the invoke of exactly this function (api.ts,
 * `invokeExportWorker`): the nested route stack receives its ARN and name as parameters, so no cycle.
 *
 * The evidence package (a .zip of every counted evidence file, a multipart upload to exports/<jobId>/package.zip)
 * may outlast one run: the worker then writes a checkpoint under exports/<jobId>/ and invokes itself
 * asynchronously. It may invoke only itself. Its name is fixed (exportWorkerName) and its own ARN is built from
 * that name, because a role policy or environment that referenced the function's own Ref/GetAtt would be a
 * circular dependency (the function depends on its role's policy).
 */
export class ExportWorker extends Construct {
  readonly fn: AppFunction;
  /** The function's literal name (also its EXPORT_FUNCTION_NAME). */
  readonly functionName: string;
  readonly deadLetterQueue: Queue;
  readonly invokeConfig: EventInvokeConfig;

  constructor(scope: Construct, id: string, props: ExportWorkerProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.functionName = exportWorkerName(stack.stackName);
    this.fn = new AppFunction(stack, 'BuildExport', {
      fn: eventFunctions.buildExport.fn,
      functionName: this.functionName,
      description: 'Minh Chứng build-export (asynchronous invocation by request-export and by itself)',
      // Spreadsheets are built in memory; the package streams in bounded memory.
      memorySize: 1024,
      timeout: EXPORT_WORKER_TIMEOUT,
      environment: { ...props.environment, EXPORT_FUNCTION_NAME: this.functionName },
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    props.data.grant(this.fn, 'readwrite');
    props.evidence.grantWriteExports(this.fn);
    props.evidence.grantReadEvidence(
      this.fn,
      'the worker packages every counted evidence file of the job it runs, whose keys the job’s records name.',
    );
    // Continuing a package: an asynchronous invocation of this function only, unqualified (no `:*`).
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [
          stack.formatArn({
            service: 'lambda',
            resource: 'function',
            resourceName: this.functionName,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );

    this.deadLetterQueue = failureQueue(this, 'DeadLetterQueue', 'build-export’s asynchronous invocations');
    // Lambda sends to the destination with the function's role. CDK's SqsDestination would also grant
    // GetQueueAttributes and GetQueueUrl, which delivery does not use: the destination is bound here and the role
    // gets exactly SendMessage on this queue (as AppFunction.onAsyncFailure does; kept as its own construct so
    // the deployed invoke config keeps its logical id and a deploy does not replace it).
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
