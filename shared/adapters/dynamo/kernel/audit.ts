/**
 * The append-only audit entry, built in one place: written with `attribute_not_exists` in the same
 * transaction as the change it records, never updated or deleted.
 */
import * as z from 'zod';
import { ROLES } from '#domain/actor.ts';
import type { AuditEntry } from '#ports.ts';
import { keys } from '../keys.ts';
import { itemType } from './descriptor.ts';

/**
 * Where an entry goes: the entity's cycle partition (`scope`), or the global audit partition (no scope:
 * cycles, frameworks, users, exports of a cycle). With `criterionCode`, the criterion's trail (gsi1) lists it.
 */
export interface AuditPlacement {
  entry: AuditEntry;
  scope?: { cycleId: string; entityId: string };
  criterionCode?: string;
}

const auditEntrySchema: z.ZodType<AuditEntry> = z.object({
  auditId: z.string().min(1),
  at: z.string(),
  actor: z.object({ userId: z.string(), role: z.enum(ROLES), name: z.string().optional() }),
  action: z.string(),
  subject: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const auditItem = itemType<AuditEntry, AuditPlacement>({
  type: 'audit',
  schema: auditEntrySchema,
  key: ({ entry, scope }) =>
    scope ? keys.audit(scope.cycleId, scope.entityId, entry.auditId) : keys.globalAudit(entry.auditId),
  index: ({ entry, scope, criterionCode }) =>
    scope && criterionCode
      ? keys.criterionAuditIndex(scope.cycleId, scope.entityId, criterionCode, entry.auditId)
      : {},
  attributes: ({ entry }) => ({ ...entry }),
});

/** The audit entry as a write: created once, never overwritten. */
export const auditWrite = (placement: AuditPlacement) => ({
  put: auditItem.toItem(placement),
  when: { absent: true } as const,
  label: 'audit',
});
