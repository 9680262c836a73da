/**
 * Transactions for the scoring records: retried when DynamoDB cancels them for a concurrent transaction on
 * the same item (`TransactionConflict`, nobody's condition failed yet), so a race ends as one winner and one
 * `ConflictError`, never as two failures. Audit entries about a criterion are also indexed by it.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { guard } from '#adapters/guard.ts';
import type { AuditEntry } from '#ports.ts';
import { documentClient } from './client.ts';
import { auditPut, DB } from './items.ts';
import { keys } from './keys.ts';

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;
export type TransactItem = TransactItems[number];

/** An audit entry of the entity's cycle partition that the criterion's trail (gsi1) also lists. */
export function criterionAuditPut(
  scope: { cycleId: string; entityId: string },
  criterionCode: string,
  audit: AuditEntry,
): TransactItem {
  const put = auditPut(scope, audit);
  return {
    Put: {
      ...put.Put,
      Item: {
        ...put.Put.Item,
        ...keys.criterionAuditIndex(scope.cycleId, scope.entityId, criterionCode, audit.auditId),
      },
    },
  };
}

/**
 * Commits the items as one transaction. Returns the indexes of the items whose condition failed (empty on
 * success, `[-1]` when other writers kept winning); retries on transaction conflicts with other writers.
 */
export async function transact(items: TransactItem[], attempts = 4): Promise<number[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      await guard(DB, () => documentClient().send(new TransactWriteCommand({ TransactItems: items })));
      return [];
    } catch (e) {
      if ((e as { name?: string }).name !== 'TransactionCanceledException') throw e;
      const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
      if (failed.length) return failed;
      if (!reasons.some((r) => r.Code === 'TransactionConflict')) throw e;
      // Still contended after the retries: report a conflict (the caller answers 409 with the current state).
      if (attempt >= attempts) return [-1];
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}
