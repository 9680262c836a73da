/** The daily readiness snapshot: EventBridge Scheduler in Asia/Ho_Chi_Minh → one function, least privilege. */

import type { CfnElement } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { eventFunctions } from '#http/routes.ts';
import { TABLE_ACTIONS } from '#infra/constructs/data.ts';
import { SNAPSHOT_RETRY, SNAPSHOT_SCHEDULE } from '#infra/constructs/readiness-snapshots.ts';
import { resourcesOf, synth } from './synth.ts';

const logicalId = (element: unknown) => {
  const e = element as CfnElement;
  return Stack.of(e).getLogicalId(e);
};

describe('readiness snapshots', () => {
  const s = () => synth('dev');

  it('runs the readiness-snapshot function daily at 23:30 in Asia/Ho_Chi_Minh, with retries and a dead-letter queue', () => {
    const { readinessSnapshots: rs } = s().stack;
    expect(rs.fn.fn).toBe(eventFunctions.readinessSnapshot.fn);
    const schedule = resourcesOf(s().template, 'AWS::Scheduler::Schedule')[logicalId(rs.schedule)]!
      .Properties;
    expect(schedule).toMatchObject({
      ScheduleExpression: SNAPSHOT_SCHEDULE.expression,
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalId(rs.fn.node.defaultChild), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: SNAPSHOT_RETRY.maximumRetryAttempts },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(rs.deadLetterQueue.node.defaultChild), 'Arn'] } },
      },
    });
  });

  it('the scheduler role may invoke exactly that function; the function reads and writes the table and reports failures', () => {
    const { readinessSnapshots: rs } = s().stack;
    const policies = Object.values(resourcesOf(s().template, 'AWS::IAM::Policy'));
    const statementsOf = (role: unknown) =>
      policies
        .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${logicalId(role)}"`))
        .flatMap(
          (p) =>
            (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] })
              .Statement,
        );
    const scheduler = statementsOf(rs.schedulerRole.node.defaultChild);
    expect(scheduler.map((st) => st.Action).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const invoke = scheduler.find((st) => st.Action === 'lambda:InvokeFunction')!;
    expect(invoke.Resource).toEqual({ 'Fn::GetAtt': [logicalId(rs.fn.node.defaultChild), 'Arn'] });
    const fnActions = statementsOf(rs.fn.executionRole.node.defaultChild).flatMap((st) =>
      Array.isArray(st.Action) ? st.Action : [st.Action],
    );
    expect(fnActions.sort()).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        ...TABLE_ACTIONS.read,
        ...TABLE_ACTIONS.write,
        // Its on-failure destination (AppFunction.onAsyncFailure), the same queue as the schedule's DLQ.
        'sqs:SendMessage',
      ].sort(),
    );
  });
});
