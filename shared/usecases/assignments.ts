/**
 * Assignments (nhiệm vụ): a unit answers for criteria of the cycle's frameworks by a due date. Admins create
 * them one by one or in bulk from one .xlsx sheet (preview, then commit); everyone in the entity reads them;
 * a new year's cycle can take last year's through the frameworks' version mappings.
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import {
  type Assignment,
  type AssignmentUpdate,
  assignmentWarnings,
  checkAssignment,
  type NewAssignment,
  newAssignmentSchema,
  parseTarget,
  resolveUnit,
} from '#domain/assignment.ts';
import { type Cycle, cycleFrameworks } from '#domain/cycle.ts';
import {
  ConflictError,
  type FieldIssue,
  type Message,
  NotFoundError,
  ValidationError,
} from '#domain/errors.ts';
import type { FrameworkDocument } from '#domain/framework.ts';
import { translateCodes } from '#domain/framework-versions.ts';
import type { Unit } from '#domain/organization.ts';
import { parseWithIssues } from '#domain/zod-issues.ts';
import type {
  AssignmentRepository,
  AssignmentSheetCodec,
  AuditEntry,
  Clock,
  CycleRepository,
  FrameworkRepository,
  IdGenerator,
  OrganizationRepository,
  Page,
  Progress,
} from '#ports.ts';
import { cycleNotFound } from './cycles.ts';
import { authorizeInScope } from './scope.ts';

interface ReadDeps {
  cycles: CycleRepository;
  frameworks: FrameworkRepository;
  org: OrganizationRepository;
  assignments: AssignmentRepository;
}
interface WriteDeps extends ReadDeps {
  clock: Clock;
  ids: IdGenerator;
}

interface Context {
  cycle: Cycle;
  frameworks: Map<string, FrameworkDocument>;
  units: Unit[];
}

async function loadContext(deps: ReadDeps, cycleId: string, entityId: string): Promise<Context> {
  const cycle = await deps.cycles.get(cycleId);
  if (!cycle) throw cycleNotFound(cycleId);
  if (!cycle.entityIds.includes(entityId))
    throw new NotFoundError({
      vi: `Đơn vị "${entityId}" không thuộc kỳ đánh giá này.`,
      en: `Entity "${entityId}" is not assessed in this cycle.`,
    });
  const refs = cycleFrameworks(cycle);
  const [docs, units] = await Promise.all([
    Promise.all(refs.map((r) => deps.frameworks.get(r.frameworkId, r.version))),
    deps.org.listUnits(entityId),
  ]);
  const frameworks = new Map<string, FrameworkDocument>();
  for (const d of docs) if (d) frameworks.set(d.frameworkId, d);
  return { cycle, frameworks, units };
}

export async function listAssignments(
  deps: ReadDeps,
  actor: Actor,
  ref: { cycleId: string; entityId: string },
  q: { unitId?: string; limit: number; cursor?: string },
): Promise<Page<Assignment>> {
  await authorizeInScope(deps, actor, 'assignment:read', { entityId: ref.entityId });
  await loadContext(deps, ref.cycleId, ref.entityId);
  return q.unitId
    ? deps.assignments.listByUnit(ref.cycleId, ref.entityId, q.unitId, q.limit, q.cursor)
    : deps.assignments.listByEntity(ref.cycleId, ref.entityId, q.limit, q.cursor);
}

function build(
  a: NewAssignment & { assignmentId: string },
  ref: { cycleId: string; entityId: string },
  actor: Actor,
  now: string,
): Assignment {
  return {
    ...a,
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    version: 1,
    createdAt: now,
    createdBy: actor.userId,
  };
}

const batchAudit =
  (deps: Pick<WriteDeps, 'ids'>, actor: Actor, now: string, action: string) =>
  (batch: readonly Assignment[]): AuditEntry => ({
    auditId: deps.ids.next(),
    at: now,
    actor: actorRef(actor),
    action,
    subject: `assignments/${batch[0]!.cycleId}/${batch[0]!.entityId}`,
    after: batch.map((a) => ({
      assignmentId: a.assignmentId,
      unitId: a.unitId,
      criteria: a.criteria,
      dueDate: a.dueDate,
    })),
  });

export async function createAssignment(
  deps: WriteDeps,
  actor: Actor,
  ref: { cycleId: string; entityId: string },
  input: NewAssignment,
): Promise<Assignment> {
  await authorizeInScope(deps, actor, 'assignment:write', { entityId: ref.entityId });
  const ctx = await loadContext(deps, ref.cycleId, ref.entityId);
  const issues = checkAssignment(input, ctx);
  if (issues.length) throw new ValidationError(issues);
  const now = deps.clock.now().toISOString();
  const a = build({ ...input, assignmentId: input.assignmentId ?? deps.ids.next() }, ref, actor, now);
  await deps.assignments.createMany([a], batchAudit(deps, actor, now, 'assignment.create'));
  return a;
}

/** Changes one assignment, conditional on its version, with the same checks as creating it. */
export async function updateAssignment(
  deps: WriteDeps,
  actor: Actor,
  ref: { cycleId: string; entityId: string; assignmentId: string },
  patch: AssignmentUpdate,
): Promise<Assignment> {
  await authorizeInScope(deps, actor, 'assignment:write', { entityId: ref.entityId });
  const ctx = await loadContext(deps, ref.cycleId, ref.entityId);
  const current = await deps.assignments.get(ref.cycleId, ref.entityId, ref.assignmentId);
  if (!current)
    throw new NotFoundError({
      vi: `Không có nhiệm vụ "${ref.assignmentId}".`,
      en: `Assignment "${ref.assignmentId}" not found.`,
    });
  if (patch.version !== current.version)
    throw new ConflictError(
      {
        vi: 'Nhiệm vụ đã được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
        en: 'Someone else changed this assignment. Review the current version and try again.',
      },
      current,
    );
  const { version: _v, target, description, ...changes } = patch;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const { target: _t, description: _d, ...kept } = current;
  const next: Assignment = {
    ...kept,
    ...defined,
    ...(target === undefined ? (current.target ? { target: current.target } : {}) : target ? { target } : {}),
    ...(description === undefined
      ? current.description
        ? { description: current.description }
        : {}
      : description
        ? { description }
        : {}),
    version: current.version + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: actor.userId,
  };
  const issues = checkAssignment(next, ctx);
  if (issues.length) throw new ValidationError(issues);
  await deps.assignments.update(next, current.version, {
    auditId: deps.ids.next(),
    at: next.updatedAt!,
    actor: actorRef(actor),
    action: 'assignment.update',
    subject: `assignment/${ref.cycleId}/${ref.entityId}/${ref.assignmentId}`,
    before: current,
    after: next,
  });
  return next;
}

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

const same = (a: NewAssignment, b: Assignment) =>
  JSON.stringify([a.unitId, a.criteria, a.title, a.description, a.dueDate, a.target, a.source]) ===
  JSON.stringify([b.unitId, b.criteria, b.title, b.description, b.dueDate, b.target, b.source]);

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
  for (const { row, values } of read.rows) {
    const rowProblems: RowIssue[] = [];
    const fail = (field: string, vi: string, en: string) =>
      rowProblems.push({
        row,
        field: `rows.${row}.${field}`,
        message: { vi: `Dòng ${row}: ${vi}`, en: `Row ${row}: ${en}` },
      });
    const unit = values.unit ? resolveUnit(ctx.units, values.unit) : undefined;
    if (values.unit && !unit)
      fail(
        'unit',
        `không có phòng/đơn vị "${values.unit}" (có: ${ctx.units.map((u) => u.name.vi).join('; ')}).`,
        `no unit "${values.unit}" (known: ${ctx.units.map((u) => u.name.en).join('; ')}).`,
      );
    const target = values.target ? parseTarget(values.target) : undefined;
    if (values.target && !target)
      fail(
        'target',
        `chỉ tiêu "${values.target}" không đọc được (vd. > 85 %).`,
        `target "${values.target}" is not readable (e.g. > 85 %).`,
      );
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
    const parsed = parseWithIssues(
      newAssignmentSchema.required({ assignmentId: true }),
      candidate,
      `rows.${row}`,
    );
    if (!parsed.ok)
      for (const i of parsed.issues)
        rowProblems.push({
          row,
          field: i.field,
          message: {
            vi: `Dòng ${row}: ${i.field.split('.').slice(2).join('.')} — ${i.message.vi}`,
            en: `Row ${row}: ${i.field.split('.').slice(2).join('.')} — ${i.message.en}`,
          },
        });
    if (parsed.ok && unit) {
      const a = parsed.data;
      for (const i of checkAssignment(a, ctx, `rows.${row}`))
        rowProblems.push({
          row,
          field: i.field,
          message: { vi: `Dòng ${row}: ${i.message.vi}`, en: `Row ${row}: ${i.message.en}` },
        });
      const dup = seen.get(a.assignmentId);
      if (dup !== undefined)
        fail(
          'assignmentId',
          `mã nhiệm vụ ${a.assignmentId} trùng với dòng ${dup}.`,
          `task id ${a.assignmentId} repeats row ${dup}.`,
        );
      seen.set(a.assignmentId, row);
      const stored = existingById.get(a.assignmentId);
      if (stored && rowProblems.length === 0) {
        if (same(a, stored)) {
          plan.unchanged.push({ row, assignmentId: a.assignmentId });
          continue;
        }
        fail(
          'assignmentId',
          `đã có nhiệm vụ ${a.assignmentId} với nội dung khác; sửa nhiệm vụ đó hoặc dùng mã khác.`,
          `task ${a.assignmentId} already exists with different content; edit it or use another id.`,
        );
      }
      if (rowProblems.length === 0) {
        for (const w of assignmentWarnings(a, ctx))
          plan.warnings.push({
            row,
            field: `rows.${row}.dueDate`,
            message: { vi: `Dòng ${row}: ${w.vi}`, en: `Row ${row}: ${w.en}` },
          });
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
    }
    plan.problems.push(...rowProblems);
  }
  if (read.rows.length === 0 && plan.problems.length === 0)
    plan.problems.push({
      field: 'file',
      message: { vi: 'Tệp không có dòng nhiệm vụ nào.', en: 'The file has no task rows.' },
    });
  plan.ok = plan.problems.length === 0;
  if (req.mode === 'preview') return plan;
  if (!plan.ok)
    throw new ValidationError(
      plan.problems.map(
        (p): FieldIssue => ({
          field: p.row !== undefined ? `file.rows.${p.row}` : `file.${p.field}`,
          message: p.message,
        }),
      ),
      {
        vi: `Tệp có ${plan.problems.length} lỗi; chưa ghi gì.`,
        en: `The file has ${plan.problems.length} problem(s); nothing was written.`,
      },
    );
  const now = deps.clock.now().toISOString();
  await deps.assignments.createMany(
    ready.map((a) => build({ ...a, assignmentId: a.assignmentId! }, ref, actor, now)),
    batchAudit(deps, actor, now, 'assignment.import'),
    onProgress,
  );
  return plan;
}

export interface CarryForwardPlan {
  dryRun: boolean;
  created: Pick<Assignment, 'assignmentId' | 'unitId' | 'criteria' | 'dueDate'>[];
  /** Criteria the new versions removed (the assignment is kept with the codes that remain). */
  droppedCriteria: { assignmentId: string; frameworkId: string; code: string; removedIn?: number }[];
  /** Assignments left behind: every criterion gone, or the unit no longer exists. */
  skipped: { assignmentId: string; reason: Message }[];
  alreadyThere: string[];
}

const shiftYear = (date: string, years: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Math.min(d, new Date(Date.UTC(y + years, m, 0)).getUTCDate());
  return `${y + years}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Loads versions from..to of one framework (consecutive), or undefined when one is missing. */
async function versionChain(frameworks: FrameworkRepository, frameworkId: string, from: number, to: number) {
  if (to < from) return undefined;
  const docs = await Promise.all(
    Array.from({ length: to - from + 1 }, (_, i) => frameworks.get(frameworkId, from + i)),
  );
  return docs.every(Boolean) ? (docs as FrameworkDocument[]) : undefined;
}

/**
 * Copies an earlier cycle's assignments of one entity into this cycle: criteria codes are translated through
 * each framework's version mappings (split codes fan out, merged ones collapse, removed ones are reported),
 * due dates move by the difference in years. Idempotent: assignments already present are left alone.
 */
export async function carryForwardAssignments(
  deps: WriteDeps,
  actor: Actor,
  ref: { cycleId: string; entityId: string },
  input: { fromCycleId: string; dryRun: boolean },
): Promise<CarryForwardPlan> {
  await authorizeInScope(deps, actor, 'assignment:write', { entityId: ref.entityId });
  const ctx = await loadContext(deps, ref.cycleId, ref.entityId);
  const source = await deps.cycles.get(input.fromCycleId);
  if (!source?.entityIds.includes(ref.entityId))
    throw new ValidationError([
      {
        field: 'body.fromCycleId',
        message: {
          vi: `Kỳ "${input.fromCycleId}" không có hoặc không đánh giá đơn vị này.`,
          en: `Cycle "${input.fromCycleId}" does not exist or does not assess this entity.`,
        },
      },
    ]);
  const [old, current] = await Promise.all([
    deps.assignments.listAll(source.cycleId, ref.entityId),
    deps.assignments.listAll(ref.cycleId, ref.entityId),
  ]);
  const targetVersion = new Map(cycleFrameworks(ctx.cycle).map((r) => [r.frameworkId, r.version]));
  const chains = new Map<string, FrameworkDocument[] | undefined>();
  for (const r of cycleFrameworks(source)) {
    const to = targetVersion.get(r.frameworkId);
    chains.set(
      r.frameworkId,
      to === undefined ? undefined : await versionChain(deps.frameworks, r.frameworkId, r.version, to),
    );
  }
  const plan: CarryForwardPlan = {
    dryRun: input.dryRun,
    created: [],
    droppedCriteria: [],
    skipped: [],
    alreadyThere: [],
  };
  const have = new Set(current.map((a) => a.assignmentId));
  const years = ctx.cycle.year - source.year;
  const now = deps.clock.now().toISOString();
  const out: Assignment[] = [];
  for (const a of old) {
    if (have.has(a.assignmentId)) {
      plan.alreadyThere.push(a.assignmentId);
      continue;
    }
    if (!ctx.units.some((u) => u.unitId === a.unitId)) {
      plan.skipped.push({
        assignmentId: a.assignmentId,
        reason: { vi: `Phòng/đơn vị ${a.unitId} không còn.`, en: `Unit ${a.unitId} no longer exists.` },
      });
      continue;
    }
    const criteria: Assignment['criteria'] = [];
    for (const c of a.criteria) {
      const chain = chains.get(c.frameworkId);
      if (!chain) {
        plan.droppedCriteria.push({ assignmentId: a.assignmentId, frameworkId: c.frameworkId, code: c.code });
        continue;
      }
      const t = translateCodes([c.code], chain);
      for (const code of t.codes) criteria.push({ frameworkId: c.frameworkId, code });
      for (const d of t.dropped)
        plan.droppedCriteria.push({
          assignmentId: a.assignmentId,
          frameworkId: c.frameworkId,
          code: d.code,
          removedIn: d.removedIn,
        });
    }
    const unique = [...new Map(criteria.map((c) => [`${c.frameworkId}:${c.code}`, c])).values()];
    if (unique.length === 0) {
      plan.skipped.push({
        assignmentId: a.assignmentId,
        reason: { vi: 'Mọi tiêu chí của nhiệm vụ đã bị bỏ.', en: 'Every criterion of the task was removed.' },
      });
      continue;
    }
    const next = build(
      {
        assignmentId: a.assignmentId,
        unitId: a.unitId,
        criteria: unique,
        title: a.title,
        dueDate: shiftYear(a.dueDate, years),
        ...(a.description ? { description: a.description } : {}),
        ...(a.target ? { target: a.target } : {}),
        source: a.source ? `${a.source} (chuyển từ kỳ ${source.cycleId})` : `Chuyển từ kỳ ${source.cycleId}`,
      },
      ref,
      actor,
      now,
    );
    out.push(next);
    plan.created.push({
      assignmentId: next.assignmentId,
      unitId: next.unitId,
      criteria: next.criteria,
      dueDate: next.dueDate,
    });
  }
  if (!input.dryRun && out.length)
    await deps.assignments.createMany(out, batchAudit(deps, actor, now, 'assignment.carry-forward'));
  return plan;
}
