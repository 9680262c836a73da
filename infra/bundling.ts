/**
 * esbuild options shared by the CDK `NodejsFunction`s and the bench, so the bench measures what deploys.
 * ESM + minify + bundled AWS SDK (faster, pinned cold starts: docs/architecture.md, Powertools examples/app).
 */
export const BUNDLE = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  sourcemap: true,
  // Line-accurate stack traces without shipping (and parsing at cold start) every dependency's source.
  sourcesContent: false,
  treeShaking: true,
  // Vietnamese text as UTF-8, not \uXXXX escapes (6 bytes a letter).
  charset: 'utf8',
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require(); ESM bundles need it defined.
  banner:
    "import { createRequire as __mcCreateRequire } from 'module'; const require = __mcCreateRequire(import.meta.url);",
} as const;

/** Handler entry of a function folder. */
export const handlerEntry = (fn: string): string => `functions/${fn}/handler.ts`;
