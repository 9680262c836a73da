import * as z from 'zod/mini';
import { bilingual, droppable, id } from './common.ts';

/**
 * The organization tree: province → assessed entities (a sở, a huyện, …) → units (phòng, chi cục).
 * Users belong to a unit through their identity claims (`custom:entity_id`, `custom:unit_id`).
 */

/** Entity types decide which criteria apply (a framework node's `appliesTo`). */
export const ENTITY_TYPES = ['so', 'huyen', 'xa', 'ban-nganh'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityType, { vi: string; en: string }> = {
  so: { vi: 'Sở', en: 'Provincial department' },
  huyen: { vi: 'UBND huyện', en: 'District' },
  xa: { vi: 'UBND xã', en: 'Commune' },
  'ban-nganh': { vi: 'Ban, ngành (không giải quyết TTHC)', en: 'Agency without administrative procedures' },
};

export const provinceSchema = /* @__PURE__ */ droppable(() => z.object({ provinceId: id, name: bilingual }));
export type Province = z.infer<typeof provinceSchema>;

export const UNIT_KINDS = ['phong', 'van-phong', 'chi-cuc', 'trung-tam', 'khac'] as const;

export const unitSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    unitId: id,
    entityId: id,
    name: bilingual,
    kind: z.optional(z.enum(UNIT_KINDS)),
  }),
);
export type Unit = z.infer<typeof unitSchema>;

export const entitySchema = /* @__PURE__ */ droppable(() =>
  z.object({
    entityId: id,
    /** Decides which criteria apply (sở, huyện, …). */
    type: z.enum(ENTITY_TYPES),
    name: bilingual,
    /** Display name of the province. */
    province: z.string().check(z.minLength(1)),
    provinceId: z.optional(id),
  }),
);
export type Entity = z.infer<typeof entitySchema>;
