/**
 * CDK entry (cdk.json: `node infra/app.ts`). Stage from `-c stage=dev|prod` (default dev), its settings from
 * cdk.json `stages.<stage>` (docs/deploy.md). cdk-nag's AwsSolutions checks run during synthesis; an
 * unacknowledged finding fails it.
 */
import { buildApp } from './app-builder.ts';
import { StageConfigError } from './stacks/stage-settings.ts';

try {
  buildApp().app.synth();
} catch (e) {
  if (!(e instanceof StageConfigError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
