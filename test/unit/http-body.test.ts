import { describe, expect, it } from 'vitest';
import type { HttpEvent } from '#http/http-handler.ts';
import { httpHandler } from '#http/http-handler.ts';
import { routes } from '#http/routes.ts';

const NOW = new Date('2026-12-03T03:00:00Z');
const seconds = Math.floor(NOW.getTime() / 1000);
const profile = {
  userId: 'u-member',
  email: 'member@example.vn',
  name: 'Chuyên viên',
  role: 'member' as const,
  entityId: 'so-khcn',
  unitId: 'phong-a',
  enabled: true,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  version: 1,
};

function eventWith(body: string): HttpEvent {
  const route = routes.addComment;
  return {
    routeKey: `${route.method} ${route.path}`,
    rawPath: '/v1/x',
    headers: { 'content-type': 'application/json' },
    body,
    isBase64Encoded: false,
    pathParameters: { entityId: 'so-khcn', cycleId: 'c2023', criterionCode: '1.1' },
    requestContext: {
      requestId: 'r1',
      authorizer: {
        jwt: { claims: { sub: 'u-member', iat: String(seconds - 5), exp: String(seconds + 600) } },
      },
    },
  } as unknown as HttpEvent;
}

describe('JSON bodies', () => {
  it('refuses a lone UTF-16 surrogate with a field-level bilingual 400 and never reaches the use case', async () => {
    let called = false;
    const handler = httpHandler(
      routes.addComment,
      async () => {
        called = true;
        return {};
      },
      { actor: { users: { get: async () => profile }, clock: { now: () => NOW } } },
    );
    // The JSON text is well-formed ASCII; only its \uD800 escape decodes to a lone surrogate.
    const res = await handler(eventWith('{"text":"Ghi chú \\uD800 hỏng"}'), {} as never);
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(String(res.body));
    expect(body.error.issues[0].field).toBe('body.text');
    expect(body.error.issues[0].message.vi).toMatch(/Unicode/);
    expect(body.error.issues[0].message.en).toMatch(/surrogate/);
    expect(called).toBe(false);
  });

  it('walks a body nested far deeper than the call stack without failing', async () => {
    const handler = httpHandler(routes.addComment, async () => ({}), {
      actor: { users: { get: async () => profile }, clock: { now: () => NOW } },
    });
    const deep = `${'['.repeat(30_000)}"\\uDC00"${']'.repeat(30_000)}`;
    const res = await handler(eventWith(`{"text":${deep}}`), {} as never);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(String(res.body)).error.issues[0].field).toBe('body.text.0.0.0.0.0');
  });
});
