/**
 * Nothing invoked asynchronously fails silently (docs/evidence.md, "Recovery"). S3 notifications, EventBridge
 * rules, EventBridge Scheduler and `InvocationType: Event` all invoke Lambda asynchronously: Lambda retries a
 * failed invocation, then discards it unless the function has an on-failure destination (a target's own
 * dead-letter queue only keeps what could not be delivered). This walks the synthesized template, so a future
 * asynchronous function without one fails here.
 */
import { App, type CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { describe, expect, it } from 'vitest';
import { eventFunctions } from '#http/routes.ts';
import {
  REDRIVE_ASYNC,
  REDRIVE_RETRY,
  REDRIVE_SCHEDULE,
  UPLOAD_EVENTS_ASYNC,
} from '#infra/constructs/upload-recovery.ts';
import { resourcesOf, synth } from './synth.ts';

type Resources = ReturnType<typeof resourcesOf>;
const logicalId = (element: unknown) => {
  const e = element as CfnElement;
  return Stack.of(e).getLogicalId(e);
};
const refOf = (v: unknown): string | undefined => {
  const o = v as { Ref?: string; 'Fn::GetAtt'?: [string, string] } | undefined;
  return o?.Ref ?? o?.['Fn::GetAtt']?.[0];
};

/**
 * Functions of a template by how they are invoked: behind the HTTP API (synchronous: API Gateway waits and
 * answers the client), CloudFormation custom-resource handlers (deploy-time; a failure fails the deployment),
 * and everything else, which must have an EventInvokeConfig with an on-failure destination.
 */
function classify(template: Template) {
  const all = template.toJSON().Resources as Resources;
  const functions = Object.keys(resourcesOf(template, 'AWS::Lambda::Function'));
  const byApi = new Set(
    Object.values(resourcesOf(template, 'AWS::Lambda::Permission'))
      .filter((p) => p.Properties.Principal === 'apigateway.amazonaws.com')
      .map((p) => refOf(p.Properties.FunctionName)),
  );
  const customResource = new Set(
    Object.values(all)
      .filter((r) => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource')
      .map((r) => refOf(r.Properties?.ServiceToken)),
  );
  const onFailure = new Map(
    Object.values(resourcesOf(template, 'AWS::Lambda::EventInvokeConfig'))
      .filter((c) => c.Properties.Qualifier === '$LATEST')
      .map((c) => [
        refOf(c.Properties.FunctionName),
        {
          props: c.Properties,
          destination: refOf(
            (c.Properties.DestinationConfig as { OnFailure?: { Destination?: unknown } } | undefined)
              ?.OnFailure?.Destination,
          ),
        },
      ]),
  );
  const asynchronous = functions.filter((id) => !byApi.has(id) && !customResource.has(id));
  return {
    functions,
    byApi,
    customResource,
    asynchronous,
    onFailure,
    missing: asynchronous.filter((id) => !onFailure.get(id)?.destination),
  };
}

describe('asynchronous invocations', () => {
  it.each(['dev', 'prod'] as const)(
    'every function not behind the HTTP API has an on-failure destination: an encrypted, TLS-only SQS queue its role may send to (%s)',
    (stage) => {
      const s = synth(stage);
      const c = classify(s.template);
      expect(c.missing).toEqual([]);
      const queues = resourcesOf(s.template, 'AWS::SQS::Queue');
      const policies = Object.values(resourcesOf(s.template, 'AWS::SQS::QueuePolicy'));
      const iam = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy'));
      const fns = resourcesOf(s.template, 'AWS::Lambda::Function');
      for (const id of c.asynchronous) {
        const queueId = c.onFailure.get(id)!.destination!;
        expect(queues[queueId], id).toBeDefined();
        expect(queues[queueId]!.Properties, id).toMatchObject({
          SqsManagedSseEnabled: true,
          MessageRetentionPeriod: 14 * 24 * 3600,
        });
        expect(
          queues[queueId]!.Properties.FifoQueue,
          'Lambda destinations take standard queues',
        ).toBeUndefined();
        const tlsOnly = policies.some(
          (p) =>
            JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: queueId }]) &&
            JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
        );
        expect(tlsOnly, `${queueId} refuses plain HTTP`).toBe(true);
        // Lambda delivers the record with the function's own role.
        const roleId = refOf((fns[id]!.Properties as { Role: unknown }).Role);
        const sends = iam
          .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
          .flatMap(
            (p) =>
              (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] })
                .Statement,
          )
          .some((st) => st.Action === 'sqs:SendMessage' && refOf(st.Resource) === queueId);
        expect(sends, `${id} may send to ${queueId}`).toBe(true);
      }
    },
  );

  it('knows exactly which functions those are: the event functions, nothing of the API, no CDK deploy-time handler', () => {
    const s = synth('dev');
    const c = classify(s.template);
    const ids = {
      [eventFunctions.finalizeUpload.fn]: s.stack.finalizeUpload,
      [eventFunctions.scanResult.fn]: s.stack.scanResult,
      [eventFunctions.sendReminders.fn]: s.stack.reminders.fn,
      [eventFunctions.readinessSnapshot.fn]: s.stack.readinessSnapshots.fn,
      [eventFunctions.buildExport.fn]: s.stack.exportWorker.fn,
      [eventFunctions.redriveUploads.fn]: s.stack.uploadRecovery.fn,
    };
    expect(Object.keys(ids).sort()).toEqual(
      Object.values(eventFunctions)
        .map((e) => e.fn)
        .sort(),
    );
    expect(c.asynchronous.sort()).toEqual(
      Object.values(ids)
        .map((f) => logicalId(f.node.defaultChild))
        .sort(),
    );
    // The classification is not vacuous: every API function is behind API Gateway, and CDK's handlers exist.
    for (const fn of s.stack.api.functions.values())
      expect(c.byApi.has(logicalId(fn.node.defaultChild))).toBe(true);
    expect(c.customResource.size).toBeGreaterThan(0);
  });

  it('finalize and scan-result retry twice, keep events six hours, then record them in the upload queue', () => {
    const s = synth('dev');
    const c = classify(s.template);
    const queue = logicalId(s.stack.uploadRecovery.failedEvents.node.defaultChild);
    for (const fn of [s.stack.finalizeUpload, s.stack.scanResult]) {
      const config = c.onFailure.get(logicalId(fn.node.defaultChild))!;
      expect(config.destination).toBe(queue);
      expect(config.props).toMatchObject({
        MaximumRetryAttempts: UPLOAD_EVENTS_ASYNC.retryAttempts,
        MaximumEventAgeInSeconds: UPLOAD_EVENTS_ASYNC.maxEventAge.toSeconds(),
      });
    }
    // Lambda's limits: 0–2 retries, at most six hours in its queue.
    expect(UPLOAD_EVENTS_ASYNC.retryAttempts).toBe(2);
    expect(UPLOAD_EVENTS_ASYNC.maxEventAge.toSeconds()).toBe(Duration.hours(6).toSeconds());
  });

  it('the GuardDuty verdict rule keeps an undeliverable event in the same queue', () => {
    const s = synth('dev');
    const queue = logicalId(s.stack.uploadRecovery.failedEvents.node.defaultChild);
    const rule = resourcesOf(s.template, 'AWS::Events::Rule')[
      logicalId(s.stack.malwareProtection.rule.node.defaultChild)
    ]!;
    const [target] = rule.Properties.Targets as { Arn: unknown; DeadLetterConfig?: { Arn: unknown } }[];
    expect(refOf(target!.Arn)).toBe(logicalId(s.stack.scanResult.node.defaultChild));
    expect(refOf(target!.DeadLetterConfig?.Arn)).toBe(queue);
    // EventBridge delivers to a DLQ under the queue's resource policy, scoped to this rule.
    const allowed = Object.values(resourcesOf(s.template, 'AWS::SQS::QueuePolicy')).some((p) => {
      const text = JSON.stringify(p.Properties);
      return (
        text.includes(`"Ref":"${queue}"`) &&
        text.includes('events.amazonaws.com') &&
        text.includes('aws:SourceArn')
      );
    });
    expect(allowed).toBe(true);
  });

  it('runs the redrive every 15 minutes with retries, a DLQ and an on-failure destination, and least privilege', () => {
    const s = synth('dev');
    const r = s.stack.uploadRecovery;
    const queue = logicalId(r.failedEvents.node.defaultChild);
    const schedule = resourcesOf(s.template, 'AWS::Scheduler::Schedule')[logicalId(r.schedule)]!.Properties;
    expect(schedule).toMatchObject({
      ScheduleExpression: REDRIVE_SCHEDULE.expression,
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalId(r.fn.node.defaultChild), 'Arn'] },
        RetryPolicy: {
          MaximumRetryAttempts: REDRIVE_RETRY.maximumRetryAttempts,
          MaximumEventAgeInSeconds: REDRIVE_RETRY.maximumEventAgeInSeconds,
        },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue, 'Arn'] } },
      },
    });
    const config = classify(s.template).onFailure.get(logicalId(r.fn.node.defaultChild))!;
    expect(config.destination).toBe(queue);
    expect(config.props).toMatchObject({
      MaximumRetryAttempts: REDRIVE_ASYNC.retryAttempts,
      MaximumEventAgeInSeconds: REDRIVE_ASYNC.maxEventAge.toSeconds(),
    });
    const fn = resourcesOf(s.template, 'AWS::Lambda::Function')[logicalId(r.fn.node.defaultChild)]!;
    expect(fn.Properties).toMatchObject({ Timeout: 900, Runtime: 'nodejs24.x' });
    expect((fn.Properties.Environment as { Variables: Record<string, string> }).Variables).toMatchObject({
      UPLOAD_EXPIRY_HOURS: '24',
      REDRIVE_GRACE_MINUTES: '10',
    });
    const roleId = logicalId(r.fn.executionRole.node.defaultChild);
    const actions = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
      .flatMap(
        (p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement,
      )
      .flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));
    expect([...new Set(actions)].sort()).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:ConditionCheckItem',
        's3:GetObject',
        's3:ListBucket',
        's3:GetObjectTagging',
        's3:DeleteObject',
        's3:AbortMultipartUpload',
        // A carried-forward file's copy (CopyObject writes the new key).
        's3:PutObject',
        'sqs:SendMessage',
      ].sort(),
    );
  });

  it('flags an asynchronously invoked function without an on-failure destination', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Probe');
    const fn = new LambdaFunction(stack, 'Forgotten', {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline('export const handler = async () => {};'),
    });
    new Bucket(stack, 'Bucket').addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn));
    const c = classify(Template.fromStack(stack));
    expect(c.missing).toEqual([logicalId(fn.node.defaultChild)]);
  });
});
