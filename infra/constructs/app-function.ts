import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type EventInvokeConfig, type IDestination, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { BUNDLE, handlerEntry } from '#infra/bundling.ts';

/** Repository root: entries, lock file and esbuild's working directory resolve from here, not from cwd. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Lambda's handling of a failed asynchronous invocation: retries (0–2) and how long an event may wait (≤ 6 h). */
export interface AsyncRetry {
  retryAttempts: number;
  maxEventAge: Duration;
}

export interface AppFunctionProps
  extends Omit<
    NodejsFunctionProps,
    'entry' | 'handler' | 'runtime' | 'architecture' | 'bundling' | 'role' | 'logGroup' | 'logRetention'
  > {
  /** Folder under `functions/` whose `handler.ts` exports `handler`. */
  fn: string;
  logRetention: RetentionDays;
  /** Removal policy of the function's log group. */
  logRemovalPolicy: RemovalPolicy;
}

/**
 * Every Lambda of the app: Node.js 24 on Graviton, one ESM bundle per function from the shared esbuild options
 * (the bench measures the same bundle), an explicit log group with retention (no LogRetention custom
 * resource), and its own role that may only write to that log group (no AWS-managed policy). Grants are
 * added by the caller, per function.
 *
 * The log group and role are created next to the function (`<id>Logs`, `<id>Role`) because a subclass cannot
 * create children before `super()`.
 */
export class AppFunction extends NodejsFunction {
  readonly fn: string;
  readonly logGroupResource: LogGroup;
  readonly executionRole: Role;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const { fn, logRetention, logRemovalPolicy, environment, ...rest } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: logRetention,
      removalPolicy: logRemovalPolicy,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${fn} function`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      memorySize: 512,
      timeout: Duration.seconds(10),
      ...rest,
      entry: path.join(REPO_ROOT, handlerEntry(fn)),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      role,
      logGroup,
      // SDK v3 keeps connections alive by itself; the v2-era variable would only add noise.
      awsSdkConnectionReuse: false,
      // Caller variables are merged, never replaced (the Powertools example's spread drops them).
      environment: { NODE_OPTIONS: '--enable-source-maps', ...environment },
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE.target,
        minify: BUNDLE.minify,
        sourceMap: BUNDLE.sourcemap,
        mainFields: [...BUNDLE.mainFields],
        banner: BUNDLE.banner,
        bundleAwsSDK: true,
        esbuildArgs: {
          '--tree-shaking': String(BUNDLE.treeShaking),
          '--sources-content': String(BUNDLE.sourcesContent),
        },
      },
    });
    this.fn = fn;
    this.logGroupResource = logGroup;
    this.executionRole = role;
  }

  /**
   * For a function invoked asynchronously (S3 notifications, EventBridge rules, Scheduler, InvocationType
   * Event): Lambda retries a failed invocation `retryAttempts` times, then sends the invocation record (event,
   * error, attempts) to `queue`, its on-failure destination; so does an event older than `maxEventAge`. A
   * target's own dead-letter queue only catches what could not be delivered to Lambda, not what the function
   * failed. The role gets exactly `sqs:SendMessage` on the queue (Lambda sends with the function's role; CDK's
   * SqsDestination would add reads delivery does not use). test/infra/async-failures.test.ts requires this
   * of every function not behind the HTTP API.
   */
  onAsyncFailure(queue: IQueue, retry: AsyncRetry): EventInvokeConfig {
    this.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
    const onFailure: IDestination = { bind: () => ({ destination: queue.queueArn }) };
    this.configureAsyncInvoke({
      retryAttempts: retry.retryAttempts,
      maxEventAge: retry.maxEventAge,
      onFailure,
    });
    return this.node.findChild('EventInvokeConfig') as EventInvokeConfig;
  }
}
