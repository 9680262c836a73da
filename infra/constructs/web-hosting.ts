import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Duration, type RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AccessLevel,
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { contentSecurityPolicy } from '#infra/web-headers.ts';
import { CACHE_HASHED, CACHE_REVALIDATE, HASHED_PREFIX, spaRoutingFunctionCode } from '#infra/web-routing.ts';
import { NO_ACCESS_LOGS_IN_DEV } from './evidence-bucket.ts';
import { acknowledge } from './nag.ts';

export interface WebHostingProps {
  /** The built app (`web/dist`); when it has no index.html only config.json is deployed (see docs/web.md). */
  distDir: string;
  /** `/config.json`: what web/src/config.ts reads (API URL, sign-in endpoint and client, region, stage). */
  config: Record<string, unknown>;
  /** Origins the app talks to (API, sign-in, evidence bucket): the CSP's connect-src, as locally. */
  connectOrigins: string[];
  /** A custom domain and its ACM certificate (us-east-1); else the distribution's *.cloudfront.net domain. */
  domain?: { name: string; certificateArn: string };
  /** Where the bucket's server access logs go; none in dev (StageConfig.serverAccessLogs). */
  accessLogs: Bucket | undefined;
  removalPolicy: RemovalPolicy;
  autoDeleteObjects: boolean;
}

/** Headers the local web server sends too (infra/local/web-server.ts), plus HSTS which only makes sense on TLS. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=()';

/**
 * The web app: a private bucket read by CloudFront through Origin Access Control, HTTPS only, the production
 * CSP of `contentSecurityPolicy()` and the other security headers, the app's routes answered with index.html
 * while a missing file is a 404 (infra/web-routing.ts), hashed assets cached for a year and everything else
 * revalidated, and `config.json` written at deploy time from the stack's values (never baked into the build).
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly headers: ResponseHeadersPolicy;
  /** index.html, config.json and the other unhashed files, `no-cache`. */
  readonly deployment: BucketDeployment;
  /** The hashed files under assets/, `immutable` (only with a build). */
  readonly assetsDeployment: BucketDeployment | undefined;
  /** Routes of the app → index.html; files as asked. */
  readonly routing: EdgeFunction;
  /** The Content-Security-Policy header sent with every response. */
  readonly csp: string;
  /** Whether `distDir` held a build at synthesis. */
  readonly withApp: boolean;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: props.accessLogs ? 'web-bucket/' : undefined,
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.autoDeleteObjects,
    });

    // The port only matters for the dev server's hot reload, which production does not have.
    this.csp = contentSecurityPolicy('dist', props.connectOrigins, 443);
    this.headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Minh Chứng web: CSP, HSTS, no framing, nosniff, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: this.csp,
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'permissions-policy', value: PERMISSIONS_POLICY, override: true }],
      },
    });

    if (!props.accessLogs) acknowledge(this.bucket, NO_ACCESS_LOGS_IN_DEV);

    // READ and LIST: with s3:ListBucket S3 answers a missing key with 404 rather than 403, which CloudFront passes
    // on (no custom error pages: a missing /config.json or chunk must not turn into the app with 200).
    // CloudFront forwards no query string to this origin (CachingOptimized), so no listing can be asked for.
    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket, {
      originAccessLevels: [AccessLevel.READ, AccessLevel.LIST],
    });
    this.routing = new EdgeFunction(this, 'Routes', {
      comment: 'Minh Chung web: routes of the app get index.html, files go to the bucket',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(spaRoutingFunctionCode()),
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Minh Chứng web app',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      // Includes the Asia-Pacific edges that serve Vietnam.
      priceClass: PriceClass.PRICE_CLASS_200,
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        compress: true,
        functionAssociations: [{ function: this.routing, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Rewritten on every deploy; the app fetches it with no-store.
        '/config.json': {
          origin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: this.headers,
        },
      },
    });

    this.withApp = existsSync(path.join(props.distDir, 'index.html'));
    const sources: ISource[] = [Source.jsonData('config.json', props.config)];
    const hashed = `${HASHED_PREFIX.slice(1)}*`;
    // Two copies of the build, by cache lifetime (the Cache-Control stored on each object is what CloudFront and
    // browsers read). Neither prunes: a tab opened before the deploy still loads its chunks.
    this.assetsDeployment = this.withApp
      ? new BucketDeployment(this, 'DeployAssets', {
          destinationBucket: this.bucket,
          sources: [Source.asset(props.distDir)],
          exclude: ['*'],
          include: [hashed],
          prune: false,
          cacheControl: [CacheControl.fromString(CACHE_HASHED)],
          memoryLimit: 512,
        })
      : undefined;
    if (this.withApp) sources.unshift(Source.asset(props.distDir));
    else {
      Annotations.of(this).addInfo(
        `${props.distDir} has no build: deploying config.json only (npm run deploy builds the web first)`,
      );
    }
    this.deployment = new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources,
      exclude: [hashed],
      prune: false,
      cacheControl: [CacheControl.fromString(CACHE_REVALIDATE)],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
    });
    // The new index.html goes live only once the chunks it names are there.
    if (this.assetsDeployment) this.deployment.node.addDependency(this.assetsDeployment);

    // CDK's own deploy-time handler (a singleton Lambda that copies the sources into the bucket).
    const deployHandler = this.deployment.handlerRole.node.scope!;
    const deployOnly = 'CDK BucketDeployment handler, run only by CloudFormation at deploy time';
    acknowledge(
      deployHandler,
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: `${deployOnly}: aws-cdk-lib attaches AWSLambdaBasicExecutionRole for its own logs and offers no way to replace it.`,
      },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${deployOnly}: CDK's grantRead on the asset bucket and grantReadWrite on the web bucket only; no data bucket is named.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${pseudo(Stack.of(this).account, 'AccountId')}-${pseudo(Stack.of(this).region, 'Region')}/*]`,
        reason: `${deployOnly}: reads the staged web build from the CDK bootstrap asset bucket (asset keys are content hashes).`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/*]`,
        reason: `${deployOnly}: writes the build and config.json to any key of the web bucket, which holds nothing else.`,
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: `${deployOnly}: cloudfront:CreateInvalidation/GetInvalidation, which CDK grants on * (invalidating index.html and config.json after a deploy).`,
      },
      {
        id: 'AwsSolutions-L1',
        reason: `${deployOnly}: its Python runtime is chosen by aws-cdk-lib (python3.13 in 2.276) and moves with CDK upgrades.`,
      },
    );

    acknowledge(
      this.distribution,
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: the users are Vietnamese civil servants who also work from abroad (training, missions); access is controlled by Cognito sign-in, not by location.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL on the static site: it serves public, immutable files and no data; the API has its own throttling and every data call needs a Cognito JWT. Revisit with a custom domain.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'No CloudFront access logs: the site is static and public; every access to data is logged by the API access logs and S3 server access logs of the evidence bucket.',
      },
    );
    if (!props.domain)
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR4',
        reason:
          'Default *.cloudfront.net certificate: CloudFront then allows TLSv1 viewers and the minimum version cannot be raised without a custom domain and ACM certificate (stage keys webDomain and webCertificateArn, docs/deploy.md).',
      });
  }

  /** `https://dxxxx.cloudfront.net` */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}

/** How cdk-nag prints an account or region: the value when the stack has one, else the pseudo parameter. */
const pseudo = (value: string, name: string) => (Token.isUnresolved(value) ? `<AWS::${name}>` : value);
