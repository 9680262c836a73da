import { App, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MinhChungStack } from './stacks/minh-chung-stack.ts';
import { parseStage, type Stage, type StageConfig, stageConfig } from './stacks/stage-config.ts';
import { stageSettings } from './stacks/stage-settings.ts';

export interface BuildAppOptions {
  /** Overrides the `stage` context (default `dev`). */
  stage?: Stage;
  /** Overrides the stage's `webOrigins` (the origins allowed besides the web app's own). */
  webOrigins?: string[];
  /** Context, as cdk.json (`stages`) and `-c key=value` would give. */
  context?: Record<string, unknown>;
  /** Cloud assembly directory (default: the CLI's, or a temporary one). */
  outdir?: string;
  /** Target account/region (default: the stage's region and account, else the CLI's CDK_DEFAULT_ACCOUNT). */
  env?: Environment;
  /** Register the cdk-nag AwsSolutions checks (default true). */
  nag?: boolean;
}

export interface BuiltApp {
  app: App;
  stack: MinhChungStack;
  config: StageConfig;
  nag?: AwsSolutionsChecks;
}

/** Feature flags this app relies on (cdk.json may add more; these are not left to its defaults). */
const FLAGS = {
  // Server access logs are delivered through a bucket policy, so the log bucket can enforce bucket ownership.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

/**
 * Builds the whole app for one stage without synthesizing it: `infra/app.ts` synthesizes for the CLI, tests
 * call this and assert on the stack or synthesize themselves.
 */
export function buildApp(opts: BuildAppOptions = {}): BuiltApp {
  const app = new App({
    outdir: opts.outdir,
    context: { ...FLAGS, ...opts.context },
  });
  const stage = opts.stage ?? parseStage(app.node.tryGetContext('stage'));
  const settings = stageSettings(stage, (key) => app.node.tryGetContext(key));
  if (opts.webOrigins) settings.webOrigins = opts.webOrigins;
  const config = stageConfig(stage, settings);

  // The region is the stage's, never the caller's default: a prod deploy from a shell set to another region
  // still goes where its data, SES identity and users are.
  const env = opts.env ?? {
    account: settings.account ?? process.env.CDK_DEFAULT_ACCOUNT,
    region: settings.region,
  };
  const stack = new MinhChungStack(app, `MinhChung-${stage}`, {
    config,
    env,
    description: `Minh Chứng evidence collector (${stage})`,
  });
  Tags.of(app).add('app', 'minh-chung');
  Tags.of(app).add('stage', stage);

  let nag: AwsSolutionsChecks | undefined;
  if (opts.nag ?? true) {
    nag = new AwsSolutionsChecks(app);
    Validations.of(app).addPlugins(nag);
  }
  return { app, stack, config, nag };
}
