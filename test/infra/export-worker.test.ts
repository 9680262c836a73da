/** Dossier exports in AWS: the build-export worker, its asynchronous-invocation config and dead-letter queue. */
import type { CfnElement } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { EXPORT_ASYNC } from '../../infra/constructs/export-worker.ts';
import { eventFunctions } from '../../shared/http/routes.ts';
import { resourcesOf, synth } from './synth.ts';

const dev = () => synth('dev');
const logicalId = (element: unknown) => {
  const e = element as CfnElement;
  return Stack.of(e).getLogicalId(e);
};

describe('build-export worker', () => {
  it('is the build-export function: 1024 MB, 5 minutes, in the parent stack next to the table and bucket', () => {
    const s = dev();
    const w = s.stack.exportWorker;
    expect(w.fn.fn).toBe(eventFunctions.buildExport.fn);
    expect(Stack.of(w.fn)).toBe(s.stack);
    const props = resourcesOf(s.template, 'AWS::Lambda::Function')[logicalId(w.fn.node.defaultChild)]!
      .Properties;
    expect(props).toMatchObject({ MemorySize: 1024, Timeout: 300, Runtime: 'nodejs24.x' });
  });

  it('retries a failed asynchronous invocation twice, for at most an hour, then sends it to its DLQ', () => {
    const s = dev();
    const w = s.stack.exportWorker;
    const configs = Object.values(resourcesOf(s.template, 'AWS::Lambda::EventInvokeConfig'));
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

  it('gives request-export the worker’s name and no other function', () => {
    const s = dev();
    const workerRef = { Ref: logicalId(s.stack.exportWorker.fn.node.defaultChild) };
    const withName = Object.entries(resourcesOf(s.template, 'AWS::Lambda::Function'))
      .filter(([, f]) => JSON.stringify(f.Properties.Environment ?? {}).includes('EXPORT_FUNCTION_NAME'))
      .map(([id, f]) => [id, (f.Properties.Environment as { Variables: Record<string, unknown> }).Variables]);
    expect(withName).toEqual([
      [logicalId(s.stack.api.functions.get('request-export')!.node.defaultChild), expect.anything()],
    ]);
    expect(withName[0]![1]).toMatchObject({ EXPORT_FUNCTION_NAME: workerRef });
  });
});
