import { Duration, NestedStack, type RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDef } from '#http/routes.ts';
import { AppFunction } from './app-function.ts';
import type { DataConstruct } from './data.ts';
import type { EvidenceBucket, EvidenceObjectAccess } from './evidence-bucket.ts';

/** `none`: no data beyond the caller's own profile (GetItem on `USER#…`), which every API function reads. */
export type TableAccess = 'none' | 'read' | 'readwrite';

/** What a function's role may do beyond writing its own logs. */
export interface FunctionAccess {
  table: TableAccess;
  /** s3:PutObject on evidence keys, to presign browser uploads (single, multipart parts and completion, copy). */
  presignEvidencePut: boolean;
  /** Other actions on evidence objects, by purpose (evidence-bucket.ts: EVIDENCE_OBJECT_ACTIONS). */
  evidenceObjects: readonly EvidenceObjectAccess[];
  /** Cognito admin calls on the user pool (invite, groups, attributes, disable, global sign-out). */
  userAdmin: boolean;
  /** Cognito calls about a user's TOTP: read it (the caller's own check) or turn it off (an admin's reset). */
  userMfa: 'none' | keyof typeof USER_MFA_ACTIONS;
  /** s3:GetObject on export keys (exports/*), to presign downloads of a finished export's files. */
  presignExportGet: boolean;
  /** lambda:InvokeFunction on the build-export worker only, whose name it gets as EXPORT_FUNCTION_NAME. */
  invokeExportWorker: boolean;
  /** lambda:InvokeFunction on the upload redrive only, which finishes carried-forward copies (CARRY_COPY_FUNCTION_NAME). */
  invokeCopyWorker: boolean;
}

/**
 * Where a function needs something other than what its routes' methods imply (GET → read, else read/write).
 * Adding a route gets the default automatically; anything else is decided here, in review.
 */
export const ACCESS_OVERRIDES: Record<string, Partial<FunctionAccess>> = {
  // Reads nothing but the caller's own profile, which every API function reads (`none` = profiles only).
  'get-me': { table: 'none' },
  // Blank spreadsheets built in memory.
  'download-template': { table: 'none' },
  'request-upload': { presignEvidencePut: true },
  'add-evidence-file': { presignEvidencePut: true },
  'upload-parts': { presignEvidencePut: true, evidenceObjects: ['list-parts'] },
  // CompleteMultipartUpload is s3:PutObject; a retried completion checks the object exists.
  'complete-upload': { presignEvidencePut: true, evidenceObjects: ['read'] },
  'download-evidence': { evidenceObjects: ['read'] },
  'purge-evidence': { evidenceObjects: ['purge'] },
  // Server-side copies of last year's files: read the source, write the new key; large ones in the background.
  'carry-forward': { presignEvidencePut: true, evidenceObjects: ['read'], invokeCopyWorker: true },
  'invite-user': { userAdmin: true },
  'update-user': { userAdmin: true },
  'set-user-enabled': { userAdmin: true },
  // docs/access.md, "MFA": the caller's own TOTP state, and an admin's reset of someone's.
  'check-my-mfa': { userMfa: 'check' },
  'reset-user-mfa': { userMfa: 'reset' },
  // Queues the job, then starts the worker with an asynchronous invocation.
  'request-export': { invokeExportWorker: true },
  'get-export': { presignExportGet: true },
};

/** Exactly the Cognito calls shared/adapters/cognito/user-directory.ts makes. */
export const USER_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
];

/** Exactly the Cognito calls of user-directory.ts's `mfaEnabled` and `resetMfa`. */
export const USER_MFA_ACTIONS = {
  check: ['cognito-idp:AdminGetUser'],
  reset: ['cognito-idp:AdminSetUserMFAPreference'],
} as const;

export function accessFor(fn: string, methods: readonly string[]): FunctionAccess {
  const derived: FunctionAccess = {
    table: methods.every((m) => m === 'GET') ? 'read' : 'readwrite',
    presignEvidencePut: false,
    evidenceObjects: [],
    userAdmin: false,
    userMfa: 'none',
    presignExportGet: false,
    invokeExportWorker: false,
    invokeCopyWorker: false,
  };
  return { ...derived, ...ACCESS_OVERRIDES[fn] };
}

/**
 * HTTP API gives up on an integration after 30 s (not adjustable); a function's own timeout must come first, so
 * its log says what happened and the caller gets the gateway's answer for a timeout, not a silent cut.
 */
export const API_TIMEOUT_LIMIT = Duration.seconds(29);

/**
 * API functions that do more than a few reads and writes (docs/operations.md, "Timeouts and memory"); every other
 * one gets AppFunction's 512 MB and 10 s (a stalled dependency answers 503 within ~3 s, docs/architecture.md).
 * 25 s leaves a cold start's initialization inside the gateway's 30 s.
 */
export const API_FUNCTION_SIZING: Record<string, { memorySize?: number; timeout: Duration }> = {
  // Spreadsheets parsed or built in memory (exceljs): several times the file's size.
  'import-framework': { memorySize: 1024, timeout: Duration.seconds(25) },
  'export-framework': { memorySize: 1024, timeout: Duration.seconds(25) },
  'import-assignments': { memorySize: 1024, timeout: Duration.seconds(25) },
  'download-template': { memorySize: 1024, timeout: Duration.seconds(10) },
  // Up to 25 evidence: a transaction each, then the small copies (started within 10 s; the rest go to the background).
  'carry-forward': { timeout: Duration.seconds(25) },
  // A cycle's whole assignment table, translated and written in batches.
  'carry-forward-assignments': { timeout: Duration.seconds(25) },
  // Every version of every file of an evidence (ListObjectVersions pages, DeleteObjects batches).
  'purge-evidence': { timeout: Duration.seconds(25) },
  // Readiness of every entity of a cycle.
  'get-cycle-readiness': { timeout: Duration.seconds(25) },
};

/** `list-cycles` → `ListCycles` (construct ids). */
export const pascal = (fn: string) =>
  fn
    .split(/[-_]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');

export interface ApiProps {
  /** The route table by module (shared/http/routes.ts `routeModules`): one nested stack per module. */
  modules: Readonly<Record<string, Readonly<Record<string, RouteDef>>>>;
  webOrigins: string[];
  jwtIssuer: string;
  jwtAudience: string[];
  data: DataConstruct;
  evidence: EvidenceBucket;
  userPool: IUserPool;
  /** The build-export worker (constructs/export-worker.ts), for the functions with `invokeExportWorker`. */
  exportWorker: IFunction;
  /** The upload redrive (constructs/upload-recovery.ts), for the functions with `invokeCopyWorker`. */
  copyWorker: IFunction;
  /** Variables only some functions get, by function (e.g. whether a reminder webhook is configured). */
  functionEnvironment?: Readonly<Record<string, Record<string, string>>>;
  /** Environment every function gets (merged with the AppFunction defaults). */
  environment: Record<string, string>;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
  throttle: { burstLimit: number; rateLimit: number };
}

/**
 * The HTTP API: one route per entry of the route table, each behind the Cognito JWT authorizer and
 * integrated with the Lambda of its `fn` (one Lambda per distinct fn), least-privilege grants per function,
 * CORS limited to the web origins, default-stage throttling and JSON access logs.
 *
 * The API, its stage, authorizer and access logs stay in the parent stack; each route module's functions,
 * roles, log groups, permissions, integrations and routes live in a nested stack (`Routes<Module>`), because
 * one Lambda per route is ~7 resources and a single stack holds at most 500. Nested stacks only receive
 * references (API id, table, bucket, pool, export worker) as parameters and export nothing, so they cannot form a
 * cycle.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly functions: ReadonlyMap<string, AppFunction>;
  /** The nested stack of each route module. */
  readonly moduleStacks: ReadonlyMap<string, NestedStack>;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    const routes = Object.entries(props.modules).flatMap(([module, defs]) =>
      Object.entries(defs).map(([id, r]) => ({ id, module, ...r })),
    );
    const methods = [...new Set(routes.map((r) => r.method))];
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Minh Chứng API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.webOrigins,
        allowMethods: [...methods.map((m) => CorsHttpMethod[m]), CorsHttpMethod.OPTIONS],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });

    const authorizer = new HttpJwtAuthorizer('CognitoJwt', props.jwtIssuer, {
      jwtAudience: props.jwtAudience,
      identitySource: ['$request.header.Authorization'],
    });

    const functions = new Map<string, AppFunction>();
    const moduleStacks = new Map<string, NestedStack>();
    for (const module of Object.keys(props.modules)) {
      const stack = new NestedStack(this, `Routes${pascal(module)}`, {
        description: `Minh Chứng API routes: ${module}`,
      });
      moduleStacks.set(module, stack);
      const moduleRoutes = routes.filter((r) => r.module === module);
      const integrations = new Map<string, HttpLambdaIntegration>();
      for (const fn of new Set(moduleRoutes.map((r) => r.fn))) {
        if (functions.has(fn)) throw new Error(`Function ${fn} serves routes of more than one module`);
        const fnMethods = routes.filter((r) => r.fn === fn).map((r) => r.method);
        const handler = new AppFunction(stack, pascal(fn), {
          fn,
          description: `Minh Chứng ${fn}`,
          ...API_FUNCTION_SIZING[fn],
          environment: { ...props.environment, ...props.functionEnvironment?.[fn] },
          logRetention: props.logRetention,
          logRemovalPolicy: props.logRemovalPolicy,
        });
        this.grant(handler, accessFor(fn, fnMethods), props);
        functions.set(fn, handler);
        integrations.set(fn, new HttpLambdaIntegration(`${pascal(fn)}Integration`, handler));
      }
      for (const route of moduleRoutes) {
        if (route.auth !== 'jwt')
          throw new Error(`Route ${route.id}: unsupported auth ${String(route.auth)}`);
        new HttpRoute(stack, `${pascal(route.id)}Route`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration: integrations.get(route.fn)!,
          authorizer,
        });
      }
    }
    // A renamed function must not silently lose its sizing or variables.
    for (const fn of [...Object.keys(API_FUNCTION_SIZING), ...Object.keys(props.functionEnvironment ?? {})])
      if (!functions.has(fn)) throw new Error(`No API function ${fn} to size or configure`);
    this.functions = functions;
    this.moduleStacks = moduleStacks;
  }

  private grant(fn: AppFunction, access: FunctionAccess, props: ApiProps): void {
    // Every request reads the caller's profile; `read` and `readwrite` already cover it.
    if (access.table === 'none') props.data.grantProfileRead(fn);
    else props.data.grant(fn, access.table);
    if (access.presignEvidencePut) props.evidence.grantPresignPut(fn);
    props.evidence.grantEvidence(fn, access.evidenceObjects);
    if (access.userAdmin) {
      fn.addToRolePolicy(
        new PolicyStatement({ actions: USER_ADMIN_ACTIONS, resources: [props.userPool.userPoolArn] }),
      );
      fn.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
    }
    if (access.userMfa !== 'none') {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [...USER_MFA_ACTIONS[access.userMfa]],
          resources: [props.userPool.userPoolArn],
        }),
      );
      fn.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
    }
    if (access.presignExportGet) props.evidence.grantPresignExportGet(fn);
    if (access.invokeExportWorker) {
      // The function's ARN only: no `:*` for versions or aliases (the worker is invoked unqualified).
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [props.exportWorker.functionArn],
        }),
      );
      fn.addEnvironment('EXPORT_FUNCTION_NAME', props.exportWorker.functionName);
    }
    if (access.invokeCopyWorker) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [props.copyWorker.functionArn],
        }),
      );
      fn.addEnvironment('CARRY_COPY_FUNCTION_NAME', props.copyWorker.functionName);
    }
  }

  get url(): string {
    return this.stage.url;
  }
}
