import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#http/openapi.ts';
import { eventFunctions, routeList } from '#http/routes.ts';
import { REPO_ROOT } from '#infra/local/stack.ts';
import { stack } from './helpers.ts';

describe('OpenAPI document', () => {
  it('the gateway serves exactly what the route table and schemas generate', async () => {
    const res = await fetch(`${stack.api}/openapi.json`);
    expect(res.status).toBe(200);
    const served = (await res.json()) as { openapi: string };
    expect(served).toEqual(openApiDocument({ version: '0.1.0', serverUrl: stack.api }));
    expect(served.openapi).toBe('3.1.0');
  });

  it('documents every route with its operation, parameters and responses', async () => {
    const doc = openApiDocument({ version: 'test' });
    for (const r of routeList) {
      const op = (doc.paths[r.path] as Record<string, any>)?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op.operationId).toBe(r.id);
      expect(op.responses[String(r.success.status)]).toBeDefined();
      expect(op.responses['400']).toBeDefined();
      const pathParams = [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = op.parameters
        .filter((p: { in: string }) => p.in === 'path')
        .map((p: { name: string }) => p.name);
      expect(declared.sort()).toEqual(pathParams.sort());
      if (r.body) expect(op.requestBody.content['application/json'].schema).toBeDefined();
    }
  });

  it('every route and event function has a handler file', () => {
    for (const fn of [...routeList.map((r) => r.fn), ...Object.values(eventFunctions).map((e) => e.fn)]) {
      expect(existsSync(`${REPO_ROOT}/functions/${fn}/handler.ts`), fn).toBe(true);
    }
  });
});
