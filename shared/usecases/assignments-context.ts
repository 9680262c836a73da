/**
 * What the assignment use cases share: their deps, the cycle context an assignment is checked against (its
 * frameworks and the entity's units), and how a new assignment and its batch audit entry are built.
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import type { Assignment, NewAssignment } from '#domain/assignment.ts';
import { type Cycle, cycleFrameworks } from '#domain/cycle.ts';
import { NotFoundError } from '#domain/errors.ts';
import type { FrameworkDocument } from '#domain/framework.ts';
import type { Unit } from '#domain/organization.ts';
import type {
  AssignmentRepository,
  AuditEntry,
  Clock,
  CycleRepository,
  FrameworkRepository,
  IdGenerator,
  OrganizationRepository,
} from '#ports.ts';
import { cycleNotFound } from './cycles.ts';

export interface ReadDeps {
  cycles: CycleRepository;
  frameworks: FrameworkRepository;
  org: OrganizationRepository;
  assignments: AssignmentRepository;
}
export interface WriteDeps extends ReadDeps {
  clock: Clock;
  ids: IdGenerator;
}

export interface Context {
  cycle: Cycle;
  frameworks: Map<string, FrameworkDocument>;
  units: Unit[];
}

export async function loadContext(deps: ReadDeps, cycleId: string, entityId: string): Promise<Context> {
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

export function build(
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

export const batchAudit =
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
