/**
 * The kernel's writes as indexes, for callers that only need "which write failed": `[]` committed, the
 * indexes whose condition failed, `[-1]` when other writers kept winning. New code calls `writeItems`.
 */
import type { AuditEntry } from '#ports.ts';
import { auditWrite } from './kernel/audit.ts';
import { type Write, writeItems } from './kernel/write.ts';

export type TransactItem = Write;

/** An audit entry of the entity's cycle partition that the criterion's trail (gsi1) also lists. */
export const criterionAuditPut = (
  scope: { cycleId: string; entityId: string },
  criterionCode: string,
  entry: AuditEntry,
): Write => auditWrite({ entry, scope, criterionCode });

export async function transact(items: Write[], attempts = 4): Promise<number[]> {
  const result = await writeItems(items, { attempts });
  return result.committed ? [] : result.indexes;
}
