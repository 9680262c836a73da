/**
 * Identity and access through the real gateway: token verification as the JWT authorizer does it, the
 * route × role × own/other-entity matrix generated from the route table against test/access-expectations.ts,
 * and each of its DETAILS (rules about the resource itself) with a case of its own.
 */
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActorScope, ROLES } from '#domain/actor.ts';
import { routeList } from '#http/routes.ts';
import { DEMO_FRAMEWORK, DEMO_OTHER_ENTITY } from '#infra/local/demo-data.ts';
import { DETAILS, EXPECT } from '#test/access-expectations.ts';
import { newCycle, pdf, uploadEvidence } from './evidence-helpers.ts';
import { api, idToken, inviteAndSignIn, profileToken, stack, USERS } from './helpers.ts';

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
    // Verified, but proving no time bounds: without exp or iat it proves nothing (401, not a 500).
    const { exp: _e, ...noExp } = claims;
    const { iat: _i, ...noIat } = claims;
    for (const [name, token] of Object.entries({ 'no exp': mint(noExp), 'no iat': mint(noIat) })) {
      const res = await api('GET', '/v1/me', { token });
      expect(res.status, name).toBe(401);
      expect(res.body.error.code, name).toBe('UNAUTHENTICATED');
      expect(res.body.error.message.vi, name).toBeTruthy();
    }
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
    const reviewer = (userId: string, scope: ActorScope) => profileToken({ userId, role: 'reviewer', scope });
    const path = `/v1/cycles/cycle-2023/entities/${OWN_ENTITY}/readiness`;
    const ninhThuan = await reviewer('rv-ninh-thuan', { kind: 'province', province: 'Ninh Thuận' });
    expect((await api('GET', path, { token: ninhThuan })).status).toBe(200);
    const other = await api('GET', path, {
      token: await reviewer('rv-khanh-hoa', { kind: 'province', province: 'Khánh Hòa' }),
    });
    expect(other.status).toBe(403);
    expect(other.body.error.reason).toBe('OUT_OF_SCOPE');
    const own = await reviewer('rv-list-own', { kind: 'entities', entityIds: [OWN_ENTITY] });
    expect((await api('GET', path, { token: own })).status).toBe(200);
    const elsewhere = await reviewer('rv-list-other', { kind: 'entities', entityIds: [OTHER_ENTITY] });
    expect((await api('GET', path, { token: elsewhere })).status).toBe(403);
  });
});

/**
 * Admins and reviewers limited to a province (`custom:scope` = `province:<name>`): the use cases look up the
 * entity's province. Both demo entities are in Ninh Thuận, so the contrast is the token's province: the same
 * entity is in reach for `province:Ninh Thuận` and out of reach for `province:Khánh Hòa`.
 */
describe('province-scoped admins and reviewers through the gateway', () => {
  const OWN = 'province:Ninh Thuận';
  const OTHER = 'province:Khánh Hòa';
  let tokens: Record<string, string> = {};
  const as = (role: 'admin' | 'reviewer', scope: string) => tokens[`${role} ${scope}`]!;
  let cycleId = '';
  let evPath = '';
  let fileId = '';
  let evidenceVersion = 0;
  let assignment: { assignmentId: string; version: number };
  let user: { userId: string; version: number; email: string };

  beforeAll(async () => {
    const token = (role: 'admin' | 'reviewer', scope: string) =>
      profileToken({
        userId: `${role}-${scope === OWN ? 'ninh-thuan' : 'khanh-hoa'}`,
        role,
        scope: { kind: 'province', province: scope.slice('province:'.length) },
      });
    tokens = Object.fromEntries(
      await Promise.all(
        (['admin', 'reviewer'] as const).flatMap((r) =>
          [OWN, OTHER].map(async (s) => [`${r} ${s}`, await token(r, s)] as const),
        ),
      ),
    );
    cycleId = await newCycle(2073);
    const uploaded = await uploadEvidence(cycleId, '1.1', pdf('province-scope'));
    const ev = uploaded.evidence;
    evPath = `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/evidence/${ev.evidenceId}`;
    fileId = ev.files[0].fileId;
    evidenceVersion = ev.version;
    const created = await api('POST', `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/assignments`, {
      as: 'admin',
      body: {
        unitId: 'phong-qlcn',
        criteria: [{ frameworkId: DEMO_FRAMEWORK.frameworkId, code: '1.1' }],
        title: 'Kế hoạch CCHC (phạm vi tỉnh)',
        dueDate: '2073-10-01',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    assignment = created.body;
    const invited = await api('POST', '/v1/users', {
      as: 'admin',
      body: {
        email: `pham.vi.tinh+${Date.now()}@minhchung.local`,
        name: 'Trần Văn Tỉnh',
        role: 'member',
        entityId: OWN_ENTITY,
        unitId: 'van-phong-so',
      },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    user = invited.body;
  });

  const refused = (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.reason).toBe('OUT_OF_SCOPE');
  };

  for (const role of ['admin', 'reviewer'] as const) {
    it(`${role}: evidence list, search, read and download in the own province; refused in another`, async () => {
      const list = `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/criteria/1.1/evidence`;
      const own = await api('GET', list, { token: as(role, OWN) });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      expect(own.body.items.map((e: { evidenceId: string }) => e.evidenceId)).toContain(
        evPath.split('/').at(-1),
      );
      refused(await api('GET', list, { token: as(role, OTHER) }));

      expect((await api('GET', evPath, { token: as(role, OWN) })).status).toBe(200);
      refused(await api('GET', evPath, { token: as(role, OTHER) }));

      const download = `${evPath}/files/${fileId}/download`;
      const ticket = await api('GET', download, { token: as(role, OWN) });
      expect(ticket.status, JSON.stringify(ticket.body)).toBe(200);
      expect(ticket.body.url).toMatch(/^http/);
      refused(await api('GET', download, { token: as(role, OTHER) }));

      const search = `/v1/cycles/${cycleId}/evidence?entityId=${OWN_ENTITY}`;
      expect((await api('GET', search, { token: as(role, OWN) })).body.items).toHaveLength(1);
      refused(await api('GET', search, { token: as(role, OTHER) }));
      // Across entities: the other province's actor sees none of this entity's evidence.
      const across = `/v1/cycles/${cycleId}/evidence`;
      expect((await api('GET', across, { token: as(role, OWN) })).body.items).toHaveLength(1);
      const elsewhere = await api('GET', across, { token: as(role, OTHER) });
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.body.items).toEqual([]);
    });

    it(`${role}: assignments listed in the own province; refused in another and for an unknown entity`, async () => {
      const path = `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/assignments`;
      const own = await api('GET', path, { token: as(role, OWN) });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      expect(own.body.items.map((a: { assignmentId: string }) => a.assignmentId)).toContain(
        assignment.assignmentId,
      );
      refused(await api('GET', path, { token: as(role, OTHER) }));
      // An entity nobody knows has no province: never in reach.
      refused(
        await api('GET', `/v1/cycles/${cycleId}/entities/${OTHER_ENTITY}/assignments`, {
          token: as(role, OWN),
        }),
      );
    });
  }

  it('reviewer: reads the entity of the own province; refused in another and for an unknown entity', async () => {
    expect((await api('GET', `/v1/entities/${OWN_ENTITY}`, { token: as('reviewer', OWN) })).status).toBe(200);
    refused(await api('GET', `/v1/entities/${OWN_ENTITY}`, { token: as('reviewer', OTHER) }));
    refused(await api('GET', `/v1/entities/${OTHER_ENTITY}`, { token: as('reviewer', OWN) }));
  });

  it('reviewer: reviews evidence in the own province; refused in another', async () => {
    const body = { version: evidenceVersion, decision: 'accepted' };
    refused(await api('PUT', `${evPath}/review`, { token: as('reviewer', OTHER), body }));
    const own = await api('PUT', `${evPath}/review`, { token: as('reviewer', OWN), body });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.state).toBe('accepted');
  });

  it('admin: updates assignments in the own province; refused in another', async () => {
    const path = `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/assignments/${assignment.assignmentId}`;
    const body = { version: assignment.version, title: 'Kế hoạch CCHC (đã sửa)' };
    refused(await api('PATCH', path, { token: as('admin', OTHER), body }));
    // The reviewer's scope reaches the entity, but the role does not write assignments.
    const reviewer = await api('PATCH', path, { token: as('reviewer', OWN), body });
    expect(reviewer.status).toBe(403);
    expect(reviewer.body.error.reason).toBe('ROLE_NOT_ALLOWED');
    const own = await api('PATCH', path, { token: as('admin', OWN), body });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ title: 'Kế hoạch CCHC (đã sửa)', version: assignment.version + 1 });
  });

  it("admin: lists and updates users of the own province's entities; refused in another", async () => {
    const byEntity = `/v1/users?entityId=${OWN_ENTITY}&limit=100`;
    const own = await api('GET', byEntity, { token: as('admin', OWN) });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.items.map((u: { userId: string }) => u.userId)).toContain(user.userId);
    refused(await api('GET', byEntity, { token: as('admin', OTHER) }));
    // Without an entity filter, another province's admin sees none of this entity's people.
    const everyone = await api('GET', '/v1/users?limit=100', { token: as('admin', OTHER) });
    expect(everyone.status).toBe(200);
    expect(everyone.body.items.filter((u: { entityId?: string }) => u.entityId === OWN_ENTITY)).toEqual([]);

    const path = `/v1/users/${user.userId}`;
    const body = {
      version: user.version,
      name: 'Trần Văn Tỉnh (đã sửa)',
      role: 'member',
      entityId: OWN_ENTITY,
      unitId: 'van-phong-so',
    };
    refused(await api('PATCH', path, { token: as('admin', OTHER), body }));
    const updated = await api('PATCH', path, { token: as('admin', OWN), body });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Trần Văn Tỉnh (đã sửa)', version: user.version + 1 });
  });

  it('a province admin opens and changes cycles only for entities of their province', async () => {
    const body = (year: number) => ({
      year,
      name: { vi: `Kỳ phạm vi tỉnh ${year}`, en: `Province cycle ${year}` },
      frameworkId: DEMO_FRAMEWORK.frameworkId,
      frameworkVersion: DEMO_FRAMEWORK.version,
      entityIds: [OWN_ENTITY],
      dates: {
        evidenceDue: `${year}-11-30`,
        selfAssessmentDue: `${year}-12-15`,
        appraisalStart: `${year}-12-18`,
        appraisalEnd: `${year + 1}-01-15`,
        publication: `${year + 1}-02-28`,
      },
    });
    refused(await api('POST', '/v1/cycles', { token: as('admin', OTHER), body: body(2074) }));
    const created = await api('POST', '/v1/cycles', { token: as('admin', OWN), body: body(2074) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const patch = { version: created.body.version, name: { vi: 'Đổi tên', en: 'Renamed' } };
    refused(
      await api('PATCH', `/v1/cycles/${created.body.cycleId}`, { token: as('admin', OTHER), body: patch }),
    );
    const renamed = await api('PATCH', `/v1/cycles/${created.body.cycleId}`, {
      token: as('admin', OWN),
      body: patch,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
  });

  it('a province admin grants nothing wider than their province, and cannot manage a wider admin', async () => {
    const invite = (scope: unknown, role = 'admin') =>
      api('POST', '/v1/users', {
        token: as('admin', OWN),
        body: {
          email: `mo.rong+${Date.now()}${Math.random().toString(36).slice(2, 6)}@minhchung.local`,
          name: 'Lê Văn Phạm Vi',
          role,
          ...(scope ? { scope } : {}),
        },
      });
    // "Everything" (no scope), another province, or an entity outside the province: refused, nothing created.
    refused(await invite(undefined));
    refused(await invite({ kind: 'province', province: 'Khánh Hòa' }, 'reviewer'));
    refused(await invite({ kind: 'entities', entityIds: ['khong-ton-tai'] }, 'reviewer'));
    // Inside the province: allowed.
    const ok = await invite({ kind: 'province', province: 'Ninh Thuận' }, 'reviewer');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const inside = await invite({ kind: 'entities', entityIds: [OWN_ENTITY] }, 'reviewer');
    expect(inside.status, JSON.stringify(inside.body)).toBe(201);

    // Widening that reviewer to everything, or managing an unscoped admin: refused.
    const widened = await api('PATCH', `/v1/users/${ok.body.userId}`, {
      token: as('admin', OWN),
      body: { version: ok.body.version, name: ok.body.name, role: 'admin' },
    });
    refused(widened);
    const unscoped = await api('POST', '/v1/users', {
      as: 'admin',
      body: { email: `toan.quoc+${Date.now()}@minhchung.local`, name: 'Quản trị toàn quốc', role: 'admin' },
    });
    expect(unscoped.status, JSON.stringify(unscoped.body)).toBe(201);
    refused(
      await api('PUT', `/v1/users/${unscoped.body.userId}/enabled`, {
        token: as('admin', OWN),
        body: { version: unscoped.body.version, enabled: false },
      }),
    );
  });
});

/** Each DETAILS rule of the access contract, through the gateway, with its control (the allowed case). */
describe('access details through the gateway', () => {
  const OTHER_UNIT_MEMBER = 'chuyenvien.vp@minhchung.local'; // van-phong-so; the demo member is in phong-qlcn
  let cycleId = '';
  const crit = (code: string) => `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/criteria/${code}`;
  const ask = (code: string, token: string | undefined, label: string) =>
    api('POST', `${crit(code)}/uploads`, {
      ...(token ? { token } : {}),
      body: { fileName: `${label}.pdf`, contentType: 'application/pdf', sizeBytes: pdf(label).length },
    });
  const refused = (res: { status: number; body: any }, status: number, reason?: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (reason) expect(res.body.error.reason).toBe(reason);
    expect(res.body.error.message.vi).toBeTruthy();
    expect(res.body.error.message.en).toBeTruthy();
  };

  beforeAll(async () => {
    cycleId = await newCycle(2092);
    // 1.1 belongs to the Văn phòng only, 1.2 to the member's unit; 2.1 to nobody.
    for (const [unitId, code] of [
      ['van-phong-so', '1.1'],
      ['phong-qlcn', '1.2'],
    ] as const) {
      const res = await api('POST', `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/assignments`, {
        as: 'admin',
        body: {
          unitId,
          criteria: [{ frameworkId: DEMO_FRAMEWORK.frameworkId, code }],
          title: `Nhiệm vụ ${code}`,
          dueDate: '2092-10-01',
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  const CASES: Record<keyof typeof DETAILS, () => Promise<void>> = {
    async 'reach-from-profile'() {
      const claims = await realClaims();
      const { 'cognito:groups': _g, ...noGroups } = claims;
      const forged = mint({
        ...claims,
        'cognito:groups': ['admin'],
        'custom:entity_id': OTHER_ENTITY,
        'custom:unit_id': 'khong-co',
      });
      for (const token of [mint(noGroups), forged]) {
        const me = await api('GET', '/v1/me', { token });
        expect(me.status).toBe(200);
        expect(me.body).toMatchObject({ role: 'member', entityId: OWN_ENTITY, unitId: 'phong-qlcn' });
      }
      refused(await api('GET', '/v1/users', { token: forged }), 403, 'ROLE_NOT_ALLOWED');
      const stranger = mint({ ...claims, sub: 'khong-co-ho-so', 'cognito:groups': ['admin'] });
      const res = await api('GET', '/v1/me', { token: stranger });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    },

    async 'upload-unit-reach'() {
      refused(await ask('1.1', undefined, 'phong-khac'), 403, 'OTHER_UNIT');
      expect((await ask('1.2', undefined, 'phong-minh')).status).toBe(201);
      expect((await ask('2.1', undefined, 'chua-giao')).status).toBe(201);
      // The unit it belongs to, and a leader of the entity, may.
      expect((await ask('1.1', await idToken(OTHER_UNIT_MEMBER), 'van-phong')).status).toBe(201);
      expect((await ask('1.2', await idToken(USERS.leader), 'lanh-dao')).status).toBe(201);
    },

    async 'unlink-unit-reach'() {
      const ev = (await uploadEvidence(cycleId, '1.2', pdf('lien-ket-qlcn'))).evidence;
      const links = `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/evidence/${ev.evidenceId}/links`;
      const other = await idToken(OTHER_UNIT_MEMBER);
      // Another unit may not take the unit's evidence off the unit's criterion…
      refused(await api('DELETE', `${links}/1.2`, { token: other }), 403, 'OTHER_UNIT');
      const still = await api(
        'GET',
        `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/evidence/${ev.evidenceId}`,
        {
          as: 'admin',
        },
      );
      expect(still.body.evidence.criterionCodes).toContain('1.2');
      // …but may link it to its own criterion and unlink it from there again.
      expect((await api('PUT', `${links}/1.1`, { token: other })).status).toBe(200);
      expect((await api('DELETE', `${links}/1.1`, { token: other })).status).toBe(200);
      // The owning unit unlinks its own.
      const own = await api('DELETE', `${links}/1.2`, { as: 'member' });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      expect(own.body.criterionCodes).not.toContain('1.2');
    },

    async 'binned-no-download'() {
      const ev = (await uploadEvidence(cycleId, '1.2', pdf('thung-rac'))).evidence;
      const path = `/v1/cycles/${cycleId}/entities/${OWN_ENTITY}/evidence/${ev.evidenceId}`;
      const download = `${path}/files/${ev.files[0].fileId}/download`;
      expect((await api('GET', download, { as: 'member' })).status).toBe(200);
      expect((await api('DELETE', path, { as: 'member' })).status).toBe(200);
      for (const as of ['member', 'leader', 'admin'] as const) {
        const res = await api('GET', download, { as });
        refused(res, 409);
        expect(res.body.error.message.vi).toContain('thùng rác');
        expect(res.body.url).toBeUndefined();
      }
      refused(await api('GET', download, { as: 'reviewer' }), 404);
      // Restored, it downloads again.
      expect((await api('POST', `${path}/restore`, { as: 'member' })).status).toBe(200);
      expect((await api('GET', download, { as: 'member' })).status).toBe(200);
    },

    async 'unit-needs-entity'() {
      const email = () => `don.vi.le+${Date.now()}${Math.random().toString(36).slice(2, 6)}@minhchung.local`;
      for (const role of ['admin', 'reviewer']) {
        const res = await api('POST', '/v1/users', {
          as: 'admin',
          body: { email: email(), name: 'Không Cơ Quan', role, unitId: 'phong-qlcn' },
        });
        refused(res, 400);
        expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain('body.unitId');
      }
      const ok = await api('POST', '/v1/users', {
        as: 'admin',
        body: {
          email: email(),
          name: 'Có Cơ Quan',
          role: 'reviewer',
          entityId: OWN_ENTITY,
          unitId: 'phong-qlcn',
        },
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      const patched = await api('PATCH', `/v1/users/${ok.body.userId}`, {
        as: 'admin',
        body: { version: ok.body.version, role: 'admin', unitId: 'phong-qlcn' },
      });
      refused(patched, 400);
      expect(patched.body.error.issues.map((i: { field: string }) => i.field)).toContain('body.unitId');
    },

    async 'preview-known-entity'() {
      const preview = (entityId: string) =>
        api('GET', `/v1/cycles/${cycleId}/entities/${entityId}/reminders/preview`, { as: 'admin' });
      expect((await preview(OWN_ENTITY)).status).toBe(200);
      refused(await preview('khong-ton-tai'), 404);
      // Exists, but this cycle does not assess it.
      refused(await preview(DEMO_OTHER_ENTITY.entityId), 404);
    },

    async 'admin-mfa'() {
      // A new admin, signed in with a password only: who they are and the check itself, nothing else.
      const fresh = await inviteAndSignIn('quan.tri.moi', { role: 'admin' });
      const token = fresh.idToken;
      refused(await api('GET', '/v1/users', { token }), 403, 'MFA_REQUIRED');
      refused(await api('GET', '/v1/cycles', { token }), 403, 'MFA_REQUIRED');
      expect((await api('GET', '/v1/me', { token })).body).toMatchObject({ role: 'admin' });
      const check = await api('POST', '/v1/me/mfa', { token });
      expect(check.status, JSON.stringify(check.body)).toBe(200);
      expect(check.body).toMatchObject({ enabled: false, required: true });
      refused(await api('GET', '/v1/users', { token }), 403, 'MFA_REQUIRED');
      // Controls: the enrolled demo admin acts; a reviewer and a member need no second factor.
      expect((await api('GET', '/v1/users', { as: 'admin' })).status).toBe(200);
      expect((await api('GET', '/v1/cycles', { as: 'reviewer' })).status).toBe(200);
      expect((await api('GET', '/v1/cycles', { as: 'member' })).status).toBe(200);
    },

    async 'users-leader-own-entity'() {
      refused(
        await api('GET', `/v1/users?entityId=${DEMO_OTHER_ENTITY.entityId}`, { as: 'leader' }),
        403,
        'OTHER_ENTITY',
      );
      const own = await api('GET', `/v1/users?entityId=${OWN_ENTITY}&limit=100`, { as: 'leader' });
      expect(own.status).toBe(200);
      expect(own.body.items.every((u: { entityId?: string }) => u.entityId === OWN_ENTITY)).toBe(true);
      expect((await api('GET', '/v1/users?limit=100', { as: 'leader' })).status).toBe(200);
    },
  };

  it('every detail of the contract has a case', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(DETAILS).sort());
  });

  for (const [key, rule] of Object.entries(DETAILS)) {
    it(`${key}: ${rule}`, () => CASES[key as keyof typeof DETAILS]());
  }
});
