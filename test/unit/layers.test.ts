/**
 * The layer rules of docs/architecture.md ("Layers and import directions"), checked over every .ts file: each
 * import specifier (`from '…'`, `import '…'`, `import('…')`) is resolved to a repository path or a package
 * name and judged by the importing file's folder. Biome's noRestrictedImports matches specifier text only,
 * so it cannot tell `../usecases/x.ts` from a domain file apart from the same text elsewhere; this can.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['shared', 'functions', 'infra', 'bench', 'test', 'web/src'];
const SKIPPED = new Set(['node_modules', 'cdk.out', '.local', 'dist']);

/** Where an import leads: a file of ours (repository-relative, `/`-separated) or a package. */
type Target = { local: string } | { pkg: string };

interface Rule {
  name: string;
  /** Does the rule apply to this importing file? */
  applies(file: string): boolean;
  forbids(target: Target): boolean;
}

const under = (file: string, ...dirs: string[]) => dirs.some((d) => file.startsWith(`${d}/`));
const localUnder =
  (...dirs: string[]) =>
  (t: Target) =>
    'local' in t && under(t.local, ...dirs);

const RULES: Rule[] = [
  {
    name: 'domain imports nothing of ours outside shared/domain',
    applies: (f) => under(f, 'shared/domain'),
    forbids: (t) => 'local' in t && !under(t.local, 'shared/domain'),
  },
  {
    name: 'use cases import no adapters, http, composition roots, functions or infra',
    applies: (f) => under(f, 'shared/usecases'),
    forbids: localUnder('shared/adapters', 'shared/http', 'shared/composition', 'functions', 'infra'),
  },
  {
    name: 'adapters import no use cases, http, composition roots or functions (wiring lives in shared/composition)',
    applies: (f) => under(f, 'shared/adapters'),
    forbids: localUnder('shared/usecases', 'shared/http', 'shared/composition', 'functions'),
  },
  {
    name: 'only adapters (and infra, bench, tests) import the AWS SDK',
    applies: (f) => !under(f, 'shared/adapters', 'infra', 'bench', 'test'),
    forbids: (t) => 'pkg' in t && t.pkg.startsWith('@aws-sdk/'),
  },
  {
    name: 'deploy code never imports local-runtime code',
    applies: (f) => under(f, 'infra/constructs', 'infra/stacks') || /^infra\/app[^/]*\.ts$/.test(f),
    forbids: localUnder('infra/local'),
  },
];

const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"\n]+)['"]/g;

/** package.json `imports` (`#x/*` → `./x/*`), should the code use them. */
const aliases: Record<string, string> =
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).imports ?? {};

function resolveAlias(spec: string): string | undefined {
  for (const [key, value] of Object.entries(aliases)) {
    if (typeof value !== 'string') continue;
    if (key === spec) return value;
    const star = key.indexOf('*');
    if (star >= 0 && spec.startsWith(key.slice(0, star)) && spec.endsWith(key.slice(star + 1))) {
      return value.replace('*', spec.slice(star, spec.length - (key.length - star - 1)));
    }
  }
  return undefined;
}

function resolveTarget(file: string, spec: string): Target {
  if (spec.startsWith('.'))
    return { local: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) };
  if (spec.startsWith('#')) {
    const to = resolveAlias(spec);
    if (to) return { local: path.posix.normalize(to) };
  }
  const parts = spec.split('/');
  return { pkg: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

/** The broken rules of one file (repository-relative path) with this source text. */
function violationsIn(file: string, source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(SPECIFIER)) {
    const spec = m[1]!;
    const target = resolveTarget(file, spec);
    for (const rule of RULES) {
      if (rule.applies(file) && rule.forbids(target)) found.push(`${file}: '${spec}' — ${rule.name}`);
    }
  }
  return found;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (SKIPPED.has(e.name)) continue;
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...tsFiles(rel));
    else if (/\.tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}

describe('layer rules', () => {
  it('hold for every .ts file of the repository', () => {
    const files = SCANNED.flatMap(tsFiles).filter((f) => f !== 'test/unit/layers.test.ts');
    expect(files.length).toBeGreaterThan(300);
    const broken = files.flatMap((f) => violationsIn(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(broken).toEqual([]);
  });

  it('catch a deliberate violation of each rule', () => {
    const cases: [string, string][] = [
      ['shared/domain/x.ts', "import { planReminders } from '../usecases/reminders.ts';"],
      ['shared/domain/x.ts', "import type { Env } from '../config/env.ts';"],
      ['shared/usecases/x.ts', "import { parse } from '../http/schemas.ts';"],
      [
        'shared/usecases/x.ts',
        "const { evidenceRepository } = await import('../adapters/dynamo/evidence-repository.ts');",
      ],
      ['shared/adapters/dynamo/x.ts', "import type { ReminderDeps } from '../../usecases/reminders.ts';"],
      ['functions/x/handler.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';"],
      ['shared/usecases/x.ts', "export { S3Client } from '@aws-sdk/client-s3';"],
      ['infra/constructs/x.ts', "import { startWebServer } from '../local/web-server.ts';"],
      ['infra/app.ts', "import './local/stack.ts';"],
      // the same rules through the package.json aliases
      ['shared/domain/x.ts', "import { planReminders } from '#usecases/reminders.ts';"],
      ['shared/usecases/x.ts', "import { dynamo } from '#adapters/dynamo/client.ts';"],
      ['shared/adapters/s3/x.ts', "import type { HttpRoute } from '#http/routes.ts';"],
      ['infra/stacks/x.ts', "import { startStack } from '#infra/local/stack.ts';"],
    ];
    for (const [file, source] of cases)
      expect(violationsIn(file, source), `${file}: ${source}`).toHaveLength(1);
  });

  it('allow the directions the layers are built on', () => {
    const cases: [string, string][] = [
      ['shared/domain/x.ts', "import { z } from 'zod';\nimport { DomainError } from './errors.ts';"],
      [
        'shared/usecases/x.ts',
        "import type { CycleRepository } from '../ports.ts';\nimport { x } from '../domain/x.ts';",
      ],
      ['shared/adapters/dynamo/x.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';"],
      ['shared/composition/x.ts', "import type { ReminderDeps } from '../usecases/reminders.ts';"],
      ['infra/local/stack.ts', "import { WebHosting } from '../constructs/web-hosting.ts';"],
      ['infra/constructs/x.ts', "import { contentSecurityPolicy } from '../web-headers.ts';"],
      [
        'shared/usecases/x.ts',
        "import type { CycleRepository } from '#ports.ts';\nimport { x } from '#domain/x.ts';",
      ],
    ];
    for (const [file, source] of cases) expect(violationsIn(file, source), `${file}: ${source}`).toEqual([]);
  });
});
