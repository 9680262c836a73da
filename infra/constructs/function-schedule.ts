import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface FunctionScheduleProps {
  /** Logical id of the schedule inside `scope` (the role is always `SchedulerRole`). */
  id: string;
  description: string;
  /** Who the role is for, in its description: "EventBridge Scheduler invoking <what>". */
  invoking: string;
  fn: IFunction;
  expression: string;
  /** Omitted for rate() expressions. */
  timeZone?: string;
  retryPolicy: { maximumRetryAttempts: number; maximumEventAgeInSeconds: number };
  /** The target's dead-letter queue (delivery failures). */
  deadLetterQueue: IQueue;
}

/**
 * An EventBridge Scheduler schedule that invokes one function asynchronously with `{"source":"schedule"}`.
 * L1 with our own role: the L2 target grants `<function>:*` (every version); this role, assumable only from our
 * account, invokes exactly one ARN and sends only to the dead-letter queue. Created in `scope` with the ids
 * `SchedulerRole` and `props.id`, so each caller's logical ids stay its own.
 */
export function scheduleFunction(
  scope: Construct,
  props: FunctionScheduleProps,
): { role: Role; schedule: CfnSchedule } {
  const role = new Role(scope, 'SchedulerRole', {
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
    description: `EventBridge Scheduler invoking ${props.invoking}`,
  });
  role.addToPolicy(
    new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.fn.functionArn] }),
  );
  role.addToPolicy(
    new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }),
  );
  const schedule = new CfnSchedule(scope, props.id, {
    description: props.description,
    scheduleExpression: props.expression,
    ...(props.timeZone ? { scheduleExpressionTimezone: props.timeZone } : {}),
    flexibleTimeWindow: { mode: 'OFF' },
    state: 'ENABLED',
    target: {
      arn: props.fn.functionArn,
      roleArn: role.roleArn,
      input: JSON.stringify({ source: 'schedule' }),
      retryPolicy: { ...props.retryPolicy },
      deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
    },
  });
  return { role, schedule };
}
