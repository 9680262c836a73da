/**
 * Carry-forward (docs/evidence.md): last year's evidence into a new cycle, its criterion links translated through the
 * framework mapping, each new link awaiting a member's confirmation.
 *
 * When both cycles follow versions of the same framework, the versions' own mappings translate the codes
 * (`translateCodes` in framework-versions.ts). Between different frameworks (a new decision replacing the
 * old one) there is no published mapping: the admin may send a `CodeMapping` (one entry per old code);
 * without one, codes the new framework still has map to themselves.
 */
import * as z from 'zod/mini';
import { criterionCode, droppable, id } from './common.ts';
import { MAPPING_KINDS } from './framework.ts';

export const codeMappingSchema = /* @__PURE__ */ droppable(() =>
  z
    .array(
      z.object({
        from: criterionCode,
        to: z.array(criterionCode),
        kind: z.enum(MAPPING_KINDS),
      }),
    )
    .check(z.maxLength(2000)),
);
export type CodeMapping = z.infer<typeof codeMappingSchema>;

export const carryForwardRequestSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    fromCycleId: id,
    /** Old code → new codes. Absent: codes map to themselves where the new framework has them. */
    mapping: z.optional(codeMappingSchema),
    /** Evidence handled per call; the response's `next` continues where this call stopped. */
    limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(25)), 10),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  }),
);
export type CarryForwardRequest = z.infer<typeof carryForwardRequestSchema>;

/**
 * New codes for old ones. `targets` are the new framework's codes that take evidence; anything mapped
 * outside them (or `removed`) is reported as unmapped so the admin sees what did not carry over.
 */
export function mapCriterionCodes(
  codes: readonly string[],
  mapping: CodeMapping | undefined,
  targets: ReadonlySet<string>,
): { mapped: string[]; unmapped: string[] } {
  const byFrom = new Map((mapping ?? []).map((m) => [m.from, m]));
  const mapped = new Set<string>();
  const unmapped: string[] = [];
  for (const code of codes) {
    const entry = byFrom.get(code);
    const to = entry ? (entry.kind === 'removed' ? [] : entry.to) : [code];
    const kept = to.filter((c) => targets.has(c));
    if (kept.length === 0) unmapped.push(code);
    for (const c of kept) mapped.add(c);
  }
  return { mapped: [...mapped], unmapped };
}
