/**
 * The browser's route map (`web/src/api/route-map.gen.ts`) is what the generator writes from the route table
 * now: a route added, renamed or moved without `./node_modules/.bin/node infra/admin/gen-web-routes.ts` fails
 * here. The map stays plain data, so no server code reaches the bundle through it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type RouteDef, routes } from '#http/routes.ts';
import { ROUTE_MAP_FILE, routeMapSource } from '#infra/admin/gen-web-routes.ts';
import { ROUTE_MAP } from '#web/api/route-map.gen.ts';

describe('web route map', () => {
  test('the committed file is what the generator writes from the route table', () => {
    expect(readFileSync(ROUTE_MAP_FILE, 'utf8')).toBe(routeMapSource(routes));
  });

  test('every route has its method and path, and file routes say so', () => {
    expect(Object.keys(ROUTE_MAP)).toEqual(Object.keys(routes));
    for (const [id, r] of Object.entries(routes as Record<string, RouteDef>)) {
      const entry = (ROUTE_MAP as Record<string, { method: string; path: string; file?: true }>)[id];
      expect({ id, ...entry }).toEqual({
        id,
        method: r.method,
        path: r.path,
        ...(r.file ? { file: true } : {}),
      });
    }
  });

  test('the map imports nothing (plain data)', () => {
    expect(readFileSync(ROUTE_MAP_FILE, 'utf8')).not.toMatch(/^\s*import\b/m);
  });

  test('a route missing from the committed file makes the sources differ', () => {
    const { getMe: _, ...fewer } = routes;
    expect(routeMapSource(fewer)).not.toBe(readFileSync(ROUTE_MAP_FILE, 'utf8'));
  });
});
