/** The audit trail (docs/scoring.md): append-only, read per entity or per criterion, by time. No use case edits it. */
import type { Actor } from '#domain/actor.ts';
import type { AssignmentRepository, AuditEntry, AuditRepository, Page } from '#ports.ts';
import {
  type ContextDeps,
  type CriterionRef,
  type EntityRef,
  loadCriterionContext,
  loadEntityContext,
} from './scoring-context.ts';

export interface AuditQuery {
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

export async function listEntityAudit(
  deps: ContextDeps & { audit: AuditRepository },
  actor: Actor,
  ref: EntityRef,
  q: AuditQuery,
): Promise<Page<AuditEntry>> {
  await loadEntityContext(deps, actor, 'audit:read', ref);
  return deps.audit.listByEntity(ref.cycleId, ref.entityId, q.order, q.limit, q.cursor);
}

/** Score, review, comment and survey changes of one criterion (evidence changes are in the entity's trail). */
export async function listCriterionAudit(
  deps: ContextDeps & { audit: AuditRepository; assignments: AssignmentRepository },
  actor: Actor,
  ref: CriterionRef,
  q: AuditQuery,
): Promise<Page<AuditEntry>> {
  await loadCriterionContext(deps, actor, 'audit:read', ref);
  return deps.audit.listByCriterion(ref.cycleId, ref.entityId, ref.criterionCode, q.order, q.limit, q.cursor);
}
