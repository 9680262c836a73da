/**
 * CDK entry (cdk.json: `node infra/app.ts`). Stage from `-c stage=dev|prod` (default dev), web origins from
 * `-c webOrigins=...`. cdk-nag's AwsSolutions checks run during synthesis; an unacknowledged finding fails it.
 */
import { buildApp } from './app-builder.ts';

buildApp().app.synth();
