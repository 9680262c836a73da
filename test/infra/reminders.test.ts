/** Reminders in AWS: the schedule (time zone, retry, DLQ), SES configuration set, least-privilege grants. */
import type { CfnElement } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLE_ACTIONS } from '#infra/constructs/data.ts';
import {
  REMINDER_ASYNC,
  REMINDER_RESEND_GRACE_MINUTES,
  REMINDER_RETRY,
  REMINDER_SCHEDULE,
} from '#infra/constructs/reminders.ts';
import { resourcesOf, synth } from './synth.ts';

const dev = () => synth('dev');
const logicalId = (element: unknown) => {
  const e = element as CfnElement;
  return Stack.of(e).getLogicalId(e);
};

function statementsOf(roleElement: unknown) {
  const s = dev();
  const roleId = logicalId(roleElement);
  return Object.values(resourcesOf(s.template, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties?.Roles).includes(`"${roleId}"`))
    .flatMap(
      (p) =>
        (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] })
          .Statement,
    );
}
const actions = (sts: { Action: string | string[] }[]) =>
  sts.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action])).sort();

describe('reminder schedule', () => {
  it('runs hourly in Asia/Ho_Chi_Minh with a retry policy and a dead-letter queue', () => {
    const s = dev();
    const r = s.stack.reminders;
    // Other capabilities may schedule their own jobs: this one is found by its id.
    const schedule = resourcesOf(s.template, 'AWS::Scheduler::Schedule')[logicalId(r.schedule)]!;
    expect(schedule.Properties).toEqual({
      Description: expect.stringContaining('Asia/Ho_Chi_Minh'),
      ScheduleExpression: 'cron(0 * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { 'Fn::GetAtt': [logicalId(r.fn.node.defaultChild), 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [logicalId(r.schedulerRole.node.defaultChild), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(r.deadLetterQueue.node.defaultChild), 'Arn'] } },
        Input: JSON.stringify({ source: 'schedule' }),
      },
    });
    expect(REMINDER_SCHEDULE.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(REMINDER_RETRY.maximumRetryAttempts).toBeGreaterThan(0);
  });

  it('keeps the dead-letter queue encrypted, TLS-only and for 14 days', () => {
    const s = dev();
    const q = resourcesOf(s.template, 'AWS::SQS::Queue')[
      logicalId(s.stack.reminders.deadLetterQueue.node.defaultChild)
    ]!;
    expect(q.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalId(s.stack.reminders.deadLetterQueue.node.defaultChild) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('lets the scheduler invoke exactly this function and write to its DLQ, nothing else', () => {
    const r = dev().stack.reminders;
    const sts = statementsOf(r.schedulerRole.node.defaultChild);
    expect(actions(sts)).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    expect(JSON.stringify(sts)).not.toContain(':*');
    dev().template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
          }),
        ],
      },
    });
  });
});

describe('reminder function', () => {
  it('runs on nodejs24.x with the SES mailer, its configuration set and the web app URL', () => {
    const s = dev();
    const props = s.template.toJSON().Resources[logicalId(s.stack.reminders.fn.node.defaultChild)].Properties;
    expect(props.Runtime).toBe('nodejs24.x');
    expect(props.Environment.Variables).toMatchObject({
      MAILER: 'ses',
      MAIL_FROM: 'Minh Chứng <nhac-viec@minhchung.example.vn>',
      MAIL_REPLY_TO: 'van-hanh@minhchung.example.vn',
      SES_CONFIGURATION_SET: { Ref: logicalId(s.stack.reminders.configurationSet.node.defaultChild) },
      // The web app's own origin (here the CloudFront domain): links work from the first deploy.
      APP_URL: s.stack.resolve(s.stack.webOrigin),
      REMINDER_RESEND_GRACE_MINUTES: '15',
    });
    expect(REMINDER_RESEND_GRACE_MINUTES).toBe(15);
    expect(props.Timeout).toBe(300);
  });

  it('retries its asynchronous invocations (schedule, SES events) and keeps what still fails in the DLQ', () => {
    const s = dev();
    const r = s.stack.reminders;
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(r.fn.node.defaultChild) },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(r.deadLetterQueue.node.defaultChild), 'Arn'] } },
      },
    });
    expect(REMINDER_ASYNC.retryAttempts).toBe(2);
    const sqs = statementsOf(r.fn.executionRole.node.defaultChild).find(
      (st) => st.Action === 'sqs:SendMessage',
    )!;
    expect(sqs.Resource).toEqual({ 'Fn::GetAtt': [logicalId(r.deadLetterQueue.node.defaultChild), 'Arn'] });
  });

  it('may send e-mail only from its identity through its configuration set, and read/write the table', () => {
    const s = dev();
    const sts = statementsOf(s.stack.reminders.fn.executionRole.node.defaultChild);
    expect(actions(sts)).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        ...TABLE_ACTIONS.read,
        ...TABLE_ACTIONS.write,
        'ses:SendEmail',
        // The mailer sends Raw content, which SES authorizes as SendRawEmail too.
        'ses:SendRawEmail',
        'sqs:SendMessage',
      ].sort(),
    );
    const ses = sts.find((st) => JSON.stringify(st.Action).includes('ses:SendEmail'))!;
    expect(ses.Action).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    const text = JSON.stringify(ses.Resource);
    expect(text).toContain(':identity/minhchung.example.vn');
    expect(text).toContain(':configuration-set/');
    expect(text).not.toMatch(/identity\/\*|"\*"/);
  });
});

describe('SES', () => {
  it('has a configuration set that requires TLS, suppresses bounces and complaints, and reports every send to EventBridge', () => {
    const s = dev();
    s.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    s.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        // `send`: SES accepted the message — the provider record that settles an interrupted send.
        MatchingEventTypes: Match.arrayWith(['send', 'bounce', 'complaint', 'delivery', 'reject']),
        EventBridgeDestination: { EventBusArn: Match.anyValue() },
      }),
    });
    s.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'minhchung.example.vn' });
    expect(s.stack.mail.emailIdentity).toBeDefined();
  });

  it('routes send, bounce, complaint, delivery, reject and delay events of its own configuration set to the function', () => {
    const s = dev();
    s.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        'detail-type': [
          'Email Sent',
          'Email Bounced',
          'Email Complaint Received',
          'Email Delivered',
          'Email Rejected',
          'Email Delivery Delayed',
        ],
        detail: {
          mail: {
            tags: {
              'ses:configuration-set': [
                { Ref: logicalId(s.stack.reminders.configurationSet.node.defaultChild) },
              ],
            },
          },
        },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(s.stack.reminders.fn.node.defaultChild), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2 },
          DeadLetterConfig: {
            Arn: { 'Fn::GetAtt': [logicalId(s.stack.reminders.deadLetterQueue.node.defaultChild), 'Arn'] },
          },
        }),
      ],
    });
  });
});
