/**
 * Identity and access through the real gateway: token verification as the JWT authorizer does it, and the
 * route × role × own/other-entity matrix generated from the route table against test/access-expectations.ts.
 */
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/domain/actor.ts';
import { routeList } from '../../shared/http/routes.ts';
import { EXPECT } from '../access-expectations.ts';
import { api, idToken, stack, USERS } from './helpers.ts';

const OWN_ENTITY = 'so-khcn-ninh-thuan';
const OTHER_ENTITY = 'so-khac-tinh-khac';

function mint(
  claims: Record<string, unknown>,
  opts: { key?: ReturnType<typeof createPrivateKey>; kid?: string } = {},
) {
  const key = opts.key ?? createPrivateKey(readFileSync(stack.issuerKeyFile));
  // The real kid, read from a real token, so only the part under test differs.
  const kid = opts.kid ?? realKid;
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${enc({ alg: 'RS256', kid, typ: 'JWT' })}.${enc(claims)}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), key).toString('base64url')}`;
}
let realKid = '';
async function realClaims() {
  const token = await idToken(USERS.member);
  const [h, p] = token.split('.');
  realKid = JSON.parse(Buffer.from(h!, 'base64url').toString()).kid;
  return JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
}

describe('token verification (as the HTTP API JWT authorizer)', () => {
  it('accepts a token it minted with the real key and claims (control)', async () => {
    const claims = await realClaims();
    expect((await api('GET', '/v1/me', { token: mint(claims) })).status).toBe(200);
  });

  it('refuses expired, wrong-issuer, wrong-audience, foreign-key and claim-less tokens', async () => {
    const claims = await realClaims();
    const now = Math.floor(Date.now() / 1000);
    const cases: Record<string, string> = {
      expired: mint({ ...claims, iat: now - 7200, exp: now - 3600 }),
      'wrong issuer': mint({ ...claims, iss: 'https://cognito-idp.ap-southeast-1.amazonaws.com/evil' }),
      'wrong audience': mint({ ...claims, aud: 'another-client' }),
      'foreign key': mint(claims, { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }),
      'alg none': `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await api('GET', '/v1/me', { token });
      expect(res.status, name).toBe(401);
      expect(res.body.error.code, name).toBe('UNAUTHENTICATED');
    }
    // Verified but without a role: the handler refuses it too (401, not a 500).
    const { 'cognito:groups': _g, ...noGroups } = claims;
    expect((await api('GET', '/v1/me', { token: mint(noGroups) })).status).toBe(401);
  });
});

function pathFor(template: string, entityId: string): string {
  return template
    .replace('{cycleId}', 'cycle-2023')
    .replace('{entityId}', entityId)
    .replace('{criterionCode}', '1.1')
    .replace(/\{[^}]+\}/g, '01JZZZZZZZZZZZZZZZZZZZZZZZ');
}

describe('route × role × own/other entity through the gateway', () => {
  it('every route has a written expectation', () => {
    expect(routeList.map((r) => r.id).filter((id) => !EXPECT[id])).toEqual([]);
  });

  for (const route of routeList) {
    const scoped = route.path.includes('{entityId}');
    for (const role of ROLES) {
      for (const where of scoped ? (['own', 'other'] as const) : (['own'] as const)) {
        const reach = EXPECT[route.id]?.[role] ?? 'none';
        const allowed = reach !== 'none' && (where === 'own' || reach === 'scope');
        it(`${route.method} ${route.path} · ${role} · ${where} entity → ${allowed ? 'not 403' : '403'}`, async () => {
          const path = pathFor(route.path, where === 'own' ? OWN_ENTITY : OTHER_ENTITY);
          // An empty body: allowed callers get a 400/404 and nothing is written; refused ones a 403.
          const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
          const res = await api(route.method, path, { as: role, body });
          if (allowed) expect(res.status).not.toBe(403);
          else {
            expect(res.status).toBe(403);
            expect(res.body.error.code).toBe('FORBIDDEN');
            expect(res.body.error.reason).toMatch(/^[A-Z_]+$/);
          }
        });
      }
    }
  }
});

describe('scoped reviewers through the gateway', () => {
  it('a province-scoped reviewer reads entities of that province only', async () => {
    const claims = await realClaims();
    const reviewer = (scope: string) =>
      mint({
        ...claims,
        'cognito:groups': ['reviewer'],
        'custom:scope': scope,
        'custom:entity_id': undefined,
      });
    const path = `/v1/cycles/cycle-2023/entities/${OWN_ENTITY}/readiness`;
    expect((await api('GET', path, { token: reviewer('province:Ninh Thuận') })).status).toBe(200);
    const other = await api('GET', path, { token: reviewer('province:Khánh Hòa') });
    expect(other.status).toBe(403);
    expect(other.body.error.reason).toBe('OUT_OF_SCOPE');
    expect((await api('GET', path, { token: reviewer(`entities:${OWN_ENTITY}`) })).status).toBe(200);
    expect((await api('GET', path, { token: reviewer(`entities:${OTHER_ENTITY}`) })).status).toBe(403);
  });
});
