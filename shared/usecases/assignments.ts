/**
 * Assignments (nhiệm vụ): a unit answers for criteria of the cycle's frameworks by a due date. Admins create
 * them one by one or in bulk from one .xlsx sheet (preview, then commit); everyone in the entity reads them;
 * a new year's cycle can take last year's through the frameworks' version mappings.
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import {
  type Assignment,
  type AssignmentUpdate,
  checkAssignment,
  type NewAssignment,
} from '#domain/assignment.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import type { Page } from '#ports.ts';
import { batchAudit, build, loadContext, type ReadDeps, type WriteDeps } from './assignments-context.ts';
import { authorizeInScope } from './scope.ts';

export { type CarryForwardPlan, carryForwardAssignments } from './assignments-carry.ts';
export { type AssignmentImportPlan, importAssignments, type RowIssue } from './assignments-import.ts';

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
