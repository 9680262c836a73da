import * as z from 'zod/mini';
import { droppable, id, isoDate, text } from './common.ts';
import type { Cycle } from './cycle.ts';
import type { FieldIssue, Message } from './errors.ts';
import { type FrameworkDocument, findNode, NODE_CODE } from './framework.ts';
import type { Unit } from './organization.ts';
import { foldForSearch } from './text.ts';
import { extendObject, isoDateTime } from './zod-lean.ts';

/**
 * An assignment (nhiệm vụ): one unit is responsible for one or more criteria of the cycle's frameworks, by a
 * due date, with the plan's wording and an optional numeric target (the seed's "trên 85 %").
 */

export const criterionRefSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    frameworkId: id,
    code: z.string().check(z.regex(NODE_CODE, 'code like 1, 1.2 or 1.2.3')),
  }),
);
export type CriterionRef = z.infer<typeof criterionRefSchema>;

export const TARGET_OPS = ['>', '>=', '<', '<=', '='] as const;
export const targetSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    op: z.enum(TARGET_OPS),
    value: z.number(),
    /** `%`, `điểm`, `hồ sơ`, … */
    unit: z.optional(z.string().check(z.maxLength(20))),
  }),
);
export type Target = z.infer<typeof targetSchema>;

/** Readable ids for tasks in a plan (`KH-2023-01`); ULIDs when created in the app. */
export const assignmentId = id;

export const newAssignmentSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    assignmentId: z.optional(assignmentId),
    unitId: id,
    criteria: z.array(criterionRefSchema).check(z.minLength(1), z.maxLength(50)),
    title: text(300),
    description: z.optional(text(4000)),
    dueDate: isoDate,
    target: z.optional(targetSchema),
    /** Where the task comes from (plan number and section). */
    source: z.optional(text(500)),
  }),
);
export type NewAssignment = z.infer<typeof newAssignmentSchema>;

export const assignmentSchema = /* @__PURE__ */ droppable(() =>
  extendObject(newAssignmentSchema, {
    assignmentId,
    cycleId: id,
    entityId: id,
    version: z.number().check(z.int(), z.gte(1)),
    createdAt: isoDateTime(),
    createdBy: z.string(),
    updatedAt: z.optional(isoDateTime()),
    updatedBy: z.optional(z.string()),
  }),
);
export type Assignment = z.infer<typeof assignmentSchema>;

/** Changes to one assignment, conditional on its `version`; `target: null` removes the target. */
export const assignmentUpdateSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    version: z.number().check(z.int(), z.gte(1)),
    unitId: z.optional(id),
    criteria: z.optional(z.array(criterionRefSchema).check(z.minLength(1), z.maxLength(50))),
    title: z.optional(text(300)),
    description: z.optional(z.nullable(text(4000))),
    dueDate: z.optional(isoDate),
    target: z.optional(z.nullable(targetSchema)),
  }),
);
export type AssignmentUpdate = z.infer<typeof assignmentUpdateSchema>;

const OP_WORDS: [RegExp, Target['op']][] = [
  [/^(>=|≥|=>|tu|toi thieu|it nhat|khong duoi)/, '>='],
  [/^(<=|≤|=<|toi da|khong qua|khong vuot)/, '<='],
  [/^(>|tren|hon|vuot)/, '>'],
  [/^(<|duoi|thap hon)/, '<'],
  [/^(=|bang|dat)/, '='],
];

/** "> 85 %", "≥ 90%", "trên 85%", "đạt 100 hồ sơ" → a target; undefined when no number is found. */
export function parseTarget(raw: string): Target | undefined {
  const s = foldForSearch(raw).replace(/^muc\s+/, '');
  const m = /(-?\d+(?:[.,]\d+)?)\s*(.*)$/.exec(s);
  if (!m) return undefined;
  const head = s.slice(0, m.index).trim();
  const op = OP_WORDS.find(([re]) => re.test(head))?.[1] ?? (head === '' ? '=' : undefined);
  if (!op) return undefined;
  // The unit as written (diacritics kept), from the original text after the number.
  const original = raw.normalize('NFC').trim();
  const numMatch = /(-?\d+(?:[.,]\d+)?)\s*(.*)$/.exec(original);
  const unit = numMatch?.[2]?.trim() || undefined;
  return { op, value: Number(m[1]!.replace(',', '.')), ...(unit ? { unit } : {}) };
}

export function formatTarget(t: Target): string {
  return `${t.op} ${t.value}${t.unit ? ` ${t.unit}` : ''}`;
}

export interface AssignmentContext {
  cycle: Pick<Cycle, 'frameworkId' | 'frameworkVersion' | 'trackedFrameworks' | 'dates' | 'year'>;
  /** The cycle's framework versions by id. */
  frameworks: ReadonlyMap<string, FrameworkDocument>;
  units: readonly Unit[];
}

const issue = (field: string, vi: string, en: string): FieldIssue => ({ field, message: { vi, en } });

/** Rules that need the cycle: the unit belongs to the entity, each criterion exists in a cycle framework. */
export function checkAssignment(a: NewAssignment, ctx: AssignmentContext, prefix = 'body'): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (!ctx.units.some((u) => u.unitId === a.unitId))
    out.push(
      issue(
        `${prefix}.unitId`,
        `Phòng/đơn vị "${a.unitId}" không thuộc đơn vị được đánh giá.`,
        `Unit "${a.unitId}" does not belong to the assessed entity.`,
      ),
    );
  a.criteria.forEach((c, i) => {
    const fw = ctx.frameworks.get(c.frameworkId);
    if (!fw)
      out.push(
        issue(
          `${prefix}.criteria.${i}.frameworkId`,
          `Kỳ đánh giá không dùng bộ tiêu chí "${c.frameworkId}".`,
          `The cycle does not use framework "${c.frameworkId}".`,
        ),
      );
    else if (!findNode(fw, c.code))
      out.push(
        issue(
          `${prefix}.criteria.${i}.code`,
          `Không có tiêu chí ${c.code} trong ${c.frameworkId} phiên bản ${fw.version}.`,
          `Criterion ${c.code} is not in ${c.frameworkId} version ${fw.version}.`,
        ),
      );
  });
  const year = Number(a.dueDate.slice(0, 4));
  if (year < ctx.cycle.year || year > ctx.cycle.year + 1)
    out.push(
      issue(
        `${prefix}.dueDate`,
        `Hạn ${a.dueDate} nằm ngoài năm ${ctx.cycle.year} của kỳ đánh giá.`,
        `Due date ${a.dueDate} is outside the cycle's year ${ctx.cycle.year}.`,
      ),
    );
  return out;
}

/** Non-blocking remarks shown in a preview. */
export function assignmentWarnings(a: NewAssignment, ctx: AssignmentContext): Message[] {
  const out: Message[] = [];
  if (a.dueDate > ctx.cycle.dates.selfAssessmentDue)
    out.push({
      vi: `Hạn ${a.dueDate} sau hạn tự đánh giá ${ctx.cycle.dates.selfAssessmentDue}.`,
      en: `Due ${a.dueDate}, after the self-assessment deadline ${ctx.cycle.dates.selfAssessmentDue}.`,
    });
  return out;
}

/** Finds a unit by id or by its name as people type it (case and diacritics ignored). */
export function resolveUnit(units: readonly Unit[], raw: string): Unit | undefined {
  const key = foldForSearch(raw);
  return units.find(
    (u) => u.unitId === raw.trim() || foldForSearch(u.name.vi) === key || foldForSearch(u.name.en) === key,
  );
}
