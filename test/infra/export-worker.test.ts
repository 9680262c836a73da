/** Dossier exports in AWS: the build-export worker, its asynchronous-invocation config and dead-letter queue. */
import type { CfnElement } from 'aws-cdk-lib';
import { Aws, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { eventFunctions } from '#http/routes.ts';
import { EXPORT_ASYNC, exportWorkerName } from '#infra/constructs/export-worker.ts';
import { resourcesOf, synth, TEST_ENV } from './synth.ts';

const dev = () => synth('dev');
const logicalId = (element: unknown) => {
  const e = element as CfnElement;
  return Stack.of(e).getLogicalId(e);
};

describe('build-export worker', () => {
  it.each(['dev', 'prod'] as const)(
    'is the build-export function: 1024 MB, 15 minutes, a fixed name, in the parent stack (%s)',
    (stage) => {
      const s = synth(stage);
      const w = s.stack.exportWorker;
      expect(w.fn.fn).toBe(eventFunctions.buildExport.fn);
      expect(Stack.of(w.fn)).toBe(s.stack);
      const props = resourcesOf(s.template, 'AWS::Lambda::Function')[logicalId(w.fn.node.defaultChild)]!
        .Properties;
      // A package run stops at ~13 minutes and continues in a new invocation; memory stays bounded.
      expect(props).toMatchObject({
        MemorySize: 1024,
        Timeout: 900,
        Runtime: 'nodejs24.x',
        FunctionName: `MinhChung-${stage}-build-export`,
      });
      expect(w.functionName).toBe(props.FunctionName);
    },
  );

  it('refuses a name Lambda would reject (over 64 characters) or one not known at synthesis', () => {
    expect(exportWorkerName('MinhChung-prod')).toBe('MinhChung-prod-build-export');
    expect(() => exportWorkerName('x'.repeat(52))).toThrow(/64 characters/);
    expect(() => exportWorkerName(Aws.STACK_NAME)).toThrow(/literal/);
  });

  it('may invoke itself only, by its own ARN (unqualified), and knows its own name', () => {
    for (const stage of ['dev', 'prod'] as const) {
      const s = synth(stage);
      const w = s.stack.exportWorker;
      const name = `MinhChung-${stage}-build-export`;
      const fn = resourcesOf(s.template, 'AWS::Lambda::Function')[logicalId(w.fn.node.defaultChild)]!;
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.EXPORT_FUNCTION_NAME).toBe(fn.Properties.FunctionName);
      expect(env.EXPORT_FUNCTION_NAME).toBe(name);
      const roleId = logicalId(w.fn.executionRole.node.defaultChild);
      const statements = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy'))
        .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
        .flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: unknown }[] }).Statement)
        .filter((st) => JSON.stringify(st.Action).includes('lambda:'));
      expect(statements).toEqual([
        {
          Action: 'lambda:InvokeFunction',
          Effect: 'Allow',
          Resource: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                `:lambda:${TEST_ENV.region}:${TEST_ENV.account}:function:${name}`,
              ],
            ],
          },
        },
      ]);
    }
  });

  it('references itself by name only, so its role policy and environment form no cycle', () => {
    // Template.fromStack (in synth) already fails on a cyclical dependency; this pins why there is none.
    const s = dev();
    const w = s.stack.exportWorker;
    const fnId = logicalId(w.fn.node.defaultChild);
    const fn = resourcesOf(s.template, 'AWS::Lambda::Function')[fnId]!;
    const roleId = logicalId(w.fn.executionRole.node.defaultChild);
    const policies = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`),
    );
    for (const text of [JSON.stringify(fn.Properties), ...policies.map((p) => JSON.stringify(p))]) {
      expect(text).not.toContain(`"Ref":"${fnId}"`);
      expect(text).not.toContain(`"${fnId}","Arn"`);
    }
  });

  it('retries a failed asynchronous invocation twice, for at most an hour, then sends it to its DLQ', () => {
    const s = dev();
    const w = s.stack.exportWorker;
    const configs = Object.values(resourcesOf(s.template, 'AWS::Lambda::EventInvokeConfig')).filter(
      (c) =>
        JSON.stringify(c.Properties.FunctionName) ===
        JSON.stringify({ Ref: logicalId(w.fn.node.defaultChild) }),
    );
    expect(configs).toHaveLength(1);
    expect(configs[0]!.Properties).toEqual({
      FunctionName: { Ref: logicalId(w.fn.node.defaultChild) },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [logicalId(w.deadLetterQueue.node.defaultChild), 'Arn'] },
        },
      },
    });
    expect(EXPORT_ASYNC.retryAttempts).toBe(2);
  });

  it('keeps the dead-letter queue encrypted, TLS-only and for 14 days', () => {
    const s = dev();
    const queueId = logicalId(s.stack.exportWorker.deadLetterQueue.node.defaultChild);
    expect(resourcesOf(s.template, 'AWS::SQS::Queue')[queueId]!.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('has its DLQ permission before the invoke config is created (Lambda checks it then)', () => {
    const s = dev();
    const w = s.stack.exportWorker;
    const fn = resourcesOf(s.template, 'AWS::Lambda::Function')[logicalId(w.fn.node.defaultChild)]!;
    const policyId = Object.entries(resourcesOf(s.template, 'AWS::IAM::Policy')).find(
      ([, p]) =>
        JSON.stringify(p.Properties.PolicyDocument).includes('sqs:SendMessage') &&
        JSON.stringify(p.Properties.Roles).includes(`"${logicalId(w.fn.executionRole.node.defaultChild)}"`),
    )?.[0];
    expect(policyId).toBeDefined();
    // The invoke config references the function, which depends on its role's policy.
    expect(fn.DependsOn).toContain(policyId);
  });

  it('gives request-export and the worker itself the worker’s name, and no other function', () => {
    const s = dev();
    const workerId = logicalId(s.stack.exportWorker.fn.node.defaultChild);
    const requestId = logicalId(s.stack.api.functions.get('request-export')!.node.defaultChild);
    const withName = Object.fromEntries(
      Object.entries(resourcesOf(s.template, 'AWS::Lambda::Function'))
        .filter(([, f]) => JSON.stringify(f.Properties.Environment ?? {}).includes('EXPORT_FUNCTION_NAME'))
        .map(([id, f]) => [
          id,
          (f.Properties.Environment as { Variables: Record<string, unknown> }).Variables.EXPORT_FUNCTION_NAME,
        ]),
    );
    // request-export (a nested stack) gets the worker's Ref, which resolves to the same fixed name.
    expect(withName).toEqual({
      [requestId]: { Ref: workerId },
      [workerId]: s.stack.exportWorker.functionName,
    });
  });
});
