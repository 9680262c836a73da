/**
 * What readiness reads of an entity's evidence (docs/readiness.md, rule 2): the links, state, document type and
 * dates of every evidence that is not deleted. A projection of the evidence items: an evidence item is ~1 KB
 * (metadata, files, search text) of which readiness needs ~100 bytes, and reading, unmarshalling and validating
 * the rest was most of the readiness route's own time. The fields read are validated with the same schemas the
 * full item is written with, so a corrupt item is still a `CorruptItemError` naming it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { guard } from '#adapters/guard.ts';
import { criterionCode, droppable, isoDate } from '#domain/common.ts';
import { documentType, EVIDENCE_STATES, effectivePeriodSchema } from '#domain/evidence-schemas.ts';
import type { EvidenceFact } from '#domain/readiness-model.ts';
import { isoDateTime } from '#domain/zod-lean.ts';
import { documentClient, tableName } from './client.ts';
import { DB } from './items.ts';
import { CorruptItemError, type Item } from './kernel/descriptor.ts';
import * as keys from './keys.ts';

const factSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    criterionCodes: z.array(criterionCode),
    state: z.enum(EVIDENCE_STATES),
    documentType: z.optional(documentType),
    issueDate: z.optional(isoDate),
    effectivePeriod: z.optional(effectivePeriodSchema),
    deletedAt: z.optional(isoDateTime()),
  }),
);

// `sk` names a corrupt item; `state` is a DynamoDB reserved word, hence a name for every attribute.
const PROJECTED = [
  'sk',
  'criterionCodes',
  'state',
  'documentType',
  'issueDate',
  'effectivePeriod',
  'deletedAt',
];

/** The query readiness sends for an entity's evidence (the bench sends the same one bare). */
export function evidenceFactsQuery(cycleId: string, entityId: string) {
  const { pk, skPrefix } = keys.evidencePrefix(cycleId, entityId);
  return {
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
    ProjectionExpression: PROJECTED.map((a) => `#${a}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(['pk', ...PROJECTED].map((a) => [`#${a}`, a])),
    ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
  };
}

/**
 * An evidence item (projected or whole: other attributes are dropped) as a readiness fact; `undefined` for a
 * deleted evidence. The in-memory adapter reads its items through this too.
 */
export function evidenceFactOf(pk: string, item: Item): EvidenceFact | undefined {
  const parsed = factSchema.safeParse(item);
  if (!parsed.success)
    throw new CorruptItemError('evidence', { pk, sk: String(item.sk) }, parsed.error.issues);
  const { deletedAt, ...fact } = parsed.data;
  return deletedAt === undefined ? fact : undefined;
}

/** Every evidence of an entity in a cycle that is not deleted, as readiness reads it (all pages). */
export async function listEvidenceFacts(cycleId: string, entityId: string): Promise<EvidenceFact[]> {
  const query = evidenceFactsQuery(cycleId, entityId);
  const pk = query.ExpressionAttributeValues[':pk'];
  const out: EvidenceFact[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await guard(DB, () =>
      documentClient().send(new QueryCommand({ TableName: tableName(), ...query, ExclusiveStartKey: start })),
    );
    for (const item of (page.Items ?? []) as Item[]) {
      const fact = evidenceFactOf(pk, item);
      if (fact) out.push(fact);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
