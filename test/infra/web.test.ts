/** The web app on CloudFront: private bucket behind OAC, HTTPS only, the local server's CSP, config.json. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../infra/local/web-server.ts';
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
    const origins = [
      `https://${s.stack.api.httpApi.apiId}.execute-api.${TEST_ENV.region}.${s.stack.urlSuffix}`,
      `https://cognito-idp.${TEST_ENV.region}.${s.stack.urlSuffix}`,
      `https://${s.stack.evidence.bucket.bucketRegionalDomainName}`,
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
            Action: 's3:GetObject',
            Condition: {
              StringEquals: {
                'AWS:SourceArn': Match.anyValue(),
              },
            },
          }),
        ]),
      },
    });
  });

  it('serves HTTPS only, with the single-page fallback to index.html and config.json uncached', () => {
    const dist = only('AWS::CloudFront::Distribution').DistributionConfig as {
      DefaultCacheBehavior: { ViewerProtocolPolicy: string };
      CacheBehaviors: { PathPattern: string; ViewerProtocolPolicy: string; CachePolicyId: string }[];
      CustomErrorResponses: unknown[];
      DefaultRootObject: string;
    };
    expect(dist.DefaultRootObject).toBe('index.html');
    expect(dist.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    for (const b of dist.CacheBehaviors)
      expect(['redirect-to-https', 'https-only']).toContain(b.ViewerProtocolPolicy);
    // AWS's managed CachingDisabled policy.
    expect(dist.CacheBehaviors.find((b) => b.PathPattern === '/config.json')?.CachePolicyId).toBe(
      '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
    );
    expect(dist.CustomErrorResponses).toEqual(
      [403, 404].map((code) => ({
        ErrorCode: code,
        ResponseCode: 200,
        ResponsePagePath: '/index.html',
        ErrorCachingMinTTL: 0,
      })),
    );
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

  it('deploys the build next to config.json when there is one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-web-dist-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Minh Chứng</title>');
    const s = synth('dev', { webDist: dir });
    expect(s.stack.web.withApp).toBe(true);
    expect(only('Custom::CDKBucketDeployment', s).SourceObjectKeys).toHaveLength(2);
  });
});
