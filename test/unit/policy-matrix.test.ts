/**
 * Route × role × scope matrix, generated from the route table. EXPECT is the reviewed contract of who may do
 * what; a route without an entry fails here, so no route ships without an access decision written down.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '#domain/actor.ts';
import { ROLES } from '#domain/actor.ts';
import { decide } from '#domain/policy.ts';
import { routeList } from '#http/routes.ts';
import { EXPECT } from '#test/access-expectations.ts';
import {
  allowedInScope,
  authorizeInScope,
  filterInScope,
  reachOf,
  resourceWithProvince,
  withinActorScope,
} from '#usecases/scope.ts';

const OWN = { entityId: 'e1', unitId: 'u1', province: 'Ninh Thuận' };
const actors: Record<Role, Actor> = {
  admin: { userId: 'a', role: 'admin' },
  reviewer: { userId: 'r', role: 'reviewer' },
  leader: { userId: 'l', role: 'leader', entityId: OWN.entityId, unitId: OWN.unitId },
  member: { userId: 'm', role: 'member', entityId: OWN.entityId, unitId: OWN.unitId },
};

/** The situations a request can be in, and which reaches allow each. */
const SITUATIONS = [
  {
    name: 'own unit',
    resource: { entityId: 'e1', unitIds: ['u1'], province: OWN.province },
    allowedBy: ['scope', 'entity', 'unit'],
  },
  {
    name: 'other unit, own entity',
    resource: { entityId: 'e1', unitIds: ['u2'], province: OWN.province },
    allowedBy: ['scope', 'entity'],
  },
  {
    name: 'unassigned work, own entity',
    resource: { entityId: 'e1', province: OWN.province },
    allowedBy: ['scope', 'entity', 'unit'],
  },
  {
    name: 'other entity',
    resource: { entityId: 'e2', unitIds: ['u9'], province: OWN.province },
    allowedBy: ['scope'],
  },
] as const;

describe('access matrix: every route × role × scope', () => {
  it('every route has a written expectation (a new route must be added to EXPECT)', () => {
    const missing = routeList.map((r) => r.id).filter((id) => !EXPECT[id]);
    expect(missing).toEqual([]);
  });

  for (const route of routeList) {
    for (const role of ROLES) {
      for (const s of SITUATIONS) {
        const reach = EXPECT[route.id]?.[role];
        const allowed =
          reach !== undefined && reach !== 'none' && (s.allowedBy as readonly string[]).includes(reach);
        it(`${route.id} · ${role} · ${s.name} → ${allowed ? 'allow' : 'deny'}`, () => {
          const d = decide(actors[role], route.action, s.resource);
          expect(d.allow).toBe(allowed);
          if (!d.allow) expect(d.reason).toMatch(/^[A-Z_]+$/);
        });
      }
    }
  }
});

describe('scoped admins and reviewers', () => {
  const provinceReviewer: Actor = {
    userId: 'r',
    role: 'reviewer',
    scope: { kind: 'province', province: 'Ninh Thuận' },
  };
  const listAdmin: Actor = { userId: 'a', role: 'admin', scope: { kind: 'entities', entityIds: ['e1'] } };

  it('a province scope reaches entities of that province only', () => {
    expect(decide(provinceReviewer, 'readiness:read', { entityId: 'e1', province: 'Ninh Thuận' }).allow).toBe(
      true,
    );
    expect(decide(provinceReviewer, 'readiness:read', { entityId: 'e5', province: 'Khánh Hòa' })).toEqual({
      allow: false,
      reason: 'OUT_OF_SCOPE',
    });
    // Without the entity's province the check cannot pass.
    expect(decide(provinceReviewer, 'readiness:read', { entityId: 'e5' }).allow).toBe(false);
  });

  it('an entity-list scope reaches the listed entities only', () => {
    expect(decide(listAdmin, 'cycle:create', { entityId: 'e1' }).allow).toBe(true);
    expect(decide(listAdmin, 'cycle:create', { entityId: 'e2' }).allow).toBe(false);
  });

  it('a member without an entity can see who they are and nothing else', () => {
    const orphan: Actor = { userId: 'x', role: 'member' };
    expect(decide(orphan, 'me:read').allow).toBe(true);
    expect(decide(orphan, 'readiness:read', { entityId: 'e1' })).toEqual({
      allow: false,
      reason: 'NO_ENTITY',
    });
  });
});

describe('province lookup for province-scoped actors (shared/usecases/scope.ts)', () => {
  const PROVINCES: Record<string, string> = { e1: 'Ninh Thuận', e5: 'Khánh Hòa' };
  const lookups: string[] = [];
  const deps = {
    org: {
      getEntity: async (entityId: string) => {
        lookups.push(entityId);
        const province = PROVINCES[entityId];
        return province
          ? { entityId, type: 'so' as const, name: { vi: entityId, en: entityId }, province }
          : undefined;
      },
    },
  };
  const provinceAdmin: Actor = {
    userId: 'a',
    role: 'admin',
    scope: { kind: 'province', province: 'Ninh Thuận' },
  };
  const provinceReviewer: Actor = { ...provinceAdmin, role: 'reviewer' };

  it('a scoped admin grants and manages only reaches inside their own scope', async () => {
    const within = (actor: Actor, p: Parameters<typeof reachOf>[0]) =>
      withinActorScope(deps, actor, reachOf(p));
    const global: Actor = { userId: 'g', role: 'admin' };
    const listed: Actor = { userId: 'l', role: 'admin', scope: { kind: 'entities', entityIds: ['e1'] } };
    // Everyone's reach is inside a global admin's.
    expect(await within(global, { role: 'admin' })).toBe(true);
    // "Everything" is never inside a scoped admin's reach.
    expect(await within(provinceAdmin, { role: 'admin' })).toBe(false);
    expect(await within(listed, { role: 'reviewer', scope: { kind: 'all' } })).toBe(false);
    // A province: the same one only; an entity list: entities of that province (unknown ones are not).
    expect(
      await within(provinceAdmin, { role: 'reviewer', scope: { kind: 'province', province: 'Ninh Thuận' } }),
    ).toBe(true);
    expect(
      await within(provinceAdmin, { role: 'reviewer', scope: { kind: 'province', province: 'Khánh Hòa' } }),
    ).toBe(false);
    expect(
      await within(provinceAdmin, { role: 'reviewer', scope: { kind: 'entities', entityIds: ['e1'] } }),
    ).toBe(true);
    expect(
      await within(provinceAdmin, { role: 'reviewer', scope: { kind: 'entities', entityIds: ['e1', 'e5'] } }),
    ).toBe(false);
    expect(
      await within(provinceAdmin, { role: 'reviewer', scope: { kind: 'entities', entityIds: ['x'] } }),
    ).toBe(false);
    // Members and leaders reach their entity.
    expect(await within(provinceAdmin, { role: 'member', entityId: 'e1' })).toBe(true);
    expect(await within(provinceAdmin, { role: 'leader', entityId: 'e5' })).toBe(false);
    // An entity list: subsets only, never a province.
    expect(await within(listed, { role: 'member', entityId: 'e1' })).toBe(true);
    expect(
      await within(listed, { role: 'reviewer', scope: { kind: 'province', province: 'Ninh Thuận' } }),
    ).toBe(false);
  });

  it('reaches entities of the own province, never another province or an unknown entity', async () => {
    for (const actor of [provinceAdmin, provinceReviewer]) {
      expect(await allowedInScope(deps, actor, 'evidence:read', { entityId: 'e1', unitIds: ['u1'] })).toBe(
        true,
      );
      expect(await allowedInScope(deps, actor, 'evidence:read', { entityId: 'e5' })).toBe(false);
      expect(await allowedInScope(deps, actor, 'evidence:read', { entityId: 'nowhere' })).toBe(false);
      await expect(
        authorizeInScope(deps, actor, 'assignment:read', { entityId: 'e5' }),
      ).rejects.toMatchObject({
        reason: 'OUT_OF_SCOPE',
      });
    }
    expect(await allowedInScope(deps, provinceAdmin, 'user:admin', { entityId: 'e1' })).toBe(true);
    // The role still decides first: a reviewer in scope writes no assignments.
    await expect(
      authorizeInScope(deps, provinceReviewer, 'assignment:write', { entityId: 'e1' }),
    ).rejects.toMatchObject({ reason: 'ROLE_NOT_ALLOWED' });
  });

  it('looks the province up only for province-scoped actors, and keeps a province already known', async () => {
    lookups.length = 0;
    const listAdmin: Actor = { userId: 'a', role: 'admin', scope: { kind: 'entities', entityIds: ['e1'] } };
    for (const actor of [actors.admin, actors.member, listAdmin])
      expect(await resourceWithProvince(deps, actor, { entityId: 'e5' })).toEqual({ entityId: 'e5' });
    expect(await resourceWithProvince(deps, provinceAdmin, { entityId: 'e5', province: 'X' })).toEqual({
      entityId: 'e5',
      province: 'X',
    });
    expect(lookups).toEqual([]);
    expect(await resourceWithProvince(deps, provinceAdmin, { entityId: 'e1' })).toEqual({
      entityId: 'e1',
      province: 'Ninh Thuận',
    });
    // An entity-list scope keeps its own rule: listed entities only, whatever their province.
    expect(await allowedInScope(deps, listAdmin, 'user:read', { entityId: 'e1' })).toBe(true);
    expect(await allowedInScope(deps, listAdmin, 'user:read', { entityId: 'e5' })).toBe(false);
  });

  it("filters a page by each entity's province, one lookup per entity; items without an entity stay", async () => {
    lookups.length = 0;
    const items = [{ entityId: 'e1' }, { entityId: 'e5' }, { entityId: 'e1' }, {}, { entityId: 'nowhere' }];
    expect(await filterInScope(deps, provinceAdmin, 'user:read', items)).toEqual([
      { entityId: 'e1' },
      { entityId: 'e1' },
      {},
    ]);
    expect(lookups.sort()).toEqual(['e1', 'e5', 'nowhere']);
  });
});
