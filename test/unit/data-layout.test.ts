/**
 * The data-layout rules of docs/data-model.md, checked on the code: no Scan anywhere on a request path, key
 * prefixes spelled only in keys.ts, and every list route paginated with the opaque cursor.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentsRoutes } from '#http/routes/assignments.ts';
import { cyclesRoutes } from '#http/routes/cycles.ts';
import { frameworksRoutes } from '#http/routes/frameworks.ts';
import { organizationRoutes } from '#http/routes/organization.ts';
import type { RouteDef } from '#http/routes/types.ts';
import { REPO_ROOT } from '#infra/local/stack.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const code = [...sources(join(REPO_ROOT, 'shared')), ...sources(join(REPO_ROOT, 'functions'))].map((p) => ({
  path: relative(REPO_ROOT, p),
  text: readFileSync(p, 'utf8'),
}));

describe('data layout', () => {
  it('no request path scans the table', () => {
    expect(code.filter((f) => /\bScan(Command|Input)\b|\.scan\(/.test(f.text)).map((f) => f.path)).toEqual(
      [],
    );
  });

  it('key prefixes are spelled only in keys.ts', () => {
    const prefixes = /[`'"](ENTITY|PROVINCE|FRAMEWORK|FRAMEWORKS|CYCLE|CYCLES|CE|ASSIGN|UNITTASKS|V)#/;
    const offenders = code
      .filter((f) => f.path !== 'shared/adapters/dynamo/keys.ts' && f.path.startsWith('shared/adapters/'))
      .filter((f) => prefixes.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('list routes of frameworks, organization, cycles and assignments page with the opaque cursor', () => {
    const routes: Record<string, RouteDef> = {
      ...frameworksRoutes,
      ...organizationRoutes,
      ...cyclesRoutes,
      ...assignmentsRoutes,
    };
    const lists = Object.entries(routes)
      .filter(([id, r]) => r.method === 'GET' && id.startsWith('list'))
      .map(([id, r]) => ({ id, ...r }));
    expect(lists.length).toBe(5);
    for (const r of lists)
      expect(Object.keys(r.query?.shape ?? {}), r.id).toEqual(expect.arrayContaining(['limit', 'cursor']));
  });
});
