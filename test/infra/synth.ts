/**
 * One synthesis per stage per test file (each file runs in its own worker): bundling the functions with esbuild
 * is the slow part, so every assertion of a file shares the same app.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { type BuiltApp, buildApp } from '../../infra/app-builder.ts';
import type { Stage } from '../../infra/stacks/stage-config.ts';

export const TEST_ENV = { account: '123456789012', region: 'ap-southeast-1' };
export const TEST_ORIGINS = ['https://minhchung.example.vn', 'http://localhost:5173'];

export interface Synthesized extends BuiltApp {
  template: Template;
}

const cache = new Map<Stage, Synthesized>();

/** Builds and synthesizes the real app (nag included: an unacknowledged finding makes synth throw here). */
export function synth(stage: Stage): Synthesized {
  let hit = cache.get(stage);
  if (!hit) {
    const built = buildApp({ stage, env: TEST_ENV, webOrigins: TEST_ORIGINS });
    built.app.synth();
    hit = { ...built, template: Template.fromStack(built.stack) };
    cache.set(stage, hit);
  }
  return hit;
}

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; [k: string]: unknown }>;

/** Resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}
