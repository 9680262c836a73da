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

const cache = new Map<string, Synthesized>();

/**
 * Builds and synthesizes the real app (nag included: an unacknowledged finding makes synth throw here).
 * Template assertions do not need the function code, so bundling is skipped unless a test asks for it
 * (`bundle: true` builds every function with esbuild exactly as `cdk deploy` does).
 */
export function synth(stage: Stage, opts: { bundle?: boolean } = {}): Synthesized {
  const key = `${stage}:${opts.bundle ? 'bundled' : 'templates'}`;
  let hit = cache.get(key);
  if (!hit) {
    const built = buildApp({
      stage,
      env: TEST_ENV,
      webOrigins: TEST_ORIGINS,
      context: opts.bundle ? {} : { 'aws:cdk:bundling-stacks': [] },
    });
    built.app.synth();
    hit = { ...built, template: Template.fromStack(built.stack) };
    cache.set(key, hit);
  }
  return hit;
}

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; [k: string]: unknown }>;

/** Resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}
