import * as z from 'zod/mini';
import { droppable } from './common.ts';
import {
  arr,
  type FrameworkProblem,
  type LooseDocument,
  type LooseNode,
  nodeField,
  type ProblemKind,
  round,
} from './framework-problems.ts';
import { documentShape, type FrameworkNode, lifecycleShape } from './framework-schema.ts';
import { leaves, parentCode, roleOf } from './framework-tree.ts';
import { checkFrameworkTree } from './framework-tree-checks.ts';
import { enIssueMessage } from './zod-messages.ts';

/**
 * A framework (bộ tiêu chí) is data: one zod schema describes the document an admin imports (JSON or the
 * one-sheet .xlsx of `shared/adapters/xlsx/framework-sheet.ts`), and `checkFrameworkTree` names every
 * problem with its node code. Stored versions add a lifecycle (draft → published, immutable once published).
 *
 * Optional fields stay absent rather than defaulted (except `slots`), so a document round-trips
 * JSON → XLSX → JSON unchanged: the parsed output is the canonical form.
 *
 * Where things are: the field shapes in framework-schema.ts, the problems in framework-problems.ts, the tree
 * rules in framework-tree-checks.ts (per node: framework-node-checks.ts), reading the tree by codes in
 * framework-tree.ts. This module builds the refined schemas, validates a document and re-exports the rest.
 */

export type { FrameworkProblem, ProblemKind } from './framework-problems.ts';
export {
  bandSchema,
  type EvidenceSlot,
  evidenceSlotSchema,
  FRAMEWORK_STATUSES,
  type FrameworkNode,
  frameworkNodeSchema,
  type GuideLevel,
  guideLevelSchema,
  INDEX_KINDS,
  ISSUING_LEVELS,
  MAPPING_KINDS,
  type MappingEntry,
  type MappingKind,
  METHODS,
  type Method,
  mappingEntrySchema,
  NODE_CODE,
  type NodeRole,
  PERIODS,
  ROLES,
  type VersionMapping,
  versionMappingSchema,
} from './framework-schema.ts';
export { applicableNodes, compareCodes, findNode, leaves, parentCode, roleOf } from './framework-tree.ts';
export { checkFrameworkTree } from './framework-tree-checks.ts';

const treeRefinement = (doc: z.output<z.ZodMiniObject<typeof documentShape>>, ctx: z.core.$RefinementCtx) => {
  for (const p of checkFrameworkTree(doc))
    ctx.addIssue({
      code: 'custom',
      path: p.field.split('.'),
      message: p.message.en,
      params: { vi: p.message.vi, kind: p.kind, nodeCode: p.nodeCode },
    });
};

/** What a framework file holds (JSON, or one .xlsx sheet): the content, without the storage lifecycle. */
export const frameworkDocumentSchema = /* @__PURE__ */ droppable(() =>
  z.object(documentShape).check(z.superRefine(treeRefinement)),
);
export type FrameworkDocument = z.output<typeof frameworkDocumentSchema>;
export type FrameworkDocumentInput = z.input<typeof frameworkDocumentSchema>;

/** A stored framework version: the document plus its lifecycle. */
export const frameworkSchema = /* @__PURE__ */ droppable(() =>
  z.object({ ...documentShape, ...lifecycleShape }).check(z.superRefine(treeRefinement)),
);
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
  const parsed = frameworkDocumentSchema.safeParse(input, { error: enIssueMessage });
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
