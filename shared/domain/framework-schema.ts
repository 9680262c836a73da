/**
 * The zod shapes of a framework document (docs/frameworks.md, "The model"): nodes, evidence slots, guide
 * levels, bands, the version mapping and the stored lifecycle. The schemas with the tree rules attached are
 * built in framework.ts.
 */
import * as z from 'zod';
import { bilingual, id, text } from './common.ts';
import { ENTITY_TYPES } from './organization.ts';

/** `1`, `1.2`, `1.2.3`: positive integers without leading zeros, at most six levels. */
export const NODE_CODE = /^[1-9]\d{0,3}(\.[1-9]\d{0,3}){0,5}$/;
const nodeCode = z.string().regex(NODE_CODE, 'code like 1, 1.2 or 1.2.3');

/** One line of text: slot and guide labels live on one line of a spreadsheet cell, fields split by `|`. */
const line = (max = 300) =>
  text(max)
    .transform((s) => s.replace(/\s+/g, ' '))
    .refine((s) => !s.includes('|'), {
      message: 'must not contain "|"',
      params: { vi: 'không được chứa "|"' },
    });
const bilingualLine = z.object({ vi: line(), en: line() });

/** Optional list where empty means absent (preprocess keeps the key optional in the inferred types). */
const optionalList = <T extends z.ZodType>(item: T) =>
  z.preprocess((a) => (Array.isArray(a) && a.length === 0 ? undefined : a), z.array(item).optional());

export const METHODS = ['evidence', 'survey', 'computed'] as const;
export type Method = (typeof METHODS)[number];
export const ROLES = ['regular', 'bonus', 'penalty'] as const;
export type NodeRole = (typeof ROLES)[number];
export const PERIODS = ['year', 'half-year', 'quarter', 'month', 'any'] as const;
export const ISSUING_LEVELS = ['ministry', 'province', 'entity', 'unit', 'any'] as const;
export const INDEX_KINDS = ['par', 'papi', 'sipas', 'pci', 'other'] as const;

export const evidenceSlotSchema = z.object({
  /** Document type that fills the slot, e.g. `ke-hoach` (plan), `bao-cao` (report). */
  kind: z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'kind: lowercase letters, digits and -'),
  label: bilingualLine,
  minCount: z.number().int().min(1),
  /** Period each document covers: 4 × `quarter` = the four quarterly reports. Absent = any. */
  period: z.enum(PERIODS).optional(),
  /** Who must issue it (the entity itself, the province, …). Absent = any. */
  issuingLevel: z.enum(ISSUING_LEVELS).optional(),
});
export type EvidenceSlot = z.infer<typeof evidenceSlotSchema>;

export const guideLevelSchema = z.object({ points: z.number(), label: bilingualLine });
export type GuideLevel = z.infer<typeof guideLevelSchema>;

export const frameworkNodeSchema = z.object({
  code: nodeCode,
  title: bilingual,
  maxPoints: z.number().min(0),
  /** Floor of the scale where it is not 0 (PAPI dimensions are scored 1–10). */
  minPoints: z.number().min(0).optional(),
  /** Share of the composite in percent, for `weighted` frameworks (PCI). */
  weight: z.number().gt(0).max(100).optional(),
  method: z.enum(METHODS),
  /** Absent = regular points; bonus/penalty points sit outside the parent's and the framework's total. */
  role: z.preprocess((r) => (r === 'regular' ? undefined : r), z.enum(ROLES).optional()),
  /** Entity types the node applies to; absent = every type. Children never widen their parent's list. */
  appliesTo: optionalList(z.enum(ENTITY_TYPES)),
  /** Scoring guide: levels with their points and wording. */
  guide: optionalList(guideLevelSchema),
  description: bilingual.optional(),
  slots: z.array(evidenceSlotSchema).default([]),
});
export type FrameworkNode = z.infer<typeof frameworkNodeSchema>;

export const bandSchema = z.object({ name: z.string(), minPercent: z.number().min(0).max(100) });

export const MAPPING_KINDS = ['same', 'renamed', 'split', 'merged', 'removed'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];
export const mappingEntrySchema = z.object({
  kind: z.enum(MAPPING_KINDS),
  from: z.array(nodeCode).min(1),
  to: z.array(nodeCode).default([]),
});
export type MappingEntry = z.infer<typeof mappingEntrySchema>;
/** How the previous version's codes become this version's (codes present in both and unmapped: `same`). */
export const versionMappingSchema = z.object({
  fromVersion: z.number().int().min(1),
  entries: z.array(mappingEntrySchema).default([]),
});
export type VersionMapping = z.infer<typeof versionMappingSchema>;

/** The fields of a framework document; `framework.ts` builds the refined schemas from them. */
export const documentShape = {
  /** The framework's code, stable across versions (`par-so-mau`, `papi`). */
  frameworkId: id,
  version: z.number().int().min(1),
  name: bilingual,
  index: z.enum(INDEX_KINDS),
  years: z.object({
    from: z.number().int().min(2000).max(2100),
    to: z.number().int().min(2000).max(2100).optional(),
  }),
  /** `sample` unless the numbers are confirmed by an official text (see shared/reference/indices.md). */
  provenance: z.enum(['confirmed', 'sample']),
  provenanceNote: bilingual.optional(),
  sources: optionalList(text(500)),
  /** `sum`: the total is the sum of the top-level nodes. `weighted`: Σ weight × score / max (PCI, SIPAS). */
  aggregation: z.enum(['sum', 'weighted']).default('sum'),
  /** Declared total, checked against the tree. */
  totalPoints: z.number().min(0).optional(),
  bands: z.array(bandSchema).default([]),
  mapping: versionMappingSchema.optional(),
  nodes: z.array(frameworkNodeSchema).min(1),
};

export const FRAMEWORK_STATUSES = ['draft', 'published'] as const;
export const lifecycleShape = {
  status: z.enum(FRAMEWORK_STATUSES),
  /** Optimistic-concurrency counter of the stored item (the framework's own number is `version`). */
  revision: z.number().int().min(1).optional(),
  createdAt: z.iso.datetime().optional(),
  createdBy: z.string().optional(),
  publishedAt: z.iso.datetime().optional(),
  publishedBy: z.string().optional(),
};
