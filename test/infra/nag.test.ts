/**
 * cdk-nag v3 runs as a CDK validation plugin: during `app.synth()` CDK calls `AwsSolutionsChecks.validate`,
 * and any unacknowledged finding (error or warning) fails synthesis; under vitest CDK runs "in memory" and
 * throws the report. `synth()` below therefore already fails on a finding; these tests also read the
 * findings directly (`validateScope` on the synthesized tree) so a failure names rule and construct.
 */
import { type CfnResource, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp } from '#infra/app-builder.ts';
import { STAGES } from '#infra/stacks/stage-config.ts';
import { synth, TEST_ENV } from './synth.ts';

/** `RuleId path` for every finding nobody acknowledged. */
function unacknowledged(nag: AwsSolutionsChecks, root: IConstruct): string[] {
  return nag
    .validateScope(root)
    .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`));
}

interface Ack {
  path: string;
  id: string;
  reason: string;
}

/** Every `Validations.of(x).acknowledge(...)` in the tree. */
function acknowledgements(root: IConstruct): Ack[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          path: c.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

/** The findings the pack suppressed because of an acknowledgement, as `RuleId resourcePath`. */
function acknowledgedFindings(built: BuiltApp): { id: string; resource: string }[] {
  const pack = built.nag as unknown as { isAcknowledged(r: CfnResource, id: string): boolean };
  const original = pack.isAcknowledged;
  const hits: { id: string; resource: string }[] = [];
  pack.isAcknowledged = function (this: unknown, r: CfnResource, id: string) {
    const acked = original.call(this, r, id);
    if (acked) hits.push({ id, resource: r.node.path });
    return acked;
  };
  try {
    built.nag!.validateScope(built.app);
  } finally {
    pack.isAcknowledged = original;
  }
  return hits;
}

describe.each(STAGES)('cdk-nag AwsSolutions checks, %s stage', (stage) => {
  it('synthesizes with no unacknowledged finding', () => {
    const s = synth(stage); // throws the validation report on any finding
    expect(unacknowledged(s.nag!, s.app)).toEqual([]);
  });

  it('acknowledges only findings that exist, each with a specific reason', () => {
    const s = synth(stage);
    const acks = acknowledgements(s.app);
    const hits = acknowledgedFindings(s);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
      const used = hits.some(
        (h) => h.id === ack.id && (h.resource === ack.path || h.resource.startsWith(`${ack.path}/`)),
      );
      expect(used, `stale acknowledgement ${ack.id} at ${ack.path}`).toBe(true);
    }
    // The whole list, so a new acknowledgement shows up in review as a change to this snapshot.
    const summary = [
      ...new Set(
        acks.map(
          (a) =>
            `${a.path.replace(/^MinhChung-\w+\//, '')}: ${a.id.replace(
              // In a nested stack the ARN is the parameter of the reference (its hash depends on the stage).
              /<referencetoMinhChung(?:dev|prod)(\w+?)[0-9A-F]{8}Arn>/g,
              '<parameter:$1.Arn>',
            )}`,
        ),
      ),
    ].sort();
    // dev keeps no server access logs (docs/operations.md, "Tearing dev down").
    const devOnly =
      stage === 'dev' ? ['Evidence/Bucket: AwsSolutions-S1', 'Web/Bucket: AwsSolutions-S1'] : [];
    expect(summary).toEqual(
      [
        ...devOnly,
        'Api/RoutesEvidence/AddEvidenceFileRole: AwsSolutions-IAM5[Resource::<parameter:EvidenceBucket.Arn>/evidence/*]',
        'Api/RoutesEvidence/CarryForwardRole: AwsSolutions-IAM5[Resource::<parameter:EvidenceBucket.Arn>/evidence/*]',
        'Api/RoutesEvidence/CompleteUploadRole: AwsSolutions-IAM5[Resource::<parameter:EvidenceBucket.Arn>/evidence/*]',
        'Api/RoutesEvidence/DownloadEvidenceRole: AwsSolutions-IAM5[Resource::<parameter:EvidenceBucket.Arn>/evidence/*]',
        'Api/RoutesEvidence/PurgeEvidenceRole: AwsSolutions-IAM5[Resource::<parameter:EvidenceBucket.Arn>/evidence/*]',
        'Api/RoutesEvidence/RequestUploadRole: AwsSolutions-IAM5[Resource::<parameter:EvidenceBucket.Arn>/evidence/*]',
        'Api/RoutesEvidence/UploadPartsRole: AwsSolutions-IAM5[Resource::<parameter:EvidenceBucket.Arn>/evidence/*]',
        'Api/RoutesExports/GetExportRole: AwsSolutions-IAM5[Resource::<parameter:EvidenceBucket.Arn>/exports/*]',
        'BucketNotificationsHandler050a0587b7544547bf325f094a3db834: AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'BuildExportRole: AwsSolutions-IAM5[Resource::<EvidenceBucketC67FF768.Arn>/evidence/*]',
        'BuildExportRole: AwsSolutions-IAM5[Resource::<EvidenceBucketC67FF768.Arn>/exports/*]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-IAM5[Action::s3:Abort*]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-IAM5[Action::s3:GetObject*]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-IAM5[Action::s3:List*]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-IAM5[Resource::*]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-IAM5[Resource::<WebBucketE51352C0.Arn>/*]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-123456789012-ap-southeast-1/*]',
        'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: AwsSolutions-L1',
        'ExportWorker/DeadLetterQueue: AwsSolutions-SQS3',
        'FinalizeUploadRole: AwsSolutions-IAM5[Resource::<EvidenceBucketC67FF768.Arn>/evidence/*]',
        'Identity/UserPool: AwsSolutions-COG2',
        'Identity/UserPool: AwsSolutions-COG8',
        'MalwareProtection/Policy: AwsSolutions-IAM5[Resource::<EvidenceBucketC67FF768.Arn>/evidence/*]',
        'MalwareProtection/Policy: AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:ap-southeast-1:123456789012:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]',
        'ReadinessSnapshots/DeadLetterQueue: AwsSolutions-SQS3',
        'RedriveUploadsRole: AwsSolutions-IAM5[Resource::<EvidenceBucketC67FF768.Arn>/evidence/*]',
        'Reminders/DeadLetterQueue: AwsSolutions-SQS3',
        'UploadRecovery/FailedEvents: AwsSolutions-SQS3',
        'Web/Distribution: AwsSolutions-CFR1',
        'Web/Distribution: AwsSolutions-CFR2',
        'Web/Distribution: AwsSolutions-CFR3',
        'Web/Distribution: AwsSolutions-CFR4',
      ].sort(),
    );
  });
});

describe('the nag assertion itself', () => {
  // Control: if these stopped failing, the tests above would pass vacuously.
  const control = () => {
    const built = buildApp({
      stage: 'dev',
      env: TEST_ENV,
      // Bundling is irrelevant to the rules and slow; skip it for this throw-away app.
      context: { 'aws:cdk:bundling-stacks': [] },
    });
    new Bucket(built.stack, 'UnprotectedBucket');
    return built;
  };

  it('reports an unacknowledged finding', () => {
    const built = control();
    expect(unacknowledged(built.nag!, built.app)).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1 MinhChung-dev/UnprotectedBucket/Resource',
        'AwsSolutions-S10 MinhChung-dev/UnprotectedBucket/Resource',
      ]),
    );
  });

  it('checks the nested stacks too', () => {
    const built = control();
    new Bucket(built.stack.api.moduleStacks.get('evidence')!, 'NestedUnprotectedBucket');
    expect(unacknowledged(built.nag!, built.app)).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1 MinhChung-dev/Api/RoutesEvidence/NestedUnprotectedBucket/Resource',
      ]),
    );
  });

  it('makes synthesis fail on an unacknowledged finding', () => {
    expect(() => control().app.synth()).toThrow(/AwsSolutions-S10/);
  });
});
