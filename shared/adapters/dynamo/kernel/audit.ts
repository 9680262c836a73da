/**
 * The append-only audit entry, built in one place: written with `attribute_not_exists` in the same
 * transaction as the change it records, never updated or deleted.
 */
import * as z from 'zod/mini';
import { ROLES } from '#domain/actor.ts';
import { droppable } from '#domain/common.ts';
import type { AuditEntry } from '#ports.ts';
import * as keys from '../keys.ts';
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

// Droppable (shared/domain/common.ts): a function that writes nothing keeps neither.
const auditEntrySchema: z.ZodMiniType<AuditEntry> = /* @__PURE__ */ droppable(() =>
  z.object({
    auditId: z.string().check(z.minLength(1)),
    at: z.string(),
    actor: z.object({ userId: z.string(), role: z.enum(ROLES), name: z.optional(z.string()) }),
    action: z.string(),
    subject: z.string(),
    before: z.optional(z.unknown()),
    after: z.optional(z.unknown()),
  }),
);

export const auditItem = /* @__PURE__ */ droppable(() =>
  itemType<AuditEntry, AuditPlacement>({
    type: 'audit',
    schema: auditEntrySchema,
    key: ({ entry, scope }) =>
      scope ? keys.audit(scope.cycleId, scope.entityId, entry.auditId) : keys.globalAudit(entry.auditId),
    index: ({ entry, scope, criterionCode }) =>
      scope && criterionCode
        ? keys.criterionAuditIndex(scope.cycleId, scope.entityId, criterionCode, entry.auditId)
        : {},
    attributes: ({ entry }) => ({ ...entry }),
  }),
);

/** The audit entry as a write: created once, never overwritten. */
export const auditWrite = (placement: AuditPlacement) => ({
  put: auditItem.toItem(placement),
  when: { absent: true } as const,
  label: 'audit',
});
