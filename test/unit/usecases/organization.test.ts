/** The organisation: entities of a province (filtered to what the caller reaches) and one entity with units. */
import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '#domain/errors.ts';
import { getEntity, listEntities } from '#usecases/organization.ts';
import { actors, memoryPorts, rejection, world } from './support.ts';

const deps = memoryPorts(world());

describe('listEntities', () => {
  it('admins see every entity of the province', async () => {
    const page = await listEntities(deps, actors.admin, 'khanh-hoa', 50);
    expect(page.items.map((e) => e.entityId)).toEqual(['so-a', 'so-b']);
  });

  it('a leader sees only their own entity; a reviewer of another province sees none', async () => {
    expect((await listEntities(deps, actors.leaderA, 'khanh-hoa', 50)).items.map((e) => e.entityId)).toEqual([
      'so-a',
    ]);
    expect((await listEntities(deps, actors.reviewerHN, 'khanh-hoa', 50)).items).toEqual([]);
  });

  it('keeps the cursor of the underlying page', async () => {
    const page = await listEntities(deps, actors.admin, 'khanh-hoa', 1);
    expect(page).toMatchObject({ items: [{ entityId: 'so-a' }], next: '1' });
  });

  it('an unknown province is not found', async () => {
    expect(await rejection(listEntities(deps, actors.admin, 'atlantis', 50))).toBeInstanceOf(NotFoundError);
  });
});

describe('getEntity', () => {
  it('returns the entity with its units', async () => {
    const { entity, units } = await getEntity(deps, actors.memberA1, 'so-a');
    expect(entity.name.vi).toBe('Sở Khoa học và Công nghệ');
    expect(units.map((u) => u.unitId)).toEqual(['phong-1', 'phong-2']);
  });

  it("another entity is refused to a member; another province's to a scoped reviewer", async () => {
    const e = await rejection(getEntity(deps, actors.memberA1, 'so-b'));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e.reason).toBe('OTHER_ENTITY');
    expect((await rejection(getEntity(deps, actors.reviewerHN, 'so-a'))).reason).toBe('OUT_OF_SCOPE');
  });

  it('unknown entity: not found for an unscoped admin, forbidden for a province-scoped one (no leak)', async () => {
    expect(await rejection(getEntity(deps, actors.admin, 'ghost'))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getEntity(deps, actors.adminKH, 'ghost'))).toBeInstanceOf(ForbiddenError);
  });
});
