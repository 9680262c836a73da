/**
 * One synthesis per stage per test file (each file runs in its own worker): bundling the functions with esbuild
 * is the slow part, so every assertion of a file shares the same app.
 */
import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type BuiltApp, buildApp } from '#infra/app-builder.ts';
import type { Stage } from '#infra/stacks/stage-config.ts';

export const TEST_ENV = { account: '123456789012', region: 'ap-southeast-1' };
/** dev's further origins: the web app's own (the CloudFront domain) comes first in every list. */
export const TEST_ORIGINS = ['https://minhchung.example.vn', 'http://localhost:5173'];

/**
 * cdk.json `stages` for the tests: dev as a developer leaves it (placeholders, domain not yet verified), prod as an
 * operator fills it for the first deploy (no custom domain yet; the SES domain verified, so Cognito sends through
 * it). Both in one account, as test/infra/deploy-config.test.ts checks.
 */
export const TEST_STAGES = {
  dev: {
    region: TEST_ENV.region,
    webOrigins: TEST_ORIGINS,
    mail: { fromName: 'Minh Chứng', fromAddress: 'nhac-viec@minhchung.example.vn', identityVerified: false },
    operatorEmail: 'van-hanh@minhchung.example.vn',
  },
  prod: {
    region: TEST_ENV.region,
    account: TEST_ENV.account,
    webOrigins: [],
    mail: { fromName: 'Minh Chứng', fromAddress: 'nhac-viec@minhchung.test', identityVerified: true },
    operatorEmail: 'van-hanh@minhchung.test',
    uploadExpiryHours: 24,
  },
};

export interface Synthesized extends BuiltApp {
  /**
   * The stack and its nested stacks as one template: nested resources keep their own logical ids and every
   * `Ref` to a nested-stack parameter is replaced by what the parent passes, so an assertion reads the same
   * wherever CDK placed the resource (see `flatten`).
   */
  template: Template;
  /** The parent stack's own template (what CloudFormation counts against its resource limit). */
  parentTemplate: Template;
  /** Each nested stack's template, by construct path. */
  nestedTemplates: Map<string, Template>;
}

const cache = new Map<string, Synthesized>();

/**
 * Builds and synthesizes the real app (nag included: an unacknowledged finding makes synth throw here).
 * Template assertions do not need the function code, so bundling is skipped unless a test asks for it
 * (`bundle: true` builds every function with esbuild exactly as `cdk deploy` does).
 */
export function synth(stage: Stage, opts: { bundle?: boolean; webDist?: string } = {}): Synthesized {
  const key = `${stage}:${opts.bundle ? 'bundled' : 'templates'}:${opts.webDist ?? ''}`;
  let hit = cache.get(key);
  if (!hit) {
    const built = buildApp({
      stage,
      env: TEST_ENV,
      context: {
        stages: TEST_STAGES,
        ...(opts.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
        // Templates must not depend on whether someone built the web app here (web.test.ts covers a build).
        webDist: opts.webDist ?? 'test/infra/no-web-build',
      },
    });
    built.app.synth();
    const parentTemplate = Template.fromStack(built.stack);
    const nestedTemplates = new Map(
      nestedStacksOf(built.stack).map((n) => [n.node.path, Template.fromStack(n)] as const),
    );
    hit = {
      ...built,
      template: flatten(built.stack, parentTemplate, nestedTemplates),
      parentTemplate,
      nestedTemplates,
    };
    cache.set(key, hit);
  }
  return hit;
}

export function nestedStacksOf(stack: Stack): NestedStack[] {
  return stack.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c));
}

type Json = Record<string, unknown>;

/** Replaces `{ Ref: parameter }` anywhere in `value` by the parameter's value. */
function substitute(value: unknown, parameters: Json): unknown {
  if (Array.isArray(value)) return value.map((v) => substitute(v, parameters));
  if (value && typeof value === 'object') {
    const obj = value as Json;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === 'Ref' && typeof obj.Ref === 'string' && obj.Ref in parameters) {
      return parameters[obj.Ref];
    }
    return Object.fromEntries(keys.map((k) => [k, substitute(obj[k], parameters)]));
  }
  return value;
}

/**
 * One template for the parent and its nested stacks (one level, as the app builds them). Fails on a logical id
 * used in two of them, since assertions look resources up by id.
 */
function flatten(parent: Stack, parentTemplate: Template, nested: Map<string, Template>): Template {
  const out = structuredClone(parentTemplate.toJSON()) as Json & { Resources: Json };
  for (const stack of nestedStacksOf(parent)) {
    const resource = (stack as NestedStack).nestedStackResource!;
    const stackResource = out.Resources[Stack.of(resource).getLogicalId(resource)] as {
      Properties?: { Parameters?: Json };
    };
    const parameters = stackResource.Properties?.Parameters ?? {};
    const json = nested.get(stack.node.path)!.toJSON() as { Resources: Json };
    for (const [id, r] of Object.entries(json.Resources)) {
      if (id in out.Resources) throw new Error(`logical id ${id} is in more than one stack`);
      out.Resources[id] = substitute(r, parameters);
    }
  }
  return Template.fromJSON(out, { skipCyclicalDependenciesCheck: true });
}

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; [k: string]: unknown }>;

/** Resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}
