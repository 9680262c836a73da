/**
 * The zod shapes of a framework document (docs/frameworks.md, "The model"): nodes, evidence slots, guide
 * levels, bands, the version mapping and the stored lifecycle. The schemas with the tree rules attached are
 * built in framework.ts.
 */
import * as z from 'zod/mini';
import { bilingual, droppable, id, text } from './common.ts';
import { ENTITY_TYPES } from './organization.ts';
import { isoDateTime } from './zod-lean.ts';

/** `1`, `1.2`, `1.2.3`: positive integers without leading zeros, at most six levels. */
export const NODE_CODE = /^[1-9]\d{0,3}(\.[1-9]\d{0,3}){0,5}$/;
const nodeCode = /* @__PURE__ */ droppable(() =>
  z.string().check(z.regex(NODE_CODE, 'code like 1, 1.2 or 1.2.3')),
);

/** One line of text: slot and guide labels live on one line of a spreadsheet cell, fields split by `|`. */
const line = (max = 300) =>
  z
    .pipe(
      text(max),
      z.transform((s) => s.replace(/\s+/g, ' ')),
    )
    .check(
      z.refine((s) => !s.includes('|'), {
        message: 'must not contain "|"',
        params: { vi: 'không được chứa "|"' },
      }),
    );
const bilingualLine = /* @__PURE__ */ droppable(() => z.object({ vi: line(), en: line() }));

/** Optional list where empty means absent (preprocess keeps the key optional in the inferred types). */
const optionalList = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(
    z.transform((a) => (Array.isArray(a) && a.length === 0 ? undefined : a)),
    z.optional(z.array(item)),
  );

export const METHODS = ['evidence', 'survey', 'computed'] as const;
export type Method = (typeof METHODS)[number];
export const ROLES = ['regular', 'bonus', 'penalty'] as const;
export type NodeRole = (typeof ROLES)[number];
export const PERIODS = ['year', 'half-year', 'quarter', 'month', 'any'] as const;
export const ISSUING_LEVELS = ['ministry', 'province', 'entity', 'unit', 'any'] as const;
export const INDEX_KINDS = ['par', 'papi', 'sipas', 'pci', 'other'] as const;

export const evidenceSlotSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    /** Document type that fills the slot, e.g. `ke-hoach` (plan), `bao-cao` (report). */
    kind: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'kind: lowercase letters, digits and -')),
    label: bilingualLine,
    minCount: z.number().check(z.int(), z.gte(1)),
    /** Period each document covers: 4 × `quarter` = the four quarterly reports. Absent = any. */
    period: z.optional(z.enum(PERIODS)),
    /** Who must issue it (the entity itself, the province, …). Absent = any. */
    issuingLevel: z.optional(z.enum(ISSUING_LEVELS)),
  }),
);
export type EvidenceSlot = z.infer<typeof evidenceSlotSchema>;

export const guideLevelSchema = /* @__PURE__ */ droppable(() =>
  z.object({ points: z.number(), label: bilingualLine }),
);
export type GuideLevel = z.infer<typeof guideLevelSchema>;

export const frameworkNodeSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    code: nodeCode,
    title: bilingual,
    maxPoints: z.number().check(z.gte(0)),
    /** Floor of the scale where it is not 0 (PAPI dimensions are scored 1–10). */
    minPoints: z.optional(z.number().check(z.gte(0))),
    /** Share of the composite in percent, for `weighted` frameworks (PCI). */
    weight: z.optional(z.number().check(z.gt(0), z.lte(100))),
    method: z.enum(METHODS),
    /** Absent = regular points; bonus/penalty points sit outside the parent's and the framework's total. */
    role: z.pipe(
      z.transform((r) => (r === 'regular' ? undefined : r)),
      z.optional(z.enum(ROLES)),
    ),
    /** Entity types the node applies to; absent = every type. Children never widen their parent's list. */
    appliesTo: optionalList(z.enum(ENTITY_TYPES)),
    /** Scoring guide: levels with their points and wording. */
    guide: optionalList(guideLevelSchema),
    description: z.optional(bilingual),
    slots: z._default(z.array(evidenceSlotSchema), []),
  }),
);
export type FrameworkNode = z.infer<typeof frameworkNodeSchema>;

export const bandSchema = /* @__PURE__ */ droppable(() =>
  z.object({ name: z.string(), minPercent: z.number().check(z.gte(0), z.lte(100)) }),
);

export const MAPPING_KINDS = ['same', 'renamed', 'split', 'merged', 'removed'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];
export const mappingEntrySchema = /* @__PURE__ */ droppable(() =>
  z.object({
    kind: z.enum(MAPPING_KINDS),
    from: z.array(nodeCode).check(z.minLength(1)),
    to: z._default(z.array(nodeCode), []),
  }),
);
export type MappingEntry = z.infer<typeof mappingEntrySchema>;
/** How the previous version's codes become this version's (codes present in both and unmapped: `same`). */
export const versionMappingSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    fromVersion: z.number().check(z.int(), z.gte(1)),
    entries: z._default(z.array(mappingEntrySchema), []),
  }),
);
export type VersionMapping = z.infer<typeof versionMappingSchema>;

/** The fields of a framework document; `framework.ts` builds the refined schemas from them. */
export const documentShape = /* @__PURE__ */ droppable(() => ({
  /** The framework's code, stable across versions (`par-so-mau`, `papi`). */
  frameworkId: id,
  version: z.number().check(z.int(), z.gte(1)),
  name: bilingual,
  index: z.enum(INDEX_KINDS),
  years: z.object({
    from: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
    to: z.optional(z.number().check(z.int(), z.gte(2000), z.lte(2100))),
  }),
  /** `sample` unless the numbers are confirmed by an official text (see shared/reference/indices.md). */
  provenance: z.enum(['confirmed', 'sample']),
  provenanceNote: z.optional(bilingual),
  sources: optionalList(text(500)),
  /** `sum`: the total is the sum of the top-level nodes. `weighted`: Σ weight × score / max (PCI, SIPAS). */
  aggregation: z._default(z.enum(['sum', 'weighted']), 'sum'),
  /** Declared total, checked against the tree. */
  totalPoints: z.optional(z.number().check(z.gte(0))),
  bands: z._default(z.array(bandSchema), []),
  mapping: z.optional(versionMappingSchema),
  nodes: z.array(frameworkNodeSchema).check(z.minLength(1)),
}));

export const FRAMEWORK_STATUSES = ['draft', 'published'] as const;
export const lifecycleShape = /* @__PURE__ */ droppable(() => ({
  status: z.enum(FRAMEWORK_STATUSES),
  /** Optimistic-concurrency counter of the stored item (the framework's own number is `version`). */
  revision: z.optional(z.number().check(z.int(), z.gte(1))),
  createdAt: z.optional(isoDateTime()),
  createdBy: z.optional(z.string()),
  publishedAt: z.optional(isoDateTime()),
  publishedBy: z.optional(z.string()),
}));
