import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One cdk-nag acknowledgement. The reason is mandatory and must say why the finding is acceptable here. */
export interface NagAck {
  id: string;
  reason: string;
}

/** Acknowledge findings on `scope` and everything below it (cdk-nag v3 reads them from construct metadata). */
export function acknowledge(scope: IConstruct, ...acks: NagAck[]): void {
  for (const ack of acks) {
    if (ack.reason.trim().length < 20) throw new Error(`nag acknowledgement ${ack.id} needs a real reason`);
    Validations.of(scope).acknowledge(ack);
  }
}

/**
 * The finding id cdk-nag's IAM5 reports for a wildcard resource built on a resource's ARN, e.g.
 * `AwsSolutions-IAM5[Resource::<EvidenceBucket1234.Arn>/evidence/*]`.
 */
export function wildcardResourceId(resource: CfnElement, suffix: string): string {
  return `AwsSolutions-IAM5[Resource::<${Stack.of(resource).getLogicalId(resource)}.Arn>${suffix}]`;
}
