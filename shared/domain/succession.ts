/**
 * Succession of organisations (docs/organisation.md, "Succession"): when a province, a department (sở) or a
 * unit (phòng) is merged, renamed or split, a record says which ids ended and which carry their work on, from
 * which day. Nothing is rewritten: a predecessor keeps its cycles, evidence and figures; its successors read
 * them through these rules (history and trend, carry-forward candidates, where its people go).
 *
 * Pure: records in, answers out. Validation returns field issues; the queries assume a valid record set.
 */
import type { FieldIssue, Message } from './errors.ts';

/** merge: one or more ids end and one id carries on (new, or an existing one that absorbs them);
 *  rename: one id ends and one new id carries on; split: one id ends and two or more carry on. */
export const SUCCESSION_KINDS = ['merge', 'rename', 'split'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

/** Entities (province, sở, UBND xã) and units (phòng, chi cục) succeed within their own level. */
export type OrgLevel = 'entity' | 'unit';

export interface Succession {
  successionId: string;
  level: OrgLevel;
  kind: SuccessionKind;
  /** Ids that end the day before `effectiveFrom`. */
  from: readonly string[];
  /** Ids that carry the work on from `effectiveFrom`. */
  to: readonly string[];
  /** First day (yyyy-MM-dd, Asia/Ho_Chi_Minh) on which the successors act. */
  effectiveFrom: string;
  /** The decision behind it (number and date as written), shown in history. */
  basis?: string;
}

const issue = (field: string, vi: string, en: string): FieldIssue => ({ field, message: { vi, en } });

// ——— Validation ———

/** The shape each kind allows: counts on each side, and no id on both sides or twice on one side. */
function shapeIssues(r: Succession, at: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (r.from.length === 0)
    out.push(issue(`${at}.from`, 'Cần ít nhất một đơn vị cũ.', 'At least one predecessor.'));
  if (r.to.length === 0)
    out.push(issue(`${at}.to`, 'Cần ít nhất một đơn vị kế thừa.', 'At least one successor.'));
  if (r.kind === 'rename' && (r.from.length !== 1 || r.to.length !== 1))
    out.push(
      issue(at, 'Đổi tên: đúng một tên cũ và một tên mới.', 'A rename has exactly one old and one new id.'),
    );
  if (r.kind === 'merge' && r.to.length !== 1)
    out.push(
      issue(`${at}.to`, 'Hợp nhất, sáp nhập: đúng một đơn vị kế thừa.', 'A merge has exactly one successor.'),
    );
  if (r.kind === 'split' && (r.from.length !== 1 || r.to.length < 2))
    out.push(
      issue(
        at,
        'Chia tách: một đơn vị cũ, từ hai đơn vị mới.',
        'A split has one predecessor, two or more successors.',
      ),
    );
  const both = r.from.filter((id) => r.to.includes(id));
  if (both.length > 0)
    out.push(
      issue(
        at,
        `Vừa là đơn vị cũ vừa là kế thừa: ${both.join(', ')}.`,
        `Both ended and carrying on: ${both.join(', ')}.`,
      ),
    );
  for (const [side, ids] of [
    ['from', r.from],
    ['to', r.to],
  ] as const)
    if (new Set(ids).size !== ids.length) out.push(issue(`${at}.${side}`, 'Trùng mã.', 'Repeated id.'));
  return out;
}

/** An id ends once: it may be a predecessor in one record only. */
function endedTwiceIssues(records: readonly Succession[]): FieldIssue[] {
  const endedBy = new Map<string, number>();
  const out: FieldIssue[] = [];
  records.forEach((r, i) => {
    for (const id of new Set(r.from)) {
      const first = endedBy.get(id);
      if (first === undefined) endedBy.set(id, i);
      else
        out.push(
          issue(
            `records.${i}.from`,
            `${id} đã kết thúc ở bản ghi ${first + 1}.`,
            `${id} already ended in record ${first + 1}.`,
          ),
        );
    }
  });
  return out;
}

/** A successor acts before it can end: a record ending an id is dated after the record that created it. */
function orderIssues(records: readonly Succession[]): FieldIssue[] {
  const createdOn = new Map<string, string>();
  for (const r of records) for (const id of r.to) createdOn.set(id, r.effectiveFrom);
  const out: FieldIssue[] = [];
  records.forEach((r, i) => {
    for (const id of r.from) {
      const created = createdOn.get(id);
      if (created !== undefined && created >= r.effectiveFrom)
        out.push(
          issue(
            `records.${i}.effectiveFrom`,
            `${id} kết thúc (${r.effectiveFrom}) không sau ngày nó bắt đầu (${created}).`,
            `${id} ends (${r.effectiveFrom}) no later than it began (${created}).`,
          ),
        );
    }
  });
  return out;
}

/** Every rule a set of records must keep, as field issues (empty = valid). Dates order the records, so no cycle. */
export function successionIssues(records: readonly Succession[]): FieldIssue[] {
  return [
    ...records.flatMap((r, i) => shapeIssues(r, `records.${i}`)),
    ...endedTwiceIssues(records),
    ...orderIssues(records),
  ];
}

// ——— Queries ———

export interface Predecessor {
  id: string;
  /** The last day it acted (the day before the record that ended it). */
  until: string;
  kind: SuccessionKind;
  successionId: string;
  /** 1 = ended straight into the asked id; 2 = a predecessor of a predecessor; … */
  depth: number;
}

const dayBefore = (isoDate: string): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Every id whose work flows into `id`, nearest first (a merge's several predecessors at the same depth, by id).
 * A successor's history and trend show these ids' past figures under their own names.
 */
export function predecessorsOf(id: string, records: readonly Succession[]): Predecessor[] {
  const out: Predecessor[] = [];
  const seen = new Set([id]);
  let frontier = [id];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const r of records) {
      if (!r.to.some((t) => frontier.includes(t))) continue;
      for (const p of [...r.from].sort()) {
        if (seen.has(p)) continue;
        seen.add(p);
        next.push(p);
        out.push({
          id: p,
          until: dayBefore(r.effectiveFrom),
          kind: r.kind,
          successionId: r.successionId,
          depth,
        });
      }
    }
    frontier = next;
  }
  return out;
}

/** The record that ended `id`, if any. */
export const endingOf = (id: string, records: readonly Succession[]): Succession | undefined =>
  records.find((r) => r.from.includes(id));

/**
 * The ids that carry `id`'s work on as of `onDate` (yyyy-MM-dd): `id` itself while it has not ended, else its
 * successors, followed through later records. A split gives several; the caller decides (people are then
 * placed by an administrator, not guessed).
 */
export function successorsOf(id: string, records: readonly Succession[], onDate: string): string[] {
  const ending = endingOf(id, records);
  if (!ending || ending.effectiveFrom > onDate) return [id];
  const out = new Set<string>();
  for (const next of ending.to) for (const s of successorsOf(next, records, onDate)) out.add(s);
  return [...out].sort();
}

/** Whether `id` acts on `onDate`: not yet ended, and not before the record that created it. */
export function actsOn(id: string, records: readonly Succession[], onDate: string): boolean {
  const ending = endingOf(id, records);
  if (ending && ending.effectiveFrom <= onDate) return false;
  const created = records.find((r) => r.to.includes(id));
  return !created || created.effectiveFrom <= onDate;
}

/** Where a person of an ended unit goes: one successor → moved; a split → to be placed by an administrator. */
export type Placement =
  | { kind: 'stay'; unitId: string }
  | { kind: 'move'; unitId: string; successionId: string }
  | { kind: 'choose'; among: string[]; successionId: string };

export function placementOf(unitId: string, records: readonly Succession[], onDate: string): Placement {
  const ending = endingOf(unitId, records);
  if (!ending || ending.effectiveFrom > onDate) return { kind: 'stay', unitId };
  const successors = successorsOf(unitId, records, onDate);
  return successors.length === 1
    ? { kind: 'move', unitId: successors[0] as string, successionId: ending.successionId }
    : { kind: 'choose', among: successors, successionId: ending.successionId };
}

/** A line for history: "Sở KH&CN Ninh Thuận → Sở KH&CN Khánh Hòa (hợp nhất, từ 01/07/2025)". */
export const SUCCESSION_KIND_LABELS: Record<SuccessionKind, Message> = {
  merge: { vi: 'hợp nhất, sáp nhập', en: 'merged' },
  rename: { vi: 'đổi tên', en: 'renamed' },
  split: { vi: 'chia tách', en: 'split' },
};
