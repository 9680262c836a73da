import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import type { Entity, Province, Unit } from '#domain/organization.ts';
import type { OrganizationRepository } from '#ports.ts';
import { allPages, uid } from './fixtures.ts';

/** The organization tree has no write port: each side seeds it its own way (the seeder's puts, or the memory puts). */
export interface OrganizationSeed {
  province(p: Province): Promise<void>;
  entity(e: Entity): Promise<void>;
  unit(u: Unit): Promise<void>;
}

export function describeOrganizationContract(
  make: () => Promise<{ org: OrganizationRepository; seed: OrganizationSeed }>,
) {
  describe('OrganizationRepository contract', () => {
    let org: OrganizationRepository;
    let seed: OrganizationSeed;
    const provinceId = uid('pv');
    const name = { vi: 'Tên', en: 'Name' };
    const entities: Entity[] = [
      { entityId: uid('e'), type: 'xa', name, province: 'Tỉnh', provinceId },
      { entityId: uid('e'), type: 'so', name, province: 'Tỉnh', provinceId },
      { entityId: uid('e'), type: 'huyen', name, province: 'Tỉnh', provinceId },
      { entityId: uid('e'), type: 'so', name, province: 'Tỉnh', provinceId },
    ] as Entity[];

    beforeAll(async () => {
      ({ org, seed } = await make());
      await seed.province({ provinceId, name });
      for (const e of entities) await seed.entity(e);
      await seed.unit({ unitId: 'u-b', entityId: entities[0]!.entityId, name, kind: 'phong' } as Unit);
      await seed.unit({ unitId: 'u-a', entityId: entities[0]!.entityId, name, kind: 'phong' } as Unit);
    });

    it('reads what was seeded and nothing else', async () => {
      expect(await org.getProvince(provinceId)).toEqual({ provinceId, name });
      expect(await org.getEntity(entities[1]!.entityId)).toEqual(entities[1]);
      expect(await org.getEntity(uid('missing'))).toBeUndefined();
      expect(await org.getProvince(uid('missing'))).toBeUndefined();
    });

    it('lists an entity’s units by id', async () => {
      const units = await org.listUnits(entities[0]!.entityId);
      expect(units.map((u) => u.unitId)).toEqual(['u-a', 'u-b']);
      expect(await org.listUnits(entities[1]!.entityId)).toEqual([]);
    });

    it('lists a province’s entities by type then id, page by page', async () => {
      const { items } = await allPages((c) => org.listEntities(provinceId, 2, c), 2);
      const expected = [...entities].sort((a, b) =>
        `${a.type}#${a.entityId}` < `${b.type}#${b.entityId}` ? -1 : 1,
      );
      expect(items).toEqual(expected);
    });

    it('refuses a cursor of another listing as a ValidationError on query.cursor', async () => {
      const first = await org.listEntities(provinceId, 1);
      expect(first.next).toBeDefined();
      await expect(org.listEntities(uid('pv'), 1, first.next)).rejects.toBeInstanceOf(ValidationError);
      await expect(org.listEntities(provinceId, 1, 'not-a-cursor')).rejects.toBeInstanceOf(ValidationError);
    });
  });
}
