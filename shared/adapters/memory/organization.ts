import { keys } from '#adapters/dynamo/keys.ts';
import type { Entity, Province, Unit } from '#domain/organization.ts';
import type { OrganizationRepository } from '#ports.ts';
import type { MemoryTable } from './table.ts';

/** The organization tree has no write port (the seeder writes it): tests seed it through these puts. */
export interface MemoryOrganizationRepository extends OrganizationRepository {
  putProvince(province: Province): void;
  /** An entity with a `provinceId` is listed under its province, by type then id. */
  putEntity(entity: Entity): void;
  putUnit(unit: Unit): void;
}

export function memoryOrganizationRepository(db: MemoryTable): MemoryOrganizationRepository {
  return {
    getEntity: async (entityId) => db.read<Entity>(keys.entity(entityId)),
    async listUnits(entityId) {
      const { pk, skPrefix } = keys.unitPrefix(entityId);
      return db.list<Unit>({ partition: pk, prefix: skPrefix });
    },
    getProvince: async (provinceId) => db.read<Province>(keys.province(provinceId)),
    async listEntities(provinceId, limit, token) {
      return db.queryPage<Entity>(
        { index: 'gsi1', partition: keys.entityIndexPartition(provinceId) },
        limit,
        token,
      );
    },
    putProvince(p) {
      db.put({ ...keys.province(p.provinceId), _type: 'province', ...p });
    },
    putEntity(e) {
      db.put({
        ...keys.entity(e.entityId),
        ...(e.provinceId ? keys.entityIndex(e.provinceId, e.type, e.entityId) : {}),
        _type: 'entity',
        ...e,
      });
    },
    putUnit(u) {
      db.put({ ...keys.unit(u.entityId, u.unitId), _type: 'unit', ...u });
    },
  };
}
