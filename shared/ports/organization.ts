/** Ports: The organization tree: provinces, entities and their units. */
import type { Entity, Province, Unit } from '#domain/organization.ts';
import type { Page } from './common.ts';

export interface OrganizationRepository {
  getEntity(entityId: string): Promise<Entity | undefined>;
  listUnits(entityId: string): Promise<Unit[]>;
  getProvince(provinceId: string): Promise<Province | undefined>;
  /** Entities of a province, by type then id. */
  listEntities(provinceId: string, limit: number, cursor?: string): Promise<Page<Entity>>;
}
