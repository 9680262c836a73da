import * as z from 'zod';
import { bilingual, criterionCode, id } from './common.ts';

/**
 * The minimal framework shape the foundation needs: a tree of nodes with points, method and evidence slots.
 * The frameworks issue extends this schema (scoring guides, applicability, bonus/penalty, versions mapping).
 */
export const evidenceSlotSchema = z.object({
  /** Document type that fills the slot, e.g. `ke-hoach` (plan), `bao-cao` (report). */
  kind: z.string().min(1),
  label: bilingual,
  minCount: z.number().int().min(1),
});
export type EvidenceSlot = z.infer<typeof evidenceSlotSchema>;

export const frameworkNodeSchema = z.object({
  code: criterionCode,
  title: bilingual,
  maxPoints: z.number().min(0),
  method: z.enum(['evidence', 'survey', 'computed']),
  slots: z.array(evidenceSlotSchema).default([]),
});
export type FrameworkNode = z.infer<typeof frameworkNodeSchema>;

export const bandSchema = z.object({ name: z.string(), minPercent: z.number().min(0).max(100) });

export const frameworkSchema = z.object({
  frameworkId: id,
  version: z.number().int().min(1),
  name: bilingual,
  status: z.enum(['draft', 'published']),
  /** `sample` unless the numbers are confirmed by an official text (see shared/reference/indices.md). */
  provenance: z.enum(['confirmed', 'sample']),
  bands: z.array(bandSchema).default([]),
  nodes: z.array(frameworkNodeSchema).min(1),
});
export type Framework = z.infer<typeof frameworkSchema>;

/** Leaves are the criteria that get scored; a node is a leaf when no other node's code extends it. */
export function leaves(nodes: readonly FrameworkNode[]): FrameworkNode[] {
  const codes = nodes.map((n) => n.code);
  return nodes.filter((n) => !codes.some((c) => c.startsWith(`${n.code}.`)));
}

export function findNode(framework: Framework, code: string): FrameworkNode | undefined {
  return framework.nodes.find((n) => n.code === code);
}

/** Band for a percentage; bands are checked from the highest threshold down. */
export function bandFor(
  bands: readonly { name: string; minPercent: number }[],
  percent: number,
): string | undefined {
  return [...bands].sort((a, b) => b.minPercent - a.minPercent).find((b) => percent >= b.minPercent)?.name;
}
