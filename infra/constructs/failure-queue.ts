import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/** Failed events stay this long: the longest a holiday weekend plus a week of looking at them can take. */
export const FAILURE_RETENTION = Duration.days(14);

/**
 * Where failed asynchronous work is kept (docs/evidence.md, "Recovery"): an encrypted, TLS-only standard SQS
 * queue (Lambda's on-failure destinations take standard queues only), used as a function's on-failure
 * destination (`AppFunction.onAsyncFailure`) and/or as a Scheduler or EventBridge target's dead-letter queue.
 * `usedBy` says, for the cdk-nag acknowledgement, who sends to it.
 */
export function failureQueue(scope: Construct, id: string, usedBy: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: FAILURE_RETENTION,
  });
  acknowledge(queue, {
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself where failed events end (${usedBy}); SQS3 only recognises queues named in another queue’s RedrivePolicy.`,
  });
  return queue;
}
