import * as z from 'zod';
import { bilingual, id, text } from './common.ts';
import type { Message } from './errors.ts';
import { ENTITY_TYPES, type EntityType } from './organization.ts';

/**
 * A framework (bộ tiêu chí) is data: one zod schema describes the document an admin imports (JSON or the
 * one-sheet .xlsx of `shared/adapters/xlsx/framework-sheet.ts`), and `checkFrameworkTree` names every
 * problem with its node code. Stored versions add a lifecycle (draft → published, immutable once published).
 *
 * Optional fields stay absent rather than defaulted (except `slots`), so a document round-trips
 * JSON → XLSX → JSON unchanged: the parsed output is the canonical form.
 */

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

const documentShape = {
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
const lifecycleShape = {
  status: z.enum(FRAMEWORK_STATUSES),
  /** Optimistic-concurrency counter of the stored item (the framework's own number is `version`). */
  revision: z.number().int().min(1).optional(),
  createdAt: z.iso.datetime().optional(),
  createdBy: z.string().optional(),
  publishedAt: z.iso.datetime().optional(),
  publishedBy: z.string().optional(),
};

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

const EPS = 1e-6;
const num = (n: number) => ({ vi: n.toLocaleString('vi-VN', { maximumFractionDigits: 4 }), en: String(n) });

export const parentCode = (code: string): string | undefined =>
  code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : undefined;

export const compareCodes = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

export const roleOf = (n: { role?: string }): NodeRole => (n.role as NodeRole | undefined) ?? 'regular';

interface LooseNode {
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
interface LooseDocument {
  aggregation?: unknown;
  totalPoints?: unknown;
  years?: unknown;
  mapping?: unknown;
  nodes?: unknown;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nodeField = (code: string, f?: string) => `nodes.${code}${f ? `.${f}` : ''}`;

/**
 * Every rule that spans nodes, written against loosely typed input so it also runs when some node failed
 * its own schema (an importer then reports all problems at once, not the first layer of them).
 */
export function checkFrameworkTree(doc: LooseDocument): FrameworkProblem[] {
  const out: FrameworkProblem[] = [];
  const add = (kind: ProblemKind, nodeCode: string | undefined, field: string, vi: string, en: string) =>
    out.push({ kind, nodeCode, field, message: { vi, en } });
  const nodes = arr(doc.nodes).filter((n): n is LooseNode => !!n && typeof n === 'object');
  const withCode = nodes.filter(
    (n): n is LooseNode & { code: string } => typeof n.code === 'string' && NODE_CODE.test(n.code),
  );

  const byCode = new Map<string, LooseNode & { code: string }>();
  for (const n of withCode) {
    if (byCode.has(n.code)) {
      add(
        'code_duplicate',
        n.code,
        nodeField(n.code, 'code'),
        `Mã ${n.code} bị trùng.`,
        `Code ${n.code} appears more than once.`,
      );
    } else byCode.set(n.code, n);
  }
  const children = new Map<string, (LooseNode & { code: string })[]>();
  for (const n of byCode.values()) {
    const p = parentCode(n.code);
    if (p === undefined) continue;
    if (!byCode.has(p)) {
      add(
        'orphan',
        n.code,
        nodeField(n.code, 'code'),
        `Tiêu chí ${n.code} không có tiêu chí cha ${p}.`,
        `Node ${n.code} has no parent ${p}.`,
      );
      continue;
    }
    const list = children.get(p);
    if (list) list.push(n);
    else children.set(p, [n]);
  }

  for (const n of nodes) {
    const code = typeof n.code === 'string' ? n.code : '?';
    const label = { vi: `Tiêu chí ${code}`, en: `Node ${code}` };
    if (
      n.maxPoints === undefined ||
      n.maxPoints === null ||
      (typeof n.maxPoints === 'number' && Number.isNaN(n.maxPoints))
    )
      add(
        'points_missing',
        code,
        nodeField(code, 'maxPoints'),
        `${label.vi}: thiếu điểm tối đa.`,
        `${label.en}: max points missing.`,
      );
    else if (isNum(n.maxPoints) && n.maxPoints < 0)
      add(
        'points_negative',
        code,
        nodeField(code, 'maxPoints'),
        `${label.vi}: điểm tối đa không được âm.`,
        `${label.en}: max points must not be negative.`,
      );
    if (isNum(n.minPoints) && n.minPoints < 0)
      add(
        'points_negative',
        code,
        nodeField(code, 'minPoints'),
        `${label.vi}: điểm tối thiểu không được âm.`,
        `${label.en}: min points must not be negative.`,
      );
    if (isNum(n.minPoints) && isNum(n.maxPoints) && n.minPoints > n.maxPoints)
      add(
        'min_above_max',
        code,
        nodeField(code, 'minPoints'),
        `${label.vi}: điểm tối thiểu lớn hơn điểm tối đa.`,
        `${label.en}: min points exceed max points.`,
      );
    const slots = arr(n.slots);
    if (n.method === 'survey' && slots.length > 0)
      add(
        'survey_with_slots',
        code,
        nodeField(code, 'slots'),
        `${label.vi}: tiêu chí điều tra xã hội học không nhận tài liệu kiểm chứng (bỏ cột tài liệu).`,
        `${label.en}: a survey node takes no evidence slots.`,
      );
    const kinds = slots.map((s) => (s as { kind?: unknown })?.kind).filter((k) => typeof k === 'string');
    for (const k of new Set(kinds.filter((k, i) => kinds.indexOf(k) !== i)))
      add(
        'slot_duplicate_kind',
        code,
        nodeField(code, 'slots'),
        `${label.vi}: loại tài liệu "${k}" khai báo hai lần; gộp thành một dòng với số lượng tối thiểu.`,
        `${label.en}: slot kind "${k}" is declared twice; use one slot with a minimum count.`,
      );
    if (isNum(n.maxPoints)) {
      const floor = isNum(n.minPoints) ? n.minPoints : 0;
      for (const [i, level] of arr(n.guide).entries()) {
        const p = (level as { points?: unknown })?.points;
        if (isNum(p) && (p < floor - EPS || p > n.maxPoints + EPS))
          add(
            'guide_out_of_range',
            code,
            nodeField(code, `guide.${i}`),
            `${label.vi}: mức chấm ${num(p).vi} điểm nằm ngoài thang ${num(floor).vi}–${num(n.maxPoints).vi}.`,
            `${label.en}: guide level of ${p} points is outside ${floor}–${n.maxPoints}.`,
          );
      }
    }
  }

  for (const [code, kids] of children) {
    const parent = byCode.get(code)!;
    const pRole = roleOf(parent as { role?: string });
    if (pRole !== 'regular') {
      for (const k of kids)
        if (roleOf(k as { role?: string }) !== pRole)
          add(
            'role_mismatch',
            k.code,
            nodeField(k.code, 'role'),
            `Tiêu chí ${k.code} phải cùng loại điểm (${pRole === 'bonus' ? 'thưởng' : 'trừ'}) với tiêu chí cha ${code}.`,
            `Node ${k.code} must have its parent ${code}'s role (${pRole}).`,
          );
    }
    if (parent.method === 'survey') {
      for (const k of kids)
        if (k.method !== 'survey')
          add(
            'method_mismatch',
            k.code,
            nodeField(k.code, 'method'),
            `Tiêu chí ${k.code} nằm dưới tiêu chí điều tra ${code} nên cũng phải là "survey".`,
            `Node ${k.code} sits under survey node ${code}, so it must be "survey" too.`,
          );
    }
    const parentTypes =
      Array.isArray(parent.appliesTo) && parent.appliesTo.length > 0
        ? (parent.appliesTo as string[])
        : undefined;
    if (parentTypes) {
      for (const k of kids) {
        const kidTypes = arr(k.appliesTo) as string[];
        const wider = kidTypes.length === 0 ? [] : kidTypes.filter((t) => !parentTypes.includes(t));
        if (wider.length)
          add(
            'applicability_wider',
            k.code,
            nodeField(k.code, 'appliesTo'),
            `Tiêu chí ${k.code} áp dụng cho ${wider.join(', ')} nhưng tiêu chí cha ${code} thì không.`,
            `Node ${k.code} applies to ${wider.join(', ')} but its parent ${code} does not.`,
          );
      }
    }
    const same = kids.filter((k) => roleOf(k as { role?: string }) === pRole);
    if (isNum(parent.maxPoints) && same.length > 0 && same.every((k) => isNum(k.maxPoints))) {
      const sum = same.reduce((s, k) => s + (k.maxPoints as number), 0);
      if (Math.abs(sum - parent.maxPoints) > EPS)
        add(
          'sum_mismatch',
          code,
          nodeField(code, 'maxPoints'),
          `Tiêu chí ${code}: điểm tối đa ${num(parent.maxPoints).vi} khác tổng điểm các tiêu chí con ${num(round(sum)).vi} (${same.map((k) => k.code).join(', ')}).`,
          `Node ${code}: max points ${parent.maxPoints} differ from the sum of its children, ${round(sum)} (${same.map((k) => k.code).join(', ')}).`,
        );
    }
  }

  const top = [...byCode.values()].filter(
    (n) => parentCode(n.code) === undefined && roleOf(n as { role?: string }) === 'regular',
  );
  if (doc.aggregation === 'weighted') {
    for (const n of top)
      if (!isNum(n.weight))
        add(
          'weight_missing',
          n.code,
          nodeField(n.code, 'weight'),
          `Tiêu chí ${n.code}: thiếu trọng số (bộ tiêu chí tổng hợp theo trọng số).`,
          `Node ${n.code}: weight missing (weighted framework).`,
        );
  }
  if (isNum(doc.totalPoints) && top.length > 0) {
    const weighted = doc.aggregation === 'weighted';
    const parts = top.map((n) => (weighted ? n.weight : n.maxPoints));
    if (parts.every(isNum)) {
      const sum = (parts as number[]).reduce((s, p) => s + p, 0);
      if (Math.abs(sum - doc.totalPoints) > EPS)
        add(
          'total_mismatch',
          undefined,
          'totalPoints',
          `Tổng điểm khai báo ${num(doc.totalPoints).vi} khác ${weighted ? 'tổng trọng số' : 'tổng điểm các lĩnh vực'} ${num(round(sum)).vi}.`,
          `Declared total ${doc.totalPoints} differs from the ${weighted ? 'sum of weights' : 'sum of the top-level nodes'}, ${round(sum)}.`,
        );
    }
  }

  const years = doc.years as { from?: unknown; to?: unknown } | undefined;
  if (years && isNum(years.from) && isNum(years.to) && years.to < years.from)
    add(
      'years_order',
      undefined,
      'years.to',
      'Năm kết thúc trước năm bắt đầu.',
      'The end year is before the start year.',
    );

  const mapping = doc.mapping as { entries?: unknown } | undefined;
  if (mapping) out.push(...checkMappingShape(arr(mapping.entries), new Set(byCode.keys())));
  return out;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function checkMappingShape(entries: unknown[], codes: ReadonlySet<string>): FrameworkProblem[] {
  const out: FrameworkProblem[] = [];
  const seen = new Set<string>();
  entries.forEach((raw, i) => {
    const e = raw as { kind?: unknown; from?: unknown; to?: unknown };
    const from = arr(e.from).map(String);
    const to = arr(e.to).map(String);
    const field = `mapping.entries.${i}`;
    const expected: Record<string, [number | '2+', number | '2+']> = {
      same: [1, 1],
      renamed: [1, 1],
      split: [1, '2+'],
      merged: ['2+', 1],
      removed: [1, 0],
    };
    const shape = expected[String(e.kind)];
    const fits = (n: number, want: number | '2+') => (want === '2+' ? n >= 2 : n === want);
    if (
      shape &&
      (!fits(from.length, shape[0]) || !fits(to.length, shape[1]) || (e.kind === 'same' && from[0] !== to[0]))
    )
      out.push({
        kind: 'mapping_shape',
        field,
        message: {
          vi: `Ánh xạ ${i + 1} (${String(e.kind)}: ${from.join(', ')} → ${to.join(', ') || '∅'}) sai dạng: same/renamed 1→1, split 1→nhiều, merged nhiều→1, removed 1→0.`,
          en: `Mapping ${i + 1} (${String(e.kind)}: ${from.join(', ')} → ${to.join(', ') || '∅'}) has the wrong shape: same/renamed 1→1, split 1→many, merged many→1, removed 1→0.`,
        },
      });
    for (const c of from) {
      if (seen.has(c))
        out.push({
          kind: 'mapping_duplicate',
          nodeCode: c,
          field,
          message: { vi: `Mã cũ ${c} được ánh xạ hai lần.`, en: `Old code ${c} is mapped twice.` },
        });
      seen.add(c);
    }
    for (const c of to)
      if (!codes.has(c))
        out.push({
          kind: 'mapping_unknown_to',
          nodeCode: c,
          field,
          message: {
            vi: `Ánh xạ ${i + 1} trỏ tới mã ${c} không có trong phiên bản này.`,
            en: `Mapping ${i + 1} points to code ${c}, which is not in this version.`,
          },
        });
  });
  return out;
}

const treeRefinement = (doc: z.output<z.ZodObject<typeof documentShape>>, ctx: z.RefinementCtx) => {
  for (const p of checkFrameworkTree(doc))
    ctx.addIssue({
      code: 'custom',
      path: p.field.split('.'),
      message: p.message.en,
      params: { vi: p.message.vi, kind: p.kind, nodeCode: p.nodeCode },
    });
};

/** What a framework file holds (JSON, or one .xlsx sheet): the content, without the storage lifecycle. */
export const frameworkDocumentSchema = z.object(documentShape).superRefine(treeRefinement);
export type FrameworkDocument = z.output<typeof frameworkDocumentSchema>;
export type FrameworkDocumentInput = z.input<typeof frameworkDocumentSchema>;

/** A stored framework version: the document plus its lifecycle. */
export const frameworkSchema = z.object({ ...documentShape, ...lifecycleShape }).superRefine(treeRefinement);
export type Framework = z.output<typeof frameworkSchema>;

/** The document part of a stored version (what export writes). */
export function documentOf(f: Framework | FrameworkDocument): FrameworkDocument {
  const {
    status: _s,
    revision: _r,
    createdAt: _c,
    createdBy: _cb,
    publishedAt: _p,
    publishedBy: _pb,
    ...doc
  } = f as Framework;
  return doc;
}

/** Largest document we store as one item (DynamoDB items stop at 400 KB). */
export const MAX_DOCUMENT_BYTES = 350 * 1024;

/** Schema issue path → the node it is about, so every problem names a node code, not an array index. */
export function problemsFromIssues(input: unknown, issues: readonly z.core.$ZodIssue[]): FrameworkProblem[] {
  const rawNodes = arr((input as LooseDocument | undefined)?.nodes);
  return issues.map((issue) => {
    const params = (issue as { params?: { kind?: ProblemKind; nodeCode?: string; vi?: string } }).params;
    if (issue.code === 'custom' && params?.kind)
      return {
        kind: params.kind,
        nodeCode: params.nodeCode,
        field: issue.path.join('.'),
        message: { vi: params.vi ?? issue.message, en: issue.message },
      };
    const [head, index, ...rest] = issue.path.map(String);
    if (head === 'nodes' && index !== undefined) {
      const raw = rawNodes[Number(index)] as LooseNode | undefined;
      const code = typeof raw?.code === 'string' && raw.code ? raw.code : `#${Number(index) + 1}`;
      const f = rest.join('.');
      let kind: ProblemKind = 'invalid';
      if (f === 'code') kind = 'code_malformed';
      else if ((f === 'maxPoints' || f === 'minPoints') && issue.code === 'too_small')
        kind = 'points_negative';
      else if (f === 'maxPoints' && issue.code === 'invalid_type') kind = 'points_missing';
      const vi = (params?.vi as string | undefined) ?? issue.message;
      return {
        kind,
        nodeCode: code,
        field: nodeField(code, f || undefined),
        message: {
          vi: `Tiêu chí ${code}${f ? ` (${f})` : ''}: ${kind === 'code_malformed' ? 'mã phải có dạng 1, 1.2 hoặc 1.2.3' : vi}`,
          en: `Node ${code}${f ? ` (${f})` : ''}: ${issue.message}`,
        },
      };
    }
    return {
      kind: 'invalid',
      field: issue.path.join('.'),
      message: {
        vi: `${issue.path.join('.') || 'tệp'}: ${params?.vi ?? issue.message}`,
        en: `${issue.path.join('.') || 'file'}: ${issue.message}`,
      },
    };
  });
}

function dedupe(problems: FrameworkProblem[]): FrameworkProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.kind}|${p.nodeCode ?? ''}|${p.field}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Parses a framework document; on failure, every problem at once, each naming its node. */
export function validateFrameworkDocument(
  input: unknown,
): { ok: true; document: FrameworkDocument } | { ok: false; problems: FrameworkProblem[] } {
  const parsed = frameworkDocumentSchema.safeParse(input);
  if (parsed.success) {
    const size = Buffer.byteLength(JSON.stringify(parsed.data));
    if (size > MAX_DOCUMENT_BYTES)
      return {
        ok: false,
        problems: [
          {
            kind: 'too_large',
            field: 'nodes',
            message: {
              vi: `Bộ tiêu chí quá lớn (${Math.round(size / 1024)} KB; tối đa ${MAX_DOCUMENT_BYTES / 1024} KB).`,
              en: `The framework is too large (${Math.round(size / 1024)} KB; at most ${MAX_DOCUMENT_BYTES / 1024} KB).`,
            },
          },
        ],
      };
    return { ok: true, document: parsed.data };
  }
  const problems = problemsFromIssues(input, parsed.error.issues);
  // A structural failure skips the refinement: run the tree rules on what is there.
  if (input && typeof input === 'object') problems.push(...checkFrameworkTree(input as LooseDocument));
  return { ok: false, problems: dedupe(problems) };
}

/** Leaves are the criteria that get scored; a node is a leaf when no other node's code extends it. */
export function leaves<N extends { code: string }>(nodes: readonly N[]): N[] {
  const codes = nodes.map((n) => n.code);
  return nodes.filter((n) => !codes.some((c) => c.startsWith(`${n.code}.`)));
}

export function findNode<N extends { code: string }>(
  framework: { nodes: readonly N[] },
  code: string,
): N | undefined {
  return framework.nodes.find((n) => n.code === code);
}

/** Nodes that apply to an entity type: a node is dropped when it or any ancestor excludes the type. */
export function applicableNodes<N extends { code: string; appliesTo?: readonly string[] }>(
  nodes: readonly N[],
  type: EntityType,
): N[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const applies = (code: string | undefined): boolean => {
    if (code === undefined) return true;
    const n = byCode.get(code);
    if (n?.appliesTo && n.appliesTo.length > 0 && !n.appliesTo.includes(type)) return false;
    return applies(parentCode(code));
  };
  return nodes.filter((n) => applies(n.code));
}

/** Totals the reference numbers are checked against (tests, preview summary). */
export function frameworkTotals(doc: Pick<FrameworkDocument, 'nodes' | 'aggregation'>) {
  const top = doc.nodes.filter((n) => parentCode(n.code) === undefined);
  const regularTop = top.filter((n) => roleOf(n) === 'regular');
  const regularLeaves = leaves(doc.nodes).filter((n) => roleOf(n) === 'regular');
  const sum = (ns: readonly FrameworkNode[]) => round(ns.reduce((s, n) => s + n.maxPoints, 0));
  const weighted = doc.aggregation === 'weighted';
  return {
    nodes: doc.nodes.length,
    topLevel: regularTop.length,
    depth: Math.max(...doc.nodes.map((n) => n.code.split('.').length)),
    totalPoints:
      doc.aggregation === 'weighted'
        ? round(regularTop.reduce((s, n) => s + (n.weight ?? 0), 0))
        : sum(regularTop),
    // Weighted frameworks count each top-level node's weight (its share of the composite).
    surveyPoints: weighted
      ? round(regularTop.filter((n) => n.method === 'survey').reduce((s, n) => s + (n.weight ?? 0), 0))
      : sum(regularLeaves.filter((n) => n.method === 'survey')),
    selfAssessedPoints: weighted
      ? round(regularTop.filter((n) => n.method !== 'survey').reduce((s, n) => s + (n.weight ?? 0), 0))
      : sum(regularLeaves.filter((n) => n.method !== 'survey')),
    bonusPoints: sum(top.filter((n) => roleOf(n) === 'bonus')),
    penaltyPoints: sum(top.filter((n) => roleOf(n) === 'penalty')),
    slots: doc.nodes.reduce((s, n) => s + n.slots.length, 0),
  };
}

/** Band for a percentage; bands are checked from the highest threshold down. */
export function bandFor(
  bands: readonly { name: string; minPercent: number }[],
  percent: number,
): string | undefined {
  return [...bands].sort((a, b) => b.minPercent - a.minPercent).find((b) => percent >= b.minPercent)?.name;
}
