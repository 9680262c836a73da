/**
 * The port contracts (test/contract/) against the real adapters on the local stack: DynamoDB Local through
 * the DynamoDB repositories, s3rver behind the verifying S3 front through the S3 object store. The unit
 * project runs the same contracts against the in-memory adapters (test/unit/contract-memory.test.ts).
 * Every contract makes its own ids: this table is shared with the rest of the integration suite.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/engines.ts';
import { describeAssignmentContract } from '#test/contract/assignment.contract.ts';
import { describeAuditContract } from '#test/contract/audit.contract.ts';
import { describeCommentContract } from '#test/contract/comment.contract.ts';
import { describeCycleContract } from '#test/contract/cycle.contract.ts';
import { describeEvidenceContract } from '#test/contract/evidence.contract.ts';
import { describeExportContract } from '#test/contract/export.contract.ts';
import { describeFrameworkContract } from '#test/contract/framework.contract.ts';
import { describeObjectStoreContract } from '#test/contract/object-store.contract.ts';
import { describeOrganizationContract } from '#test/contract/organization.contract.ts';
import { describeOutboxContract, describeProviderRecordContract } from '#test/contract/outbox.contract.ts';
import { describeReportTextsContract, describeSnapshotContract } from '#test/contract/records.contract.ts';
import { describeReviewQueueContract } from '#test/contract/review-queue.contract.ts';
import { describeScoreContract } from '#test/contract/score.contract.ts';
import { describeSubmissionContract, describeSurveyContract } from '#test/contract/submission.contract.ts';
import { describeUserContract } from '#test/contract/user.contract.ts';
import { stack } from './helpers.ts';

// The handlers' environment in this process, before any adapter creates its client.
Object.assign(process.env, {
  STAGE: 'local',
  TABLE_NAME: stack.tableName,
  BUCKET_NAME: stack.bucket,
  AWS_REGION: LOCAL_REGION,
  AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  DYNAMODB_ENDPOINT: stack.dynamo,
  S3_ENDPOINT: stack.s3,
});

async function dynamo() {
  const [client, keys, org, fw, cy, as, ev, sc, rq, cm, sb, sv, au, sn, rt, ex, us, ob, pr, s3] =
    await Promise.all([
      import('#adapters/dynamo/client.ts'),
      import('#adapters/dynamo/keys.ts'),
      import('#adapters/dynamo/organization-repository.ts'),
      import('#adapters/dynamo/framework-repository.ts'),
      import('#adapters/dynamo/cycle-repository.ts'),
      import('#adapters/dynamo/assignment-repository.ts'),
      import('#adapters/dynamo/evidence-repository.ts'),
      import('#adapters/dynamo/score-repository.ts'),
      import('#adapters/dynamo/review-queue-repository.ts'),
      import('#adapters/dynamo/comment-repository.ts'),
      import('#adapters/dynamo/submission-repository.ts'),
      import('#adapters/dynamo/survey-repository.ts'),
      import('#adapters/dynamo/audit-repository.ts'),
      import('#adapters/dynamo/snapshot-repository.ts'),
      import('#adapters/dynamo/report-texts-repository.ts'),
      import('#adapters/dynamo/export-repository.ts'),
      import('#adapters/dynamo/user-repository.ts'),
      import('#adapters/dynamo/outbox-repository.ts'),
      import('#adapters/dynamo/provider-record-repository.ts'),
      import('#adapters/s3/object-store.ts'),
    ]);
  /** The seeder's way in: plain puts of the organization items. */
  const put = (item: Record<string, unknown>) =>
    client.documentClient().send(new PutCommand({ TableName: client.tableName(), Item: item }));
  return {
    keys: keys.keys,
    put,
    org: org.organizationRepository,
    frameworks: fw.frameworkRepository,
    cycles: cy.cycleRepository,
    assignments: as.assignmentRepository,
    evidence: ev.evidenceRepository,
    scores: sc.scoreRepository,
    queue: rq.reviewQueueRepository,
    comments: cm.commentRepository,
    submissions: sb.submissionRepository,
    surveys: sv.surveyRepository,
    audit: au.auditRepository,
    snapshots: sn.snapshotRepository,
    reports: rt.reportTextsRepository,
    exports: ex.exportRepository,
    users: us.userRepository,
    outbox: ob.outboxRepository,
    providerRecords: pr.providerRecordRepository,
    store: s3.objectStore,
  };
}

const real = await dynamo();
const make = async () => real;
const { keys, put } = real;

describeOrganizationContract(async () => ({
  org: real.org,
  seed: {
    province: async (p) => void (await put({ ...keys.province(p.provinceId), _type: 'province', ...p })),
    entity: async (e) =>
      void (await put({
        ...keys.entity(e.entityId),
        ...(e.provinceId ? keys.entityIndex(e.provinceId, e.type, e.entityId) : {}),
        _type: 'entity',
        ...e,
      })),
    unit: async (u) => void (await put({ ...keys.unit(u.entityId, u.unitId), _type: 'unit', ...u })),
  },
}));
describeFrameworkContract(make);
describeCycleContract(make);
describeAssignmentContract(make);
describeEvidenceContract(make);
describeScoreContract(make);
// A known gap of the DynamoDB adapter: `entityIds: []` names `#e` in ExpressionAttributeNames without using
// it, which DynamoDB refuses (ValidationException). The memory adapter lists nothing.
describeReviewQueueContract(make);
describeCommentContract(make);
describeSubmissionContract(make);
describeSurveyContract(make);
describeAuditContract(make);
describeSnapshotContract(make);
describeReportTextsContract(make);
describeExportContract(make);
describeUserContract(make);
describeOutboxContract(make);
describeProviderRecordContract(make);
// s3rver does not check part ETags on CompleteMultipartUpload (S3 does): that check runs in memory only.
describeObjectStoreContract(
  async () => ({
    store: real.store,
    put: async (upload, body) => {
      const res = await fetch(upload.url, { method: upload.method, headers: upload.headers, body });
      await res.arrayBuffer();
      return res.status;
    },
  }),
  { partEtagsUnchecked: true },
);
