/** The writes every in-memory repository shares: the append-only audit entry and the version conditions. */
import { keys } from '#adapters/dynamo/keys.ts';
import type { AuditEntry, AuditScope } from '#ports.ts';
import { absent, atVersion, type Condition, type Write } from './table.ts';

/** An audit entry in the entity's cycle partition (or the global trail), written once and never overwritten. */
export function auditWrite(scope: AuditScope | undefined, audit: AuditEntry): Write {
  const key = scope
    ? keys.audit(scope.cycleId, scope.entityId, audit.auditId)
    : keys.globalAudit(audit.auditId);
  return { put: { ...key, _type: 'audit', ...audit }, condition: absent };
}

/** An audit entry that the criterion's trail (gsi1) also lists. */
export function criterionAuditWrite(scope: AuditScope, criterionCode: string, audit: AuditEntry): Write {
  const write = auditWrite(scope, audit) as { put: Record<string, unknown>; condition: Condition };
  return {
    put: {
      ...write.put,
      ...keys.criterionAuditIndex(scope.cycleId, scope.entityId, criterionCode, audit.auditId),
    },
    condition: write.condition,
  };
}

/** `expectedVersion` absent: the item must not exist yet; else it must still be at that version. */
export const expecting = (expectedVersion: number | undefined): Condition =>
  expectedVersion === undefined ? absent : atVersion(expectedVersion);

/** A failed TransactWriteItems outside the repositories' own conflict handling, as the SDK names it. */
export class TransactionCanceled extends Error {
  readonly failed: number[];
  constructor(failed: number[]) {
    super(
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${failed.join(', ')}]`,
    );
    this.name = 'TransactionCanceledException';
    this.failed = failed;
  }
}
