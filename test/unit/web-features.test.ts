/**
 * The feature rule of docs/web.md ("Layout"): `web/src/pages/<feature>/` (and `pages/admin/<feature>/`) holds a
 * feature's pages, components, queries and model; a feature imports nothing from another feature — what two
 * features share lives in `web/src/common/`. Only the routers (`web/src/app/`, the admin shell files directly in
 * `pages/admin/`) import pages, and nothing outside `pages/` and `app/` imports from `pages/`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '#test/lib/code-size.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = 'web/src';

/** `pages/home/` for `pages/home/x/y.tsx`, `pages/admin/people/` for `pages/admin/people/z.ts`; else undefined. */
function featureOf(file: string): string | undefined {
  const m = /^pages\/(admin\/[^/]+\/|(?!admin\/)[^/]+\/)/.exec(file);
  return m ? `pages/${m[1]}` : undefined;
}

const isRouter = (file: string) => file.startsWith('app/') || /^pages\/admin\/[^/]+$/.test(file);

/** Relative import specifiers of a module (static, dynamic and side-effect imports). */
function relativeImports(source: string): string[] {
  return [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)].map(
    (m) => m[1] as string,
  );
}

/** Every import that breaks the rule, as `from -> to` (paths relative to web/src). */
function featureViolations(modules: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, source] of modules) {
    for (const spec of relativeImports(source)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const to = featureOf(target);
      if (!to || isRouter(file)) continue;
      if (to !== featureOf(file)) out.push(`${file} -> ${target}`);
    }
  }
  return out;
}

describe('web/src by feature', () => {
  const modules = new Map(
    sourceFiles(ROOT, SRC).map((f) => [f.slice(SRC.length + 1), readFileSync(path.join(ROOT, f), 'utf8')]),
  );

  it('has feature folders and no component folder outside them', () => {
    const features = new Set([...modules.keys()].map(featureOf).filter(Boolean));
    expect(features.size).toBeGreaterThanOrEqual(10);
    expect([...modules.keys()].filter((f) => f.startsWith('components/'))).toEqual([]);
    expect([...modules.keys()].filter((f) => /^pages\/[^/]+\.tsx?$/.test(f))).toEqual([]);
  });

  it('no feature imports another feature, and shared code imports no feature', () => {
    expect(featureViolations(modules)).toEqual([]);
  });

  it('catches a page importing another page and shared code importing a page', () => {
    const bad = new Map([
      ['pages/home/HomePage.tsx', "import { defaultCycle } from '../dashboard/DashboardPage.tsx';"],
      ['pages/admin/cycles/Form.tsx', "import { x } from '../frameworks/queries.ts';"],
      ['common/CycleGate.tsx', "const P = lazy(() => import('../pages/review/ReviewPage.tsx'));"],
      ['pages/home/TaskRow.tsx', "import { a } from './model.ts';\nimport { b } from '../../common/x.ts';"],
      ['app/App.tsx', "import { HomePage } from '../pages/home/HomePage.tsx';"],
      ['pages/admin/lazy.tsx', "const F = lazy(() => import('./frameworks/AdminFrameworksPage.tsx'));"],
    ]);
    expect(featureViolations(bad)).toEqual([
      'pages/home/HomePage.tsx -> pages/dashboard/DashboardPage.tsx',
      'pages/admin/cycles/Form.tsx -> pages/admin/frameworks/queries.ts',
      'common/CycleGate.tsx -> pages/review/ReviewPage.tsx',
    ]);
  });
});
