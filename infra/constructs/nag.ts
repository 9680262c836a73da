import { type CfnElement, Names, Stack, Validations } from 'aws-cdk-lib';
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
 * `AwsSolutions-IAM5[Resource::<EvidenceBucket1234.Arn>/evidence/*]`. When the policy (`consumer`) is in a
 * nested stack below the resource's stack, the ARN arrives as the parameter CDK creates for the reference
 * (`reference-to-<unique id of the resource>Arn`, core/lib/private/refs.ts), and the finding names that.
 */
export function wildcardResourceId(resource: CfnElement, suffix: string, consumer?: IConstruct): string {
  const owner = Stack.of(resource);
  if (!consumer || Stack.of(consumer) === owner) {
    return `AwsSolutions-IAM5[Resource::<${owner.getLogicalId(resource)}.Arn>${suffix}]`;
  }
  const parameter = `referenceto${Names.nodeUniqueId(resource.node)}Arn`.replace(/[^A-Za-z0-9]/g, '');
  return `AwsSolutions-IAM5[Resource::<${parameter}>${suffix}]`;
}
