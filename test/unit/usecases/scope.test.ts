/**
 * Province scopes: the entity's province is looked up (only for province-scoped actors) before the policy
 * decides; scoped admins grant only what lies inside their own scope.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '#domain/actor.ts';
import { ForbiddenError } from '#domain/errors.ts';
import {
  allowedInScope,
  authorizeInScope,
  filterInScope,
  reachOf,
  requireWithinActorScope,
  resourceWithProvince,
  withinActorScope,
} from '#usecases/scope.ts';
import { actors, ENTITIES, rejection } from './support.ts';

function lookups() {
  const asked: string[] = [];
  return {
    asked,
    deps: {
      org: {
        getEntity: async (id: string) => {
          asked.push(id);
          return ENTITIES.find((e) => e.entityId === id);
        },
      },
    },
  };
}
const entitiesAdmin: Actor = {
  userId: 'u-ea',
  role: 'admin',
  scope: { kind: 'entities', entityIds: ['so-a'] },
};

describe('resourceWithProvince / authorizeInScope / allowedInScope', () => {
  it('adds the province for a province-scoped actor only, and keeps one already given', async () => {
    const { deps, asked } = lookups();
    expect(await resourceWithProvince(deps, actors.adminKH, { entityId: 'so-a' })).toEqual({
      entityId: 'so-a',
      province: 'Khánh Hòa',
    });
    expect(await resourceWithProvince(deps, actors.admin, { entityId: 'so-a' })).toEqual({
      entityId: 'so-a',
    });
    expect(await resourceWithProvince(deps, actors.adminKH, { entityId: 'so-a', province: 'X' })).toEqual({
      entityId: 'so-a',
      province: 'X',
    });
    expect(asked).toEqual(['so-a']);
  });

  it('a province-scoped admin is allowed in their province, refused elsewhere and on unknown entities', async () => {
    const { deps } = lookups();
    await authorizeInScope(deps, actors.adminKH, 'user:admin', { entityId: 'so-b' });
    const other = await rejection(
      authorizeInScope(deps, actors.adminKH, 'user:admin', { entityId: 'so-hn' }),
    );
    expect(other).toBeInstanceOf(ForbiddenError);
    expect(other.reason).toBe('OUT_OF_SCOPE');
    expect(await allowedInScope(deps, actors.adminKH, 'user:admin', { entityId: 'ghost' })).toBe(false);
    expect(await allowedInScope(deps, actors.admin, 'user:admin', { entityId: 'ghost' })).toBe(true);
  });
});

describe('filterInScope', () => {
  it('keeps items of reachable entities and items without one; one lookup per distinct entity', async () => {
    const { deps, asked } = lookups();
    const items = [
      { entityId: 'so-a' },
      { entityId: 'so-hn' },
      {},
      { entityId: 'so-a' },
      { entityId: 'so-b' },
    ];
    expect(await filterInScope(deps, actors.adminKH, 'user:read', items)).toEqual([
      { entityId: 'so-a' },
      {},
      { entityId: 'so-a' },
      { entityId: 'so-b' },
    ]);
    expect(asked).toEqual(['so-a', 'so-hn', 'so-b']);
  });

  it('a leader keeps only their own entity and needs no lookup', async () => {
    const { deps, asked } = lookups();
    const kept = await filterInScope(deps, actors.leaderA, 'user:read', [
      { entityId: 'so-a' },
      { entityId: 'so-b' },
    ]);
    expect(kept).toEqual([{ entityId: 'so-a' }]);
    expect(asked).toEqual([]);
  });
});

describe('reachOf / withinActorScope / requireWithinActorScope', () => {
  it('members and leaders reach their entity; admins and reviewers their scope (default: all)', () => {
    expect(reachOf({ role: 'member', entityId: 'so-a' })).toEqual({ kind: 'entities', entityIds: ['so-a'] });
    expect(reachOf({ role: 'leader' })).toEqual({ kind: 'entities', entityIds: [] });
    expect(reachOf({ role: 'reviewer' })).toEqual({ kind: 'all' });
    expect(reachOf({ role: 'admin', scope: { kind: 'province', province: 'Hà Nội' } })).toEqual({
      kind: 'province',
      province: 'Hà Nội',
    });
  });

  it('a province admin grants their province and its entities, never all, another province or an outside entity', async () => {
    const { deps } = lookups();
    const kh = actors.adminKH;
    expect(await withinActorScope(deps, kh, { kind: 'province', province: 'Khánh Hòa' })).toBe(true);
    expect(await withinActorScope(deps, kh, { kind: 'entities', entityIds: ['so-a', 'so-b'] })).toBe(true);
    expect(await withinActorScope(deps, kh, { kind: 'entities', entityIds: ['so-a', 'so-hn'] })).toBe(false);
    expect(await withinActorScope(deps, kh, { kind: 'entities', entityIds: ['ghost'] })).toBe(false);
    expect(await withinActorScope(deps, kh, { kind: 'province', province: 'Hà Nội' })).toBe(false);
    expect(await withinActorScope(deps, kh, { kind: 'all' })).toBe(false);
    expect(await withinActorScope(deps, actors.admin, { kind: 'all' })).toBe(true);
  });

  it('an entity-list admin grants a subset of their list only, never a province', async () => {
    const { deps } = lookups();
    expect(await withinActorScope(deps, entitiesAdmin, { kind: 'entities', entityIds: ['so-a'] })).toBe(true);
    expect(
      await withinActorScope(deps, entitiesAdmin, { kind: 'entities', entityIds: ['so-a', 'so-b'] }),
    ).toBe(false);
    expect(await withinActorScope(deps, entitiesAdmin, { kind: 'province', province: 'Khánh Hòa' })).toBe(
      false,
    );
    const e = await rejection(requireWithinActorScope(deps, entitiesAdmin, { kind: 'all' }));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e.reason).toBe('OUT_OF_SCOPE');
  });
});
