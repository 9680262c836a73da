/**
 * What a framework check reports (docs/frameworks.md, "Validation — every problem names its node code"), and
 * the loose view of a document the checks read, so they also run when some node failed its own schema.
 */
import type { Message } from './errors.ts';

export type ProblemKind =
  | 'invalid'
  | 'code_malformed'
  | 'code_duplicate'
  | 'orphan'
  | 'sum_mismatch'
  | 'points_missing'
  | 'points_negative'
  | 'min_above_max'
  | 'survey_with_slots'
  | 'method_mismatch'
  | 'role_mismatch'
  | 'slot_duplicate_kind'
  | 'guide_out_of_range'
  | 'applicability_wider'
  | 'weight_missing'
  | 'total_mismatch'
  | 'years_order'
  | 'mapping_shape'
  | 'mapping_unknown_from'
  | 'mapping_unknown_to'
  | 'mapping_duplicate'
  | 'mapping_version'
  | 'version_published'
  | 'version_gap'
  | 'too_large';

/** One thing wrong with a framework document, named by node code (and by row, once an importer adds it). */
export interface FrameworkProblem {
  kind: ProblemKind;
  nodeCode?: string;
  /** Dotted path in the document: `nodes.1.2.maxPoints` (by code), `years.to`, `mapping.entries.0`. */
  field: string;
  message: Message;
  row?: number;
}

export interface LooseNode {
  code?: unknown;
  maxPoints?: unknown;
  minPoints?: unknown;
  method?: unknown;
  role?: unknown;
  weight?: unknown;
  appliesTo?: unknown;
  guide?: unknown;
  slots?: unknown;
}
export interface LooseDocument {
  aggregation?: unknown;
  totalPoints?: unknown;
  years?: unknown;
  mapping?: unknown;
  nodes?: unknown;
}
/** A node whose code is well formed: the tree checks can place it. */
export type CodedNode = LooseNode & { code: string };

export const EPS = 1e-6;
export const round = (n: number) => Math.round(n * 1e6) / 1e6;
export const num = (n: number) => ({
  vi: n.toLocaleString('vi-VN', { maximumFractionDigits: 4 }),
  en: String(n),
});

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const nodeField = (code: string, f?: string) => `nodes.${code}${f ? `.${f}` : ''}`;

export const problem = (
  kind: ProblemKind,
  nodeCode: string | undefined,
  field: string,
  vi: string,
  en: string,
): FrameworkProblem => ({ kind, nodeCode, field, message: { vi, en } });
