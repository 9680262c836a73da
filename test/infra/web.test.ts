/** The web app on CloudFront: private bucket behind OAC, HTTPS only, the local server's CSP, config.json. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement, CfnResource } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '#infra/web-headers.ts';
import { CACHE_HASHED, isFilePath, spaRoutingFunctionCode } from '#infra/web-routing.ts';
import { resourcesOf, synth, TEST_ENV } from './synth.ts';

const dev = () => synth('dev');
const logicalId = (element: unknown) => {
  const e = element as CfnElement;
  return Stack.of(e).getLogicalId(e);
};
const only = (type: string, s = dev()) => {
  const all = Object.values(resourcesOf(s.template, type));
  expect(all, type).toHaveLength(1);
  return all[0]!.Properties;
};

describe('web hosting', () => {
  it('sends the production CSP of the local web server, for the API, Cognito and evidence bucket origins', () => {
    const s = dev();
    // On the CloudFront domain the API and the bucket are named by their regional hosts (their CORS names the
    // distribution); with a custom domain by their own (test/infra/deploy-config.test.ts).
    const origins = [
      `https://*.execute-api.${TEST_ENV.region}.${s.stack.urlSuffix}`,
      `https://cognito-idp.${TEST_ENV.region}.${s.stack.urlSuffix}`,
      `https://*.s3.${TEST_ENV.region}.${s.stack.urlSuffix}`,
    ];
    expect(s.stack.web.csp).toBe(contentSecurityPolicy('dist', origins, 443));
    const config = only('AWS::CloudFront::ResponseHeadersPolicy').ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
      CustomHeadersConfig: { Items: unknown[] };
    };
    const h = config.SecurityHeadersConfig;
    expect(h.ContentSecurityPolicy).toEqual({
      ContentSecurityPolicy: s.stack.resolve(s.stack.web.csp),
      Override: true,
    });
    const csp = JSON.stringify(h.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('ws://');
    expect(h.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 31536000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(h.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(h.ContentTypeOptions).toEqual({ Override: true });
    expect(h.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    expect(config.CustomHeadersConfig.Items).toEqual([
      { Header: 'permissions-policy', Value: 'camera=(), microphone=(), geolocation=()', Override: true },
    ]);
  });

  it('reads a private bucket through Origin Access Control only', () => {
    const s = dev();
    const bucketId = logicalId(s.stack.web.bucket.node.defaultChild);
    expect(resourcesOf(s.template, 'AWS::S3::Bucket')[bucketId]!.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(only('AWS::CloudFront::OriginAccessControl').OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const dist = only('AWS::CloudFront::Distribution').DistributionConfig as {
      Origins: { S3OriginConfig: unknown; OriginAccessControlId: unknown }[];
    };
    expect(dist.Origins).toHaveLength(1);
    expect(dist.Origins[0]!.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const oac = Object.keys(resourcesOf(s.template, 'AWS::CloudFront::OriginAccessControl'))[0];
    expect(dist.Origins[0]!.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oac, 'Id'] });
    s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            // ListBucket makes S3 answer 404 (not 403) for a missing key; no query string reaches the origin.
            Action: ['s3:GetObject', 's3:ListBucket'],
            Condition: {
              StringEquals: {
                'AWS:SourceArn': Match.objectLike({
                  'Fn::Join': Match.arrayWith([
                    Match.arrayWith([{ Ref: logicalId(s.stack.web.distribution.node.defaultChild) }]),
                  ]),
                }),
              },
            },
          }),
        ]),
      },
    });
  });

  it('serves HTTPS only; routes of the app get index.html from a viewer-request function, missing files a 404', () => {
    const s = dev();
    const dist = only('AWS::CloudFront::Distribution').DistributionConfig as {
      DefaultCacheBehavior: {
        ViewerProtocolPolicy: string;
        FunctionAssociations: { EventType: string; FunctionARN: unknown }[];
      };
      CacheBehaviors: {
        PathPattern: string;
        ViewerProtocolPolicy: string;
        CachePolicyId: string;
        FunctionAssociations?: unknown;
      }[];
      CustomErrorResponses?: unknown[];
      DefaultRootObject: string;
    };
    expect(dist.DefaultRootObject).toBe('index.html');
    expect(dist.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    for (const b of dist.CacheBehaviors)
      expect(['redirect-to-https', 'https-only']).toContain(b.ViewerProtocolPolicy);
    // No error page: S3's 404 reaches the browser for a missing /config.json or chunk.
    expect(dist.CustomErrorResponses).toBeUndefined();
    const fnId = logicalId(s.stack.web.routing.node.defaultChild);
    expect(dist.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } },
    ]);
    const config = dist.CacheBehaviors.find((b) => b.PathPattern === '/config.json')!;
    // AWS's managed CachingDisabled policy; the file as it is, never the app.
    expect(config.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(config.FunctionAssociations).toBeUndefined();
    expect(resourcesOf(s.template, 'AWS::CloudFront::Function')[fnId]!.Properties).toMatchObject({
      AutoPublish: true,
      FunctionCode: spaRoutingFunctionCode(),
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
    });
  });

  it('the routing function sends routes of the app to index.html and files (missing or not) to the bucket', () => {
    const handler = new Function(`${spaRoutingFunctionCode()}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const served = (uri: string) => handler({ request: { uri } }).uri;
    const routes = [
      '/',
      '/admin/users',
      '/dashboard',
      '/cycles/cycle-2023/entities/so-khcn/criteria/1.2',
      '/review/cycle-2023/so-khcn/1.2.3',
      '/sign-in',
    ];
    const files = [
      '/config.json',
      '/index.html',
      '/favicon.svg',
      '/favicon.ico',
      '/assets/index-DK7-20Db.js',
      '/assets/index-CiRY0lSA.css',
      '/assets/missing-00000000.js',
      '/assets/no-extension',
      '/robots.txt',
    ];
    for (const uri of routes) expect(served(uri), uri).toBe('/index.html');
    for (const uri of files) expect(served(uri), uri).toBe(uri);
    // The local web server decides with the same rule (infra/web-routing.ts).
    for (const uri of [...routes, ...files]) expect(isFilePath(uri), uri).toBe(served(uri) === uri);
  });

  it('writes config.json from the stack values at deploy time (config only without a web build)', () => {
    const s = dev();
    expect(s.stack.web.withApp).toBe(false);
    const d = only('Custom::CDKBucketDeployment');
    expect(d.SourceObjectKeys).toHaveLength(1);
    expect(d.DestinationBucketName).toEqual({ Ref: logicalId(s.stack.web.bucket.node.defaultChild) });
    expect(d.Prune).toBe(false);
    const markers = JSON.stringify(d.SourceMarkers);
    expect(markers).toContain(`{"Ref":"${logicalId(s.stack.api.httpApi.node.defaultChild)}"}`);
    expect(markers).toContain(`{"Ref":"${logicalId(s.stack.identity.webClient.node.defaultChild)}"}`);
  });

  it('deploys the hashed assets immutable, before index.html and config.json, which are revalidated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-web-dist-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Minh Chứng</title>');
    const s = synth('dev', { webDist: dir });
    expect(s.stack.web.withApp).toBe(true);
    const deployments = resourcesOf(s.template, 'Custom::CDKBucketDeployment');
    expect(Object.keys(deployments)).toHaveLength(2);
    const idOf = (d: typeof s.stack.web.deployment) =>
      logicalId(
        d.node.findAll().find((c) => (c as CfnResource).cfnResourceType === 'Custom::CDKBucketDeployment'),
      );
    const assetsId = idOf(s.stack.web.assetsDeployment!);
    const mainId = idOf(s.stack.web.deployment);
    expect(deployments[assetsId]!.Properties).toMatchObject({
      Exclude: ['*'],
      Include: ['assets/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(deployments[assetsId]!.Properties.DistributionPaths).toBeUndefined();
    expect(deployments[mainId]!.Properties).toMatchObject({
      Exclude: ['assets/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/index.html', '/config.json'],
    });
    expect(deployments[mainId]!.Properties.Include).toBeUndefined();
    expect(deployments[mainId]!.Properties.SourceObjectKeys).toHaveLength(2);
    // index.html goes live only after the chunks it names.
    expect(JSON.stringify(deployments[mainId]!.DependsOn)).toContain(assetsId);
    expect(CACHE_HASHED).toBe('public, max-age=31536000, immutable');
  });
});
