/**
 * Bulk assignments from one .xlsx sheet (docs/assignments.md): every row is checked on its own, against the
 * rows before it and against what is stored; a preview reports the plan, a commit writes it only when no
 * row has a problem. A row identical to a stored assignment is skipped, so a file can be imported twice.
 */

import * as z from 'zod/mini';
import type { Actor } from '#domain/actor.ts';
import {
  type Assignment,
  assignmentWarnings,
  checkAssignment,
  type NewAssignment,
  newAssignmentSchema,
  parseTarget,
  resolveUnit,
} from '#domain/assignment.ts';
import { type FieldIssue, type Message, ValidationError } from '#domain/errors.ts';
import { parseWithIssues } from '#domain/zod-issues.ts';
import type { AssignmentSheetCodec, Progress } from '#ports.ts';
import { batchAudit, build, type Context, loadContext, type WriteDeps } from './assignments-context.ts';
import { authorizeInScope } from './scope.ts';

export interface RowIssue {
  row?: number;
  field: string;
  message: Message;
}

export interface AssignmentImportPlan {
  mode: 'preview' | 'commit';
  ok: boolean;
  creates: (Pick<Assignment, 'assignmentId' | 'unitId' | 'criteria' | 'title' | 'dueDate' | 'target'> & {
    row: number;
  })[];
  /** Rows identical to an assignment already stored: skipped, so a file can be imported twice. */
  unchanged: { row: number; assignmentId: string }[];
  warnings: RowIssue[];
  problems: RowIssue[];
}

interface SheetRow {
  row: number;
  values: Partial<Record<string, string>>;
}

/** What one row comes to: problems, or an unchanged stored assignment, or an assignment to create. */
interface RowPlan {
  problems: RowIssue[];
  unchanged?: string;
  create?: NewAssignment;
  warnings?: RowIssue[];
}

const same = (a: NewAssignment, b: Assignment) =>
  JSON.stringify([a.unitId, a.criteria, a.title, a.description, a.dueDate, a.target, a.source]) ===
  JSON.stringify([b.unitId, b.criteria, b.title, b.description, b.dueDate, b.target, b.source]);

const rowMessage = (row: number, m: Message): Message => ({
  vi: `Dòng ${row}: ${m.vi}`,
  en: `Row ${row}: ${m.en}`,
});

/**
 * The row's cells as an assignment candidate: the unit found by name or id, the target parsed, the criteria
 * list split (`framework:code`, or a code of the cycle's primary framework). Unreadable cells are problems.
 */
function readCells({ values }: SheetRow, ctx: Context, fail: (field: string, m: Message) => void) {
  const unit = values.unit ? resolveUnit(ctx.units, values.unit) : undefined;
  if (values.unit && !unit)
    fail('unit', {
      vi: `không có phòng/đơn vị "${values.unit}" (có: ${ctx.units.map((u) => u.name.vi).join('; ')}).`,
      en: `no unit "${values.unit}" (known: ${ctx.units.map((u) => u.name.en).join('; ')}).`,
    });
  const target = values.target ? parseTarget(values.target) : undefined;
  if (values.target && !target)
    fail('target', {
      vi: `chỉ tiêu "${values.target}" không đọc được (vd. > 85 %).`,
      en: `target "${values.target}" is not readable (e.g. > 85 %).`,
    });
  const criteria = (values.criteria ?? '')
    .split(/[,;\n]/)
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const [fw, code] = c.includes(':') ? c.split(':', 2) : [ctx.cycle.frameworkId, c];
      return { frameworkId: fw!.trim(), code: code!.trim() };
    });
  const candidate = {
    assignmentId: values.assignmentId,
    unitId: unit?.unitId ?? values.unit,
    criteria,
    title: values.title,
    description: values.description,
    dueDate: values.dueDate,
    target,
    source: values.source,
  };
  return { unit, candidate };
}

/**
 * Checks one row: its cells, the schema, the assignment rules, an id repeated from an earlier row (`seen`),
 * and an id already stored with other content.
 */
function planRow(
  sheetRow: SheetRow,
  ctx: Context,
  existingById: ReadonlyMap<string, Assignment>,
  seen: Map<string, number>,
): RowPlan {
  const { row } = sheetRow;
  const problems: RowIssue[] = [];
  const fail = (field: string, m: Message) =>
    problems.push({ row, field: `rows.${row}.${field}`, message: rowMessage(row, m) });
  const { unit, candidate } = readCells(sheetRow, ctx, fail);
  const parsed = parseWithIssues(
    z.required(newAssignmentSchema, { assignmentId: true }),
    candidate,
    `rows.${row}`,
  );
  if (!parsed.ok)
    for (const i of parsed.issues) {
      const cell = i.field.split('.').slice(2).join('.');
      problems.push({
        row,
        field: i.field,
        message: rowMessage(row, { vi: `${cell} — ${i.message.vi}`, en: `${cell} — ${i.message.en}` }),
      });
    }
  if (!parsed.ok || !unit) return { problems };
  const a = parsed.data;
  for (const i of checkAssignment(a, ctx, `rows.${row}`))
    problems.push({ row, field: i.field, message: rowMessage(row, i.message) });
  const dup = seen.get(a.assignmentId);
  if (dup !== undefined)
    fail('assignmentId', {
      vi: `mã nhiệm vụ ${a.assignmentId} trùng với dòng ${dup}.`,
      en: `task id ${a.assignmentId} repeats row ${dup}.`,
    });
  seen.set(a.assignmentId, row);
  const stored = existingById.get(a.assignmentId);
  if (stored && problems.length === 0) {
    if (same(a, stored)) return { problems, unchanged: a.assignmentId };
    fail('assignmentId', {
      vi: `đã có nhiệm vụ ${a.assignmentId} với nội dung khác; sửa nhiệm vụ đó hoặc dùng mã khác.`,
      en: `task ${a.assignmentId} already exists with different content; edit it or use another id.`,
    });
  }
  if (problems.length) return { problems };
  const warnings = assignmentWarnings(a, ctx).map((w) => ({
    row,
    field: `rows.${row}.dueDate`,
    message: rowMessage(row, w),
  }));
  return { problems, create: a, warnings };
}

/** A commit with problems writes nothing: every problem becomes a field issue of the file. */
function refusal(problems: readonly RowIssue[]): ValidationError {
  return new ValidationError(
    problems.map(
      (p): FieldIssue => ({
        field: p.row !== undefined ? `file.rows.${p.row}` : `file.${p.field}`,
        message: p.message,
      }),
    ),
    {
      vi: `Tệp có ${problems.length} lỗi; chưa ghi gì.`,
      en: `The file has ${problems.length} problem(s); nothing was written.`,
    },
  );
}

export async function importAssignments(
  deps: WriteDeps & { sheets: Pick<AssignmentSheetCodec, 'read'> },
  actor: Actor,
  ref: { cycleId: string; entityId: string },
  req: { mode: 'preview' | 'commit'; bytes: Uint8Array },
  onProgress?: Progress,
): Promise<AssignmentImportPlan> {
  await authorizeInScope(deps, actor, 'assignment:write', { entityId: ref.entityId });
  const ctx = await loadContext(deps, ref.cycleId, ref.entityId);
  const [read, existing] = await Promise.all([
    deps.sheets.read(req.bytes, onProgress),
    deps.assignments.listAll(ref.cycleId, ref.entityId),
  ]);
  const existingById = new Map(existing.map((a) => [a.assignmentId, a]));
  const plan: AssignmentImportPlan = {
    mode: req.mode,
    ok: false,
    creates: [],
    unchanged: [],
    warnings: [],
    problems: [...read.problems],
  };
  const seen = new Map<string, number>();
  const ready: NewAssignment[] = [];
  for (const sheetRow of read.rows) {
    const { row } = sheetRow;
    const r = planRow(sheetRow, ctx, existingById, seen);
    if (r.unchanged) plan.unchanged.push({ row, assignmentId: r.unchanged });
    if (r.create) {
      const a = r.create;
      plan.warnings.push(...(r.warnings ?? []));
      ready.push(a);
      plan.creates.push({
        row,
        assignmentId: a.assignmentId!,
        unitId: a.unitId,
        criteria: a.criteria,
        title: a.title,
        dueDate: a.dueDate,
        ...(a.target ? { target: a.target } : {}),
      });
    }
    plan.problems.push(...r.problems);
  }
  if (read.rows.length === 0 && plan.problems.length === 0)
    plan.problems.push({
      field: 'file',
      message: { vi: 'Tệp không có dòng nhiệm vụ nào.', en: 'The file has no task rows.' },
    });
  plan.ok = plan.problems.length === 0;
  if (req.mode === 'preview') return plan;
  if (!plan.ok) throw refusal(plan.problems);
  const now = deps.clock.now().toISOString();
  await deps.assignments.createMany(
    ready.map((a) => build({ ...a, assignmentId: a.assignmentId! }, ref, actor, now)),
    batchAudit(deps, actor, now, 'assignment.import'),
    onProgress,
  );
  return plan;
}
