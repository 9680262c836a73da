import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Stack, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLE } from '#adapters/dynamo/table.ts';
import { CLAIMS, ROLES } from '#domain/actor.ts';
import { EXPORT_TTL_DAYS } from '#domain/dossier.ts';
import { objectKeys } from '#domain/object-keys.ts';
import { eventFunctions, routeList, routeModules } from '#http/routes.ts';
import { handlerEntry } from '#infra/bundling.ts';
import { accessFor, USER_ADMIN_ACTIONS, USER_MFA_ACTIONS } from '#infra/constructs/api.ts';
import { REPO_ROOT } from '#infra/constructs/app-function.ts';
import { TABLE_ACTIONS, TTL_ATTRIBUTE } from '#infra/constructs/data.ts';
import {
  EVIDENCE_LIST_ACTIONS,
  EVIDENCE_OBJECT_ACTIONS,
  EVIDENCE_PREFIX,
  EXPORTS_PREFIX,
} from '#infra/constructs/evidence-bucket.ts';
import { GUARDDUTY_PRINCIPAL, SCAN_RESULT_DETAIL_TYPE } from '#infra/constructs/malware-protection.ts';
import { nestedStacksOf, resourcesOf, synth, TEST_ENV, TEST_ORIGINS } from './synth.ts';

const routeFns = [...new Set(routeList.map((r) => r.fn))];
/** Event functions this file knows how to find on the stack (see ownFunctions). */
const eventFns = [
  eventFunctions.finalizeUpload.fn,
  eventFunctions.scanResult.fn,
  eventFunctions.buildExport.fn,
];
const allFns = [...routeFns, ...eventFns];

const dev = () => synth('dev');
const prod = () => synth('prod');

const logicalId = (element: unknown) => {
  const e = element as CfnElement;
  return Stack.of(e).getLogicalId(e);
};

/** The app's own functions (CDK adds custom-resource handlers next to them), by fn. */
function ownFunctions(s = dev()) {
  const map = new Map(s.stack.api.functions);
  map.set(eventFunctions.finalizeUpload.fn, s.stack.finalizeUpload);
  map.set(eventFunctions.scanResult.fn, s.stack.scanResult);
  map.set(eventFunctions.buildExport.fn, s.stack.exportWorker.fn);
  return map;
}

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}
const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** Every IAM statement attached to the execution role of `fn`, from all policies attached to it. */
function statementsOf(fn: string, s = dev()): Statement[] {
  const role = ownFunctions(s).get(fn)!.executionRole;
  const roleId = logicalId(role.node.defaultChild);
  const policies = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy')).filter((p) =>
    JSON.stringify(p.Properties?.Roles).includes(`"${roleId}"`),
  );
  return policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** Every IAM action granted to the execution role of `fn`. */
function actionsOf(fn: string, s = dev()): string[] {
  return statementsOf(fn, s).flatMap((st) => list(st.Action));
}

/** The resources `fn` is granted `action` on. */
function resourcesFor(fn: string, action: string, s = dev()): unknown[] {
  return statementsOf(fn, s)
    .filter((st) => list(st.Action).includes(action))
    .flatMap((st) => list(st.Resource));
}

/** `<bucket ARN>/<prefix>*` as the template writes it. */
const objectsUnder = (prefix: string, s = dev()) => ({
  'Fn::Join': [
    '',
    [{ 'Fn::GetAtt': [logicalId(s.stack.evidence.bucket.node.defaultChild), 'Arn'] }, `/${prefix}*`],
  ],
});

describe('functions', () => {
  it('has one Lambda per distinct route fn plus the event functions, each with a handler file', () => {
    expect(ownFunctions().size).toBe(routeFns.length + eventFns.length);
    for (const fn of allFns) {
      expect(ownFunctions().has(fn), fn).toBe(true);
      expect(existsSync(path.join(REPO_ROOT, handlerEntry(fn))), fn).toBe(true);
    }
  });

  it.each(['dev', 'prod'] as const)(
    'runs every function on nodejs24.x / arm64 with its env (%s)',
    (stage) => {
      const s = synth(stage);
      for (const [fn, handler] of ownFunctions(s)) {
        const props = s.template.toJSON().Resources[logicalId(handler.node.defaultChild)].Properties;
        expect(props.Runtime, fn).toBe('nodejs24.x');
        expect(props.Architectures, fn).toEqual(['arm64']);
        expect(props.Handler, fn).toBe('index.handler');
        const access = accessFor(
          fn,
          routeList.filter((r) => r.fn === fn).map((r) => r.method),
        );
        expect(props.Environment.Variables, fn).toEqual({
          NODE_OPTIONS: '--enable-source-maps',
          TABLE_NAME: { Ref: logicalId(s.stack.data.table.node.defaultChild) },
          BUCKET_NAME: { Ref: logicalId(s.stack.evidence.bucket.node.defaultChild) },
          STAGE: stage,
          UPLOAD_URL_TTL_SECONDS: '900',
          // Only the user-administration functions know the pool.
          ...(access.userAdmin || access.userMfa !== 'none'
            ? { USER_POOL_ID: { Ref: logicalId(s.stack.identity.userPool.node.defaultChild) } }
            : {}),
          // Only the function that starts exports knows the worker, and the worker itself (continuations).
          ...(access.invokeExportWorker
            ? { EXPORT_FUNCTION_NAME: { Ref: logicalId(s.stack.exportWorker.fn.node.defaultChild) } }
            : {}),
          ...(fn === eventFunctions.buildExport.fn
            ? { EXPORT_FUNCTION_NAME: `MinhChung-${stage}-build-export` }
            : {}),
          // Only carry-forward hands copies to the redrive.
          ...(access.invokeCopyWorker
            ? { CARRY_COPY_FUNCTION_NAME: { Ref: logicalId(s.stack.uploadRecovery.fn.node.defaultChild) } }
            : {}),
        });
        expect(props.LoggingConfig.LogGroup, fn).toEqual({
          Ref: logicalId(handler.logGroupResource.node.defaultChild),
        });
      }
    },
  );

  it('gives no role an AWS-managed policy except CDK’s notification handler', () => {
    const roles = resourcesOf(dev().template, 'AWS::IAM::Role');
    const withManaged = Object.keys(roles).filter((id) => roles[id]?.Properties?.ManagedPolicyArns);
    expect(
      withManaged.every((id) =>
        /^(BucketNotificationsHandler|CustomS3AutoDeleteObjects|CustomCDKBucketDeployment)/.test(id),
      ),
    ).toBe(true);
  });
});

describe('least privilege', () => {
  const LOGS = ['logs:CreateLogStream', 'logs:PutLogEvents'];
  const read = [...TABLE_ACTIONS.read];
  const write = [...TABLE_ACTIONS.write];

  it.each(routeFns)('%s gets exactly what its routes need', (fn) => {
    const methods = routeList.filter((r) => r.fn === fn).map((r) => r.method);
    const access = accessFor(fn, methods);
    const expected = [
      ...LOGS,
      // Every function reads its caller's profile; `none` means that GetItem and nothing else.
      ...(access.table === 'none' ? ['dynamodb:GetItem'] : read),
      ...(access.table === 'readwrite' ? write : []),
      ...(access.presignEvidencePut ? ['s3:PutObject'] : []),
      ...new Set(access.evidenceObjects.flatMap((p) => EVIDENCE_OBJECT_ACTIONS[p])),
      ...new Set(access.evidenceObjects.flatMap((p) => EVIDENCE_LIST_ACTIONS[p] ?? [])),
      ...(access.userAdmin ? USER_ADMIN_ACTIONS : []),
      ...(access.userMfa !== 'none' ? USER_MFA_ACTIONS[access.userMfa] : []),
      ...(access.presignExportGet ? ['s3:GetObject'] : []),
      ...(access.invokeExportWorker || access.invokeCopyWorker ? ['lambda:InvokeFunction'] : []),
    ];
    expect(actionsOf(fn).sort()).toEqual(expected.sort());
    if (methods.every((m) => m === 'GET')) expect(actionsOf(fn)).not.toContain('dynamodb:PutItem');
  });

  it('only the user-administration functions may call Cognito, on this pool only', () => {
    const admins = routeFns.filter((fn) => actionsOf(fn).some((a) => a.startsWith('cognito-idp:')));
    expect(admins.sort()).toEqual([
      'check-my-mfa',
      'invite-user',
      'reset-user-mfa',
      'set-user-enabled',
      'update-user',
    ]);
    // The caller's own check only reads; only an admin's reset changes a user's MFA.
    expect(actionsOf('check-my-mfa').filter((a) => a.startsWith('cognito-idp:'))).toEqual([
      'cognito-idp:AdminGetUser',
    ]);
  });

  it('only the upload functions may put objects, only purge may delete them; get-me reads only profiles', () => {
    expect(routeFns.filter((fn) => actionsOf(fn).includes('s3:PutObject')).sort()).toEqual([
      'add-evidence-file',
      'carry-forward',
      'complete-upload',
      'request-upload',
      'upload-parts',
    ]);
    expect(routeFns.filter((fn) => actionsOf(fn).some((a) => a.startsWith('s3:Delete')))).toEqual([
      'purge-evidence',
    ]);
    expect(actionsOf('get-me').sort()).toEqual([...LOGS, 'dynamodb:GetItem'].sort());
  });

  it('a function without table access reads only user profiles (GetItem, partition keys USER#…)', () => {
    for (const fn of ['get-me', 'download-template']) {
      const reads = statementsOf(fn).filter((st) => list(st.Action).includes('dynamodb:GetItem'));
      expect(reads, fn).toHaveLength(1);
      expect(reads[0]!.Action, fn).toBe('dynamodb:GetItem');
      expect(reads[0]!.Condition, fn).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] },
      });
      expect(JSON.stringify(reads[0]!.Resource), fn).not.toContain('index');
    }
  });

  // Both report what they fail to their on-failure destination (test/infra/async-failures.test.ts).
  it('finalize reads evidence objects and their scan tag and reads/writes the table', () => {
    expect(actionsOf(eventFunctions.finalizeUpload.fn).sort()).toEqual(
      [
        ...LOGS,
        's3:GetObject',
        's3:GetObjectTagging',
        's3:ListBucket',
        ...read,
        ...write,
        'sqs:SendMessage',
      ].sort(),
    );
  });

  it('scan-result only reads/writes the table (the verdict comes in the event)', () => {
    expect(actionsOf(eventFunctions.scanResult.fn).sort()).toEqual(
      [...LOGS, ...read, ...write, 'sqs:SendMessage'].sort(),
    );
  });

  it('build-export reads/writes the table, reads evidence, writes (and HEADs, aborts uploads) only under exports/, invokes only itself, reports failures to its DLQ', () => {
    const s = dev();
    const fn = eventFunctions.buildExport.fn;
    expect(actionsOf(fn).sort()).toEqual(
      [
        ...LOGS,
        ...read,
        ...write,
        's3:PutObject',
        's3:GetObject',
        's3:AbortMultipartUpload',
        // The package reads every counted evidence file (grantReadEvidence: GET, and ListBucket on evidence/).
        's3:GetObject',
        's3:ListBucket',
        'lambda:InvokeFunction',
        'sqs:SendMessage',
      ].sort(),
    );
    // Files, package parts and checkpoints are written only under exports/; a failed package's upload is aborted.
    expect(resourcesFor(fn, 's3:PutObject')).toEqual([objectsUnder(EXPORTS_PREFIX)]);
    expect(resourcesFor(fn, 's3:AbortMultipartUpload')).toEqual([objectsUnder(EXPORTS_PREFIX)]);
    // HEAD of its own file when a retried run's conditional put is refused (shared/usecases/dossier.ts), the
    // checkpoint of a continued package, and the evidence files the package holds.
    expect(resourcesFor(fn, 's3:GetObject')).toEqual([
      objectsUnder(EXPORTS_PREFIX),
      objectsUnder(EVIDENCE_PREFIX),
    ]);
    expect(statementsOf(fn).filter((st) => list(st.Action).includes('s3:ListBucket'))).toEqual([
      {
        Action: 's3:ListBucket',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalId(s.stack.evidence.bucket.node.defaultChild), 'Arn'] },
        Condition: { StringLike: { 's3:prefix': [`${EVIDENCE_PREFIX}*`] } },
      },
    ]);
    expect(resourcesFor(fn, 'sqs:SendMessage')).toEqual([
      { 'Fn::GetAtt': [logicalId(s.stack.exportWorker.deadLetterQueue.node.defaultChild), 'Arn'] },
    ]);
  });

  it('request-export may invoke the build-export worker and nothing else', () => {
    const s = dev();
    const worker = { 'Fn::GetAtt': [logicalId(s.stack.exportWorker.fn.node.defaultChild), 'Arn'] };
    expect(resourcesFor('request-export', 'lambda:InvokeFunction')).toEqual([worker]);
    // build-export invokes itself to continue a package (export-worker.test.ts); carry-forward hands its
    // leftover copies to the redrive, and nothing else; no other function invokes.
    const invokers = allFns.filter((fn) => actionsOf(fn).some((a) => a.startsWith('lambda:')));
    expect(invokers.sort()).toEqual(['build-export', 'carry-forward', 'request-export']);
    expect(resourcesFor('carry-forward', 'lambda:InvokeFunction')).toEqual([
      { 'Fn::GetAtt': [logicalId(s.stack.uploadRecovery.fn.node.defaultChild), 'Arn'] },
    ]);
    expect(actionsOf('request-export').sort()).toEqual(
      [...LOGS, ...read, ...write, 'lambda:InvokeFunction'].sort(),
    );
  });

  it('get-export may read objects only under exports/; get-score-table only reads the table', () => {
    expect(resourcesFor('get-export', 's3:GetObject')).toEqual([objectsUnder(EXPORTS_PREFIX)]);
    expect(actionsOf('get-export').sort()).toEqual([...LOGS, ...read, 's3:GetObject'].sort());
    expect(actionsOf('get-score-table').sort()).toEqual([...LOGS, ...read].sort());
  });

  it('only build-export writes (and aborts uploads) and only it and get-export read under exports/; no evidence grant reaches it', () => {
    const s = dev();
    const exportsArn = JSON.stringify(objectsUnder(EXPORTS_PREFIX, s));
    const reaching = allFns.filter((fn) => JSON.stringify(statementsOf(fn, s)).includes(exportsArn));
    expect(reaching.sort()).toEqual(['build-export', 'get-export']);
    for (const fn of allFns) {
      const exportStatements = statementsOf(fn, s).filter((st) =>
        JSON.stringify(st.Resource).includes(`/${EXPORTS_PREFIX}`),
      );
      const expected =
        {
          'build-export': ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'],
          'get-export': ['s3:GetObject'],
        }[fn] ?? [];
      expect(
        exportStatements.flatMap((st) => list(st.Action)),
        fn,
      ).toEqual(expected);
      // Whole-bucket object grants would include exports/: none exist.
      expect(JSON.stringify(statementsOf(fn, s)), fn).not.toContain('"/*"');
    }
  });

  it('never grants a wildcard action, and table grants name the table and gsi1 only', () => {
    const policies = resourcesOf(dev().template, 'AWS::IAM::Policy');
    const text = JSON.stringify(policies);
    expect(text).not.toMatch(/"[a-z0-9-]+:\*"/);
    expect(text).not.toContain('/index/*');
    expect(text).toContain(`/index/${TABLE.gsi1.name}`);
  });
});

describe('DynamoDB table', () => {
  it('is on-demand, PITR, encrypted, with pk/sk and gsi1', () => {
    dev().template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: TABLE.gsi1.name,
          KeySchema: [
            { AttributeName: TABLE.gsi1.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE.gsi1.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ],
    });
  });

  it('expires items by their ttl attribute (export jobs)', () => {
    dev().template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
    expect(TTL_ATTRIBUTE).toBe('ttl');
  });

  it('is deletion-protected and retained in prod', () => {
    prod().template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    expect(prod().stack.terminationProtection).toBe(true);
  });

  it('is not retained nor protected in dev', () => {
    dev().template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    expect(dev().stack.terminationProtection).toBe(false);
  });
});

describe('evidence bucket', () => {
  const bucketProps = (s = dev()) =>
    resourcesOf(s.template, 'AWS::S3::Bucket')[logicalId(s.stack.evidence.bucket.node.defaultChild)]!;

  it('blocks public access, is versioned, encrypted and (prod) logs access to the log bucket', () => {
    const b = bucketProps(prod());
    expect(b.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: logicalId(prod().stack.evidence.accessLogs!.node.defaultChild) },
      },
    });
  });

  it('has no server access log bucket in dev, so tearing dev down never waits on late log deliveries', () => {
    // docs/operations.md, "Tearing dev down": S3 delivers access logs best-effort, hours late at times.
    expect(dev().stack.evidence.accessLogs).toBeUndefined();
    expect(bucketProps().Properties?.LoggingConfiguration).toBeUndefined();
    for (const b of Object.values(resourcesOf(dev().template, 'AWS::S3::Bucket')))
      expect(b.Properties?.LoggingConfiguration).toBeUndefined();
    expect(Object.keys(resourcesOf(dev().template, 'AWS::S3::Bucket'))).toHaveLength(2);
    // Every bucket dev has is emptied and deleted with the stack.
    dev().template.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
    for (const b of Object.values(resourcesOf(dev().template, 'AWS::S3::Bucket')))
      expect(b.DeletionPolicy).toBe('Delete');
    // prod keeps both buckets' logs, in a retained bucket with expiring objects.
    const logs = resourcesOf(prod().template, 'AWS::S3::Bucket')[
      logicalId(prod().stack.evidence.accessLogs!.node.defaultChild)
    ]!;
    expect(logs.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(logs.Properties?.LifecycleConfiguration)).toContain('expire-access-logs');
    const web = resourcesOf(prod().template, 'AWS::S3::Bucket')[
      logicalId(prod().stack.web.bucket.node.defaultChild)
    ]!;
    expect(web.Properties?.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logicalId(prod().stack.evidence.accessLogs!.node.defaultChild) },
      LogFilePrefix: 'web-bucket/',
    });
  });

  it('allows browser PUT/GET from the web origins only and exposes ETag', () => {
    expect(bucketProps().Properties?.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['PUT', 'GET', 'HEAD'],
          // The web app's own origin (the CloudFront domain, in the same deploy), then the stage's others.
          AllowedOrigins: [dev().stack.resolve(dev().stack.webOrigin), ...TEST_ORIGINS],
          AllowedHeaders: ['content-type', 'if-none-match'],
          ExposedHeaders: ['ETag'],
          MaxAge: 3000,
        },
      ],
    });
  });

  it('expires export files a day after they stop being downloadable, and their old versions a day later', () => {
    for (const s of [dev(), prod()]) {
      const rules = bucketProps(s).Properties?.LifecycleConfiguration as { Rules: Record<string, unknown>[] };
      expect(rules.Rules).toContainEqual({
        Id: 'expire-exports',
        Prefix: EXPORTS_PREFIX,
        ExpirationInDays: EXPORT_TTL_DAYS + 1,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        Status: 'Enabled',
      });
      // Evidence is never expired by age: no other rule expires current versions.
      const expiring = rules.Rules.filter((r) => 'ExpirationInDays' in r || 'ExpirationDate' in r);
      expect(expiring.map((r) => r.Id)).toEqual(['expire-exports']);
    }
    expect(EXPORTS_PREFIX).not.toBe(EVIDENCE_PREFIX);
    expect(EXPORTS_PREFIX.startsWith(EVIDENCE_PREFIX)).toBe(false);
  });

  it('aborts incomplete multipart uploads after a day bucket-wide, so under exports/ too (export packages)', () => {
    for (const s of [dev(), prod()]) {
      const rules = bucketProps(s).Properties?.LifecycleConfiguration as { Rules: Record<string, unknown>[] };
      const aborting = rules.Rules.filter((r) => 'AbortIncompleteMultipartUpload' in r);
      // No Prefix, TagFilters or size filter: the rule applies to every key, evidence/ and exports/ alike.
      expect(aborting).toEqual([
        {
          Id: 'abort-incomplete-multipart',
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          Status: 'Enabled',
        },
      ]);
    }
  });

  it('denies non-TLS requests on every bucket (evidence, access logs in prod, web)', () => {
    const policies = Object.values(resourcesOf(prod().template, 'AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(3);
    for (const p of policies) {
      expect(p.Properties?.PolicyDocument).toMatchObject({
        Statement: expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      });
    }
  });

  it('is retained in prod and emptied on delete only in dev', () => {
    const p = prod();
    expect(bucketProps(p).DeletionPolicy).toBe('Retain');
    p.template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
    expect(bucketProps().DeletionPolicy).toBe('Delete');
    dev().template.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });

  it('notifies finalize on ObjectCreated under the evidence prefix', () => {
    const s = dev();
    s.template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: logicalId(s.stack.evidence.bucket.node.defaultChild) },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: EVIDENCE_PREFIX }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [logicalId(s.stack.finalizeUpload.node.defaultChild), 'Arn'] },
          },
        ],
      },
    });
    const ref = { cycleId: 'c', entityId: 'e', evidenceId: 'id', fileId: 'f', revision: 1 };
    expect(objectKeys.evidenceFile(ref).startsWith(EVIDENCE_PREFIX)).toBe(true);
  });

  it('is protected by GuardDuty Malware Protection on the evidence prefix, with tagging', () => {
    const s = dev();
    const bucket = { Ref: logicalId(s.stack.evidence.bucket.node.defaultChild) };
    s.template.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { BucketName: bucket, ObjectPrefixes: [EVIDENCE_PREFIX] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
      Role: { 'Fn::GetAtt': [logicalId(s.stack.malwareProtection.role.node.defaultChild), 'Arn'] },
    });
    s.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: GUARDDUTY_PRINCIPAL } })],
      }),
    });
    // The plan hears of new objects through EventBridge; CDK's notification config keeps it enabled.
    s.template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: bucket,
      NotificationConfiguration: Match.objectLike({ EventBridgeConfiguration: {} }),
    });
  });

  it('routes GuardDuty scan results for this bucket to scan-result', () => {
    const s = dev();
    s.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.guardduty'],
        'detail-type': [SCAN_RESULT_DETAIL_TYPE],
        detail: {
          s3ObjectDetails: { bucketName: [{ Ref: logicalId(s.stack.evidence.bucket.node.defaultChild) }] },
        },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(s.stack.scanResult.node.defaultChild), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
        }),
      ],
    });
  });
});

describe('Cognito', () => {
  it('is admin-provisioned, email sign-in, strong passwords, optional TOTP, scope attributes', () => {
    dev().template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: CLAIMS.entity.replace('custom:', ''), Mutable: true }),
        Match.objectLike({ Name: CLAIMS.unit.replace('custom:', ''), Mutable: true }),
      ]),
    });
  });

  it('says why MFA is optional at the pool: required for admins by the API, optional for the rest', () => {
    // docs/access.md, "MFA": the acknowledgement must describe what the code does.
    const acks = dev()
      .stack.identity.userPool.node.metadata.filter(
        (m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
      )
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    const cog2 = acks.find(([id]) => id.endsWith('AwsSolutions-COG2'))?.[1] ?? '';
    expect(cog2).toMatch(/required for admins by the API/);
    expect(cog2).toMatch(/403 MFA_REQUIRED/);
    expect(cog2).toMatch(/optional for every other role/);
    expect(cog2).not.toMatch(/own pace/);
  });

  it('has one group per role', () => {
    const groups = Object.values(resourcesOf(dev().template, 'AWS::Cognito::UserPoolGroup'));
    expect(groups.map((g) => g.Properties?.GroupName).sort()).toEqual([...ROLES].sort());
  });

  it('has a public web client: SRP + code flow, 1 h tokens, 12 h refresh, no self-service scope', () => {
    dev().template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      // The deployed app (its CloudFront URL), then the stage's further origins.
      CallbackURLs: [
        {
          'Fn::Join': [
            '',
            [
              'https://',
              { 'Fn::GetAtt': [logicalId(dev().stack.web.distribution.node.defaultChild), 'DomainName'] },
              '/',
            ],
          ],
        },
        ...TEST_ORIGINS.map((o) => `${o}/`),
      ],
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 720,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
      PreventUserExistenceErrors: 'ENABLED',
    });
    const client = Object.values(resourcesOf(dev().template, 'AWS::Cognito::UserPoolClient'))[0]!;
    expect(JSON.stringify(client.Properties?.WriteAttributes)).not.toContain('custom:');
  });

  it('is retained and deletion-protected in prod', () => {
    prod().template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
    dev().template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
  });
});

describe('HTTP API', () => {
  const s = () => dev();
  const authorizerId = () =>
    Object.keys(resourcesOf(s().template, 'AWS::ApiGatewayV2::Authorizer'))[0] as string;

  it('uses a JWT authorizer on the pool issuer with the web client as audience', () => {
    s().template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    s().template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(s().stack.identity.webClient.node.defaultChild) }],
        Issuer: {
          'Fn::Join': [
            '',
            [
              `https://cognito-idp.${TEST_ENV.region}.amazonaws.com/`,
              { Ref: logicalId(s().stack.identity.userPool.node.defaultChild) },
            ],
          ],
        },
      },
    });
  });

  it('has exactly one route per routeList entry', () => {
    s().template.resourceCountIs('AWS::ApiGatewayV2::Route', routeList.length);
  });

  it.each(routeList.map((r) => [`${r.method} ${r.path}`, r.fn] as const))(
    '%s → %s behind the JWT authorizer',
    (routeKey, fn) => {
      const t = s().template;
      const routes = Object.values(resourcesOf(t, 'AWS::ApiGatewayV2::Route')).filter(
        (r) => r.Properties?.RouteKey === routeKey,
      );
      expect(routes).toHaveLength(1);
      const route = routes[0]!.Properties!;
      expect(route.AuthorizationType).toBe('JWT');
      expect(route.AuthorizerId).toEqual({ Ref: authorizerId() });
      const integrationId = JSON.stringify(route.Target).match(/"Ref":"([^"]+)"/)?.[1] as string;
      const integration = resourcesOf(t, 'AWS::ApiGatewayV2::Integration')[integrationId]!;
      expect(integration.Properties?.IntegrationUri).toEqual({
        'Fn::GetAtt': [logicalId(s().stack.api.functions.get(fn)!.node.defaultChild), 'Arn'],
      });
    },
  );

  it('limits CORS preflight to the web origins, with Authorization and Content-Type', () => {
    s().template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [s().stack.resolve(s().stack.webOrigin), ...TEST_ORIGINS],
        AllowHeaders: ['authorization', 'content-type'],
      }),
    });
  });

  it('throttles the default stage and writes JSON access logs', () => {
    s().template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [logicalId(s().stack.api.accessLogs.node.defaultChild), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
  });
});

describe('logs and outputs', () => {
  it.each([
    ['dev', 30],
    ['prod', 365],
  ] as const)('every log group has retention (%s: %i days)', (stage, days) => {
    const t = synth(stage).template;
    const groups = Object.values(resourcesOf(t, 'AWS::Logs::LogGroup'));
    // Every app function logs to its own group (scheduled jobs included), plus the API access logs.
    const appFunctions = Object.values(resourcesOf(t, 'AWS::Lambda::Function')).filter(
      (f) => f.Properties?.LoggingConfig,
    );
    expect(appFunctions.length).toBeGreaterThanOrEqual(allFns.length);
    expect(groups).toHaveLength(appFunctions.length + 1);
    for (const g of groups) expect(g.Properties?.RetentionInDays).toBe(days);
  });

  it('exports API URL, web URL and origin, user pool, client, bucket, table and the mail DNS records', () => {
    const outputs = dev().template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'ApiUrl',
        'EvidenceBucketName',
        'TableName',
        'UserPoolClientId',
        'UserPoolId',
        'WebUrl',
        'WebOrigin',
        // docs/deploy.md, "DNS records": the SES domain's DKIM CNAMEs and a DMARC suggestion.
        ...[1, 2, 3].flatMap((i) => [`MailDkim${i}Name`, `MailDkim${i}Value`]),
        'MailDomain',
        'MailDmarc',
      ].sort(),
    );
  });
});

describe('stack layout', () => {
  /**
   * Logical ids of the stateful resources (and of the API, whose id is in its URL) as first deployed: a change
   * would make CloudFormation replace them (a new, empty table, bucket or user pool) on the next deploy.
   */
  const STATEFUL_IDS = {
    'AWS::DynamoDB::Table': ['DataTableFDBAD0F2'],
    'AWS::S3::Bucket': ['EvidenceAccessLogs6F1E67A5', 'EvidenceBucketC67FF768', 'WebBucketE51352C0'],
    'AWS::Cognito::UserPool': ['IdentityUserPool96FE3B9B'],
    'AWS::Cognito::UserPoolClient': ['IdentityUserPoolWebClient274C53C4'],
    'AWS::ApiGatewayV2::Api': ['ApiHttpApi4C294DC0'],
    // A replaced identity would lose its verification and DKIM keys (infra/constructs/mail-identity.ts).
    'AWS::SES::EmailIdentity': ['MailDomainIdentity'],
  };

  it.each(['dev', 'prod'] as const)(
    'keeps the stateful resources in the parent, under their ids (%s)',
    (stage) => {
      const t = synth(stage).parentTemplate;
      for (const [type, ids] of Object.entries(STATEFUL_IDS)) {
        // dev has no access-log bucket (StageConfig.serverAccessLogs).
        const expected = stage === 'dev' ? ids.filter((id) => !id.startsWith('EvidenceAccessLogs')) : ids;
        expect(Object.keys(resourcesOf(t, type)).sort(), type).toEqual(expected);
      }
    },
  );

  it('puts no stateful resource in a nested stack', () => {
    for (const [path, t] of dev().nestedTemplates) {
      for (const type of Object.keys(STATEFUL_IDS)) {
        expect(Object.keys(resourcesOf(t, type)), `${type} in ${path}`).toEqual([]);
      }
    }
  });

  it('deploys each route module’s functions and routes in a nested stack of its own', () => {
    const s = dev();
    const modules = s.stack.api.moduleStacks;
    expect([...modules.keys()].sort()).toEqual(Object.keys(routeModules).sort());
    expect(nestedStacksOf(s.stack)).toHaveLength(modules.size);
    for (const [module, stack] of modules) {
      const t = s.nestedTemplates.get(stack.node.path)!;
      const defs = Object.values(routeModules[module as keyof typeof routeModules]);
      t.resourceCountIs('AWS::ApiGatewayV2::Route', defs.length);
      for (const fn of new Set(defs.map((d) => d.fn))) {
        expect(Stack.of(s.stack.api.functions.get(fn)!), fn).toBe(stack);
      }
    }
    // Finalize stays next to the bucket that notifies it (a notification across stacks makes a cycle).
    expect(Stack.of(s.stack.finalizeUpload)).toBe(s.stack);
    s.parentTemplate.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
  });

  it.each(['dev', 'prod'] as const)('leaves every stack well under the 500-resource limit (%s)', (stage) => {
    const s = synth(stage);
    const count = (t: { toJSON(): unknown }) =>
      Object.keys((t.toJSON() as { Resources: object }).Resources).length;
    // Headroom: a stack at 250 can still double; a module that outgrows it should be split.
    expect(count(s.parentTemplate)).toBeLessThanOrEqual(250);
    for (const [path, t] of s.nestedTemplates) expect(count(t), path).toBeLessThanOrEqual(250);
  });
});
