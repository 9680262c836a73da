import { entityItem, provinceItem, unitItem } from '#adapters/dynamo/descriptors/records.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import type { Entity, Province, Unit } from '#domain/organization.ts';
import type { OrganizationRepository } from '#ports.ts';
import { pageOf, readItem } from './kernel.ts';
import type { MemoryTable } from './table.ts';

/** The organization tree has no write port (the seeder writes it): tests seed it through these puts. */
export interface MemoryOrganizationRepository extends OrganizationRepository {
  putProvince(province: Province): void;
  /** An entity with a `provinceId` is listed under its province, by type then id (as the seeder writes it). */
  putEntity(entity: Entity): void;
  putUnit(unit: Unit): void;
}

export function memoryOrganizationRepository(db: MemoryTable): MemoryOrganizationRepository {
  return {
    getEntity: async (entityId) => readItem(db, entityItem, keys.entity(entityId)),
    async listUnits(entityId) {
      const { pk, skPrefix } = keys.unitPrefix(entityId);
      return db.queryAll({ partition: pk, prefix: skPrefix }).map((i) => unitItem.fromItem(i));
    },
    getProvince: async (provinceId) => readItem(db, provinceItem, keys.province(provinceId)),
    listEntities: async (provinceId, limit, token) =>
      pageOf(
        entityItem,
        db.queryPage({ index: 'gsi1', partition: keys.entityIndexPartition(provinceId) }, limit, token),
      ),
    putProvince: (p) => db.put(provinceItem.toItem(p)),
    putEntity: (e) =>
      db.put({
        ...entityItem.toItem(e),
        ...(e.provinceId ? keys.entityIndex(e.provinceId, e.type, e.entityId) : {}),
      }),
    putUnit: (u) => db.put(unitItem.toItem(u)),
  };
}
