/**
 * A first deploy to a real account (docs/deploy.md): the stage configuration in cdk.json, prod refusing an
 * unfilled one, the region pinned, dev and prod side by side in one account, the SES identity that nothing
 * unrelated replaces, its DKIM records as outputs, Cognito sending through SES with an encoded sender, and the
 * web app's own origin reaching API CORS, bucket CORS and Cognito in the same deploy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app-builder.ts';
import { MAIL_IDENTITY_LOGICAL_ID } from '#infra/constructs/mail-identity.ts';
import { STAGES, type Stage } from '#infra/stacks/stage-config.ts';
import { contentSecurityPolicy } from '#infra/web-headers.ts';
import { resourcesOf, synth, TEST_ENV, TEST_ORIGINS, TEST_STAGES } from './synth.ts';

const CDK_JSON = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown> & { stages: Record<Stage, Record<string, unknown>> };
};
const noBundling = { 'aws:cdk:bundling-stacks': [] };
const dev = () => synth('dev');
const prod = () => synth('prod');
const logicalId = (element: unknown) => {
  const e = element as Parameters<Stack['getLogicalId']>[0];
  return Stack.of(e).getLogicalId(e);
};
const clone = <T>(v: T): T => structuredClone(v);
type Json = Record<string, unknown>;

/** prod with some keys changed, synthesized on its own (templates only, no nag). */
function prodWith(change: (prod: Json) => void) {
  const stages = clone(TEST_STAGES) as unknown as Record<Stage, Json>;
  change(stages.prod);
  const built = buildApp({
    stage: 'prod',
    env: TEST_ENV,
    nag: false,
    context: { ...noBundling, stages, webDist: 'test/infra/no-web-build' },
  });
  return { built, template: Template.fromStack(built.stack) };
}

describe('the stage configuration in cdk.json', () => {
  it('gives each stage its region, origins, mail and operator; dev synthesizes from it as it is', () => {
    for (const stage of STAGES)
      expect(Object.keys(CDK_JSON.context.stages[stage])).toEqual(
        expect.arrayContaining(['region', 'webOrigins', 'mail', 'operatorEmail']),
      );
    const { stack, config } = buildApp({ context: { ...CDK_JSON.context, ...noBundling }, nag: false });
    expect(stack.stackName).toBe('MinhChung-dev');
    expect(stack.region).toBe(CDK_JSON.context.stages.dev.region);
    expect(config.settings.mail.fromAddress).toBe('nhac-viec@dev.minhchung.example.vn');
  });

  it('refuses prod, in one sentence naming the keys, while the checked file still holds placeholders', () => {
    expect(() =>
      buildApp({ context: { ...CDK_JSON.context, ...noBundling, stage: 'prod' }, nag: false }),
    ).toThrow(
      'The prod stage is not configured: set stages.prod.mail.fromAddress, stages.prod.operatorEmail in cdk.json ' +
        '(missing or still an example placeholder; see docs/deploy.md, "Stage configuration").',
    );
  });

  it('makes `cdk synth -c stage=prod` print that sentence alone and exit 1', () => {
    // What the CDK CLI does: run cdk.json's app with the context in CDK_CONTEXT_JSON.
    const run = spawnSync(process.execPath, ['infra/app.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify({ ...CDK_JSON.context, stage: 'prod' }),
        CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'mc-cdk-out-')),
      },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^The prod stage is not configured: set stages\.prod\.mail\.fromAddress, /),
    ]);
  });

  it('refuses a missing key, and takes a -c flag for one run', () => {
    const stages = clone(TEST_STAGES) as unknown as Record<Stage, Json>;
    delete stages.prod.operatorEmail;
    delete stages.prod.region;
    const context = { ...noBundling, stage: 'prod', stages };
    expect(() => buildApp({ context, nag: false })).toThrow(
      /set stages\.prod\.region, stages\.prod\.operatorEmail in cdk\.json/,
    );
    const { config, stack } = buildApp({
      context: {
        ...context,
        region: 'ap-southeast-1',
        operatorEmail: 'van-hanh@minhchung.test',
        mailFrom: 'Nhắc việc Minh Chứng <thong-bao@minhchung.test>',
      },
      nag: false,
    });
    expect(config.settings.operatorEmail).toBe('van-hanh@minhchung.test');
    expect(config.settings.mail).toMatchObject({
      fromName: 'Nhắc việc Minh Chứng',
      fromAddress: 'thong-bao@minhchung.test',
      domain: 'minhchung.test',
    });
    expect(stack.region).toBe('ap-southeast-1');
  });

  it('refuses a prod web origin or custom domain that is a placeholder, and a domain without its certificate', () => {
    const build = (change: (p: Json) => void) => () => prodWith(change);
    expect(
      build((p) => {
        p.webOrigins = ['https://minhchung.example.vn'];
      }),
    ).toThrow(/stages\.prod\.webOrigins\.0/);
    expect(
      build((p) => {
        p.webDomain = 'app.minhchung.test';
      }),
    ).toThrow(/stages\.prod\.webCertificateArn/);
    expect(
      build((p) => {
        p.webDomain = 'app.minhchung.test';
        p.webCertificateArn = 'arn:aws:acm:ap-southeast-1:123456789012:certificate/abc';
      }),
    ).toThrow(/us-east-1/);
    expect(
      build((p) => {
        (p.mail as Json).domain = 'other.test';
      }),
    ).toThrow(/not an address of mail\.domain other\.test/);
  });

  it('pins the stack to the stage region (and account), whatever the shell defaults to', () => {
    const saved = { ...process.env };
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    process.env.CDK_DEFAULT_ACCOUNT = '999999999999';
    try {
      const { stack } = buildApp({
        stage: 'prod',
        nag: false,
        context: { ...noBundling, stages: TEST_STAGES },
      });
      expect(stack.region).toBe('ap-southeast-1');
      expect(stack.account).toBe(TEST_ENV.account);
    } finally {
      process.env = saved;
    }
  });
});

describe('dev and prod in one account', () => {
  /** Every literal physical name a template asks for: such names must differ between the stages. */
  const physicalNames = (template: Template) => {
    const names: string[] = [];
    const keys =
      /^(FunctionName|BucketName|TableName|EmailIdentity|Name|QueueName|LogGroupName|RoleName|TopicName|UserPoolName|ConfigurationSetName|ScheduleName|RuleName)$/;
    const resources = template.toJSON().Resources as Record<string, { Type: string; Properties?: Json }>;
    // An HTTP API's and an authorizer's names need not be unique; nothing else here may repeat.
    for (const r of Object.values(resources))
      if (!r.Type.startsWith('AWS::ApiGatewayV2::'))
        for (const [k, v] of Object.entries(r.Properties ?? {}))
          if (keys.test(k) && typeof v === 'string') names.push(`${r.Type}:${v}`);
    return names;
  };

  it('asks for no physical name the other stage also asks for', () => {
    const d = physicalNames(dev().template);
    const p = physicalNames(prod().template);
    expect(d.length).toBeGreaterThan(0);
    expect(d.filter((n) => p.includes(n))).toEqual([]);
    // The ones there are: the export worker names itself after the stack; the SES identities are per domain.
    expect(p).toEqual(
      expect.arrayContaining([
        'AWS::Lambda::Function:MinhChung-prod-build-export',
        'AWS::SES::EmailIdentity:minhchung.test',
      ]),
    );
  });

  it('lets a second stage share a domain it does not own: no identity of its own, sending still authorized on it', () => {
    const { template, built } = prodWith((p) => {
      (p.mail as Json).createIdentity = false;
    });
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    const outputs = template.toJSON().Outputs as Json;
    expect(Object.keys(outputs).filter((k) => k.startsWith('MailDkim'))).toEqual([]);
    expect(built.stack.mail.identityArn).toContain(':identity/minhchung.test');
  });
});

describe('the SES identity', () => {
  const identityOf = (template: Template) => resourcesOf(template, 'AWS::SES::EmailIdentity');

  it('has a fixed logical id, is retained in prod, and nothing but its domain is a property of it', () => {
    const ids = identityOf(prod().template);
    expect(Object.keys(ids)).toEqual([MAIL_IDENTITY_LOGICAL_ID]);
    expect(ids[MAIL_IDENTITY_LOGICAL_ID]!.DeletionPolicy).toBe('Retain');
    expect(ids[MAIL_IDENTITY_LOGICAL_ID]!.Properties.EmailIdentity).toBe('minhchung.test');
    expect(identityOf(dev().template)[MAIL_IDENTITY_LOGICAL_ID]!.DeletionPolicy).toBe('Delete');
  });

  it('is not replaced when the sender name, the address before @ or the web domain change', () => {
    const { template } = prodWith((p) => {
      p.mail = {
        ...(p.mail as Json),
        fromName: 'Sở KH&CN Ninh Thuận — Minh Chứng',
        fromAddress: 'khong-tra-loi@minhchung.test',
      };
      p.webDomain = 'app.minhchung.test';
      p.webCertificateArn =
        'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';
    });
    expect(identityOf(template)).toEqual(identityOf(prod().template));
  });

  it('outputs the three DKIM CNAME records and a DMARC suggestion', () => {
    const outputs = prod().parentTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
    for (const i of [1, 2, 3]) {
      expect(outputs[`MailDkim${i}Name`]!.Value).toEqual({
        'Fn::GetAtt': [MAIL_IDENTITY_LOGICAL_ID, `DkimDNSTokenName${i}`],
      });
      expect(outputs[`MailDkim${i}Value`]!.Value).toEqual({
        'Fn::GetAtt': [MAIL_IDENTITY_LOGICAL_ID, `DkimDNSTokenValue${i}`],
      });
    }
    expect(outputs.MailDomain!.Value).toBe('minhchung.test');
    expect(outputs.MailDmarc!.Value).toBe(
      '_dmarc.minhchung.test TXT "v=DMARC1; p=none; rua=mailto:van-hanh@minhchung.test"',
    );
  });
});

describe('Cognito e-mail', () => {
  it('goes through SES from the configured sender once the domain is verified, the name RFC 2047-encoded', async () => {
    const pools = Object.entries(resourcesOf(prod().template, 'AWS::Cognito::UserPool'));
    expect(pools).toHaveLength(1);
    const [id, pool] = pools[0]!;
    const email = pool.Properties.EmailConfiguration as Record<string, unknown>;
    expect(email).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: '=?UTF-8?B?TWluaCBDaOG7qW5n?= <nhac-viec@minhchung.test>',
      ReplyToEmailAddress: 'van-hanh@minhchung.test',
    });
    expect(JSON.stringify(email.SourceArn)).toContain(
      `:ses:${TEST_ENV.region}:${TEST_ENV.account}:identity/minhchung.test"`,
    );
    expect(String(email.From)).toMatch(/^[\x20-\x7e]+$/);
    const parsed = await simpleParser(`From: ${email.From}\r\n\r\n`);
    expect(parsed.from?.value).toEqual([{ name: 'Minh Chứng', address: 'nhac-viec@minhchung.test' }]);
    // The pool is created or updated only after the identity exists.
    expect(prod().template.toJSON().Resources[id].DependsOn).toContain(MAIL_IDENTITY_LOGICAL_ID);
  });

  it('uses Cognito’s own sender while the domain is not verified (Cognito refuses an unverified identity)', () => {
    const pool = Object.values(resourcesOf(dev().template, 'AWS::Cognito::UserPool'))[0]!;
    expect(pool.Properties.EmailConfiguration).toEqual({
      EmailSendingAccount: 'COGNITO_DEFAULT',
      ReplyToEmailAddress: 'van-hanh@minhchung.example.vn',
    });
  });
});

describe('one deploy is enough: the web app’s own origin', () => {
  const domainName = (s = prod()) => ({
    'Fn::GetAtt': [logicalId(s.stack.web.distribution.node.defaultChild), 'DomainName'],
  });
  const origin = (s = prod(), suffix?: string) => ({
    'Fn::Join': ['', ['https://', domainName(s), ...(suffix ? [suffix] : [])]],
  });

  it('reaches API CORS, bucket CORS, Cognito callbacks and the reminder links in the same deploy', () => {
    const s = prod();
    const api = Object.values(resourcesOf(s.template, 'AWS::ApiGatewayV2::Api'))[0]!;
    expect((api.Properties.CorsConfiguration as Json).AllowOrigins).toEqual([origin()]);
    const bucket = resourcesOf(s.template, 'AWS::S3::Bucket')[
      logicalId(s.stack.evidence.bucket.node.defaultChild)
    ]!;
    const rules = (bucket.Properties.CorsConfiguration as { CorsRules: Json[] }).CorsRules;
    expect(rules.map((r) => r.AllowedOrigins)).toEqual([[origin()]]);
    const client = Object.values(resourcesOf(s.template, 'AWS::Cognito::UserPoolClient'))[0]!;
    expect(client.Properties.CallbackURLs).toEqual([origin(s, '/')]);
    expect(client.Properties.LogoutURLs).toEqual([origin(s, '/')]);
    const fn = resourcesOf(s.template, 'AWS::Lambda::Function')[
      logicalId(s.stack.reminders.fn.node.defaultChild)
    ]!;
    expect(((fn.Properties.Environment as Json).Variables as Json).APP_URL).toEqual(origin());
    expect((s.parentTemplate.toJSON().Outputs as Json).WebOrigin).toMatchObject({ Value: origin() });
  });

  it('keeps dev’s further origins after it, in the same order everywhere', () => {
    const s = dev();
    const api = Object.values(resourcesOf(s.template, 'AWS::ApiGatewayV2::Api'))[0]!;
    expect((api.Properties.CorsConfiguration as Json).AllowOrigins).toEqual([origin(s), ...TEST_ORIGINS]);
  });

  it('has no dependency cycle: the CSP names the API and the bucket by their regional hosts', () => {
    const s = prod();
    // Template.fromStack checks for cycles; synth already passed. The distribution's policy names no resource.
    expect(() => Template.fromStack(s.stack)).not.toThrow();
    const policy = Object.values(resourcesOf(s.template, 'AWS::CloudFront::ResponseHeadersPolicy'))[0]!;
    const csp = JSON.stringify(policy.Properties);
    expect(csp).not.toMatch(/"Ref":"(?!AWS::)|Fn::GetAtt/);
    expect(s.stack.web.csp).toBe(
      contentSecurityPolicy(
        'dist',
        [
          `https://*.execute-api.${TEST_ENV.region}.${s.stack.urlSuffix}`,
          `https://cognito-idp.${TEST_ENV.region}.${s.stack.urlSuffix}`,
          `https://*.s3.${TEST_ENV.region}.${s.stack.urlSuffix}`,
        ],
        443,
      ),
    );
  });

  it('with a custom domain: that origin everywhere, its certificate at TLS 1.2, and the CSP’s exact hosts', () => {
    const { built, template } = prodWith((p) => {
      p.webDomain = 'app.minhchung.test';
      p.webCertificateArn =
        'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';
    });
    const api = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Api'))[0]!;
    expect((api.Properties.CorsConfiguration as Json).AllowOrigins).toEqual(['https://app.minhchung.test']);
    const dist = Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'))[0]!;
    expect(dist.Properties.DistributionConfig).toMatchObject({
      Aliases: ['app.minhchung.test'],
      ViewerCertificate: {
        AcmCertificateArn:
          'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666',
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
    expect(built.stack.web.csp).toContain(`https://${built.stack.api.httpApi.apiId}.execute-api.`);
    expect(built.stack.web.csp).not.toContain('*.');
    expect(built.stack.webOrigin).toBe('https://app.minhchung.test');
    expect((template.toJSON().Outputs as Json).WebDomainCname).toBeDefined();
  });
});
