/**
 * Which evidence counts and how much of a criterion it covers (docs/readiness.md, rule 2 "Slots" and its
 * period rule): fill(slot) = min(k / n, 1), coverage(c) = Σ fill / slots.
 */

import { countsAsFilled } from './evidence.ts';
import type { FrameworkNode } from './framework.ts';
import type { EvidenceFact, EvidencePolicy, SlotPeriod, SlotResult } from './readiness-model.ts';
import { type SlotRule, slotRules } from './readiness-tree.ts';

/**
 * Rule 2, which evidence counts: the states the cycle's policy counts, filed under each criterion it is linked
 * to, by the criterion's position in `place` (codes not there are not criteria of the formula). An evidence
 * linked twice to a criterion counts once.
 */
export function countedEvidence(
  evidence: readonly EvidenceFact[],
  policy: EvidencePolicy,
  place: ReadonlyMap<string, number>,
): (EvidenceFact[] | undefined)[] {
  // A packed array and an indexed loop: this runs once per link of every evidence (10⁵ on a large entity).
  const filed: (EvidenceFact[] | undefined)[] = new Array(place.size).fill(undefined);
  for (let j = 0; j < evidence.length; j++) {
    const e = evidence[j]!;
    if (!countsAsFilled(e.state, policy)) continue;
    const codes = e.criterionCodes;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      // Lists are short: no Set needed to skip a code linked twice.
      if (i > 0 && codes.lastIndexOf(code, i - 1) >= 0) continue;
      const at = place.get(code);
      if (at === undefined) continue;
      const list = filed[at];
      if (list === undefined) filed[at] = [e];
      else list.push(e);
    }
  }
  return filed;
}

/** The period a date falls in under a slot's rule: `2023`, `2023-H2`, `2023-Q3`, `2023-07`. */
export function periodOf(date: string, period: SlotPeriod): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (period) {
    case 'year':
      return year;
    case 'half-year':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'month':
      return date.slice(0, 7);
  }
}

export interface SlotOptions {
  assessmentYear?: number;
}

/** Period rule: k = distinct qualifying periods + undated documents; other years do not count. */
function countPeriods(
  slot: SlotRule,
  period: SlotPeriod,
  counted: readonly EvidenceFact[],
  opts: SlotOptions,
) {
  const seen = new Set<string>();
  let documents = 0;
  let undated = 0;
  let outsideYear = 0;
  for (const e of counted) {
    if (slot.kind !== '*' && e.documentType !== slot.kind) continue;
    documents++;
    const date = e.effectivePeriod?.from ?? e.issueDate;
    if (!date) undated++;
    else if (opts.assessmentYear !== undefined && Number(date.slice(0, 4)) !== opts.assessmentYear)
      outsideYear++;
    else seen.add(periodOf(date, period));
  }
  return { count: seen.size + undated, documents, undated, outsideYear, periods: [...seen].sort() };
}

/** Documents of the slot's kind, counted without building a list. */
function countKind(kind: string, counted: readonly EvidenceFact[]): number {
  if (kind === '*') return counted.length;
  let n = 0;
  for (const e of counted) if (e.documentType === kind) n++;
  return n;
}

/** Rule 2: one slot against the criterion's counted evidence; k counted of n needed fill k/n, capped at 1. */
export function fillSlot(slot: SlotRule, counted: readonly EvidenceFact[], opts: SlotOptions): SlotResult {
  const { kind, minCount, period } = slot;
  if (!period) {
    const count = countKind(kind, counted);
    const fill = Math.min(count / minCount, 1);
    const filled = fill === 1;
    return { kind, minCount, count, documents: count, undated: 0, outsideYear: 0, periods: [], fill, filled };
  }
  const { count, documents, undated, outsideYear, periods } = countPeriods(slot, period, counted, opts);
  const fill = Math.min(count / minCount, 1);
  const filled = fill === 1;
  return { kind, minCount, period, count, documents, undated, outsideYear, periods, fill, filled };
}

const NONE: readonly EvidenceFact[] = [];

/** Rule 2: coverage(c) = Σ fill(slot) / number of slots, for slots already read as rules. */
export function coverageOf(
  rules: readonly SlotRule[],
  counted: readonly EvidenceFact[] | undefined,
  opts: SlotOptions,
) {
  const slots: SlotResult[] = [];
  let slotsFilled = 0;
  for (const rule of rules) {
    const s = fillSlot(rule, counted ?? NONE, opts);
    slots.push(s);
    slotsFilled += s.fill;
  }
  return { slots, slotsFilled, coverage: slotsFilled / slots.length };
}

/** Slots of one criterion against the evidence that counts for it (also used to validate a self score). */
export function slotCoverage(
  node: Pick<FrameworkNode, 'slots'>,
  counted: readonly EvidenceFact[] | undefined,
  opts: SlotOptions = {},
): { slots: SlotResult[]; slotsFilled: number; coverage: number } {
  return coverageOf(slotRules(node), counted, opts);
}

/** coverage(c) of one criterion from its evidence: the same rule readiness uses, for the self-score check. */
export function criterionCoverage(
  node: Pick<FrameworkNode, 'slots' | 'code'>,
  evidence: readonly EvidenceFact[],
  policy: EvidencePolicy,
  opts: SlotOptions = {},
) {
  return slotCoverage(node, countedEvidence(evidence, policy, new Map([[node.code, 0]]))[0], opts);
}
