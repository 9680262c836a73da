/**
 * What readiness reads of an entity's evidence and scores (docs/readiness.md, rules 2–4): projections of those
 * items. An evidence item is ~1 KB (metadata, files, search text) of which readiness needs ~100 bytes (links,
 * state, document type, dates), and reading, unmarshalling and validating the rest of every item was most of the
 * readiness route's own time; a score holds its review trail beside the five fields readiness reads. The fields
 * read are validated with the schemas the whole items are written with, so a corrupt item is still a
 * `CorruptItemError` naming it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { guard } from '#adapters/guard.ts';
import { criterionCode, droppable, isoDate } from '#domain/common.ts';
import { documentType, EVIDENCE_STATES, effectivePeriodSchema } from '#domain/evidence-schemas.ts';
import type { EvidenceFact, ScoreFact } from '#domain/readiness-model.ts';
import { REVIEW_STATES } from '#domain/readiness-model.ts';
import { isoDateTime } from '#domain/zod-lean.ts';
import { documentClient, tableName } from './client.ts';
import { DB } from './items.ts';
import { CorruptItemError, type Item } from './kernel/descriptor.ts';
import * as keys from './keys.ts';

const evidenceState = /* @__PURE__ */ droppable(() => z.enum(EVIDENCE_STATES));
const deletedAt = /* @__PURE__ */ droppable(() => isoDateTime());

const evidenceFactSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    criterionCodes: z.array(criterionCode),
    state: evidenceState,
    documentType: z.optional(documentType),
    issueDate: z.optional(isoDate),
    effectivePeriod: z.optional(effectivePeriodSchema),
    deletedAt: z.optional(deletedAt),
  }),
);

const scoreFactSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    criterionCode,
    state: z.enum(REVIEW_STATES),
    selfScore: z.optional(z.number()),
    explanation: z.optional(z.string()),
    appraisedScore: z.optional(z.number()),
  }),
);

/** A partition's items under a prefix with only `attributes` (and `sk`, which names a corrupt item). */
function projectedQuery(at: { pk: string; skPrefix: string }, attributes: readonly string[]) {
  const projected = ['sk', ...attributes];
  // Names for every attribute: `state` is a DynamoDB reserved word.
  return {
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
    ProjectionExpression: projected.map((a) => `#${a}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(['pk', ...projected].map((a) => [`#${a}`, a])),
    ExpressionAttributeValues: { ':pk': at.pk, ':sk': at.skPrefix },
  };
}

/** The query readiness sends for an entity's evidence (the bench sends the same one bare). */
export const evidenceFactsQuery = (cycleId: string, entityId: string) =>
  projectedQuery(keys.evidencePrefix(cycleId, entityId), [
    'criterionCodes',
    'state',
    'documentType',
    'issueDate',
    'effectivePeriod',
    'deletedAt',
  ]);

/** The query readiness sends for an entity's scores (the bench sends the same one bare). */
export const scoreFactsQuery = (cycleId: string, entityId: string) =>
  projectedQuery(keys.scorePrefix(cycleId, entityId), [
    'criterionCode',
    'state',
    'selfScore',
    'explanation',
    'appraisedScore',
  ]);

function parsed<T>(schema: z.ZodMiniType<T>, type: string, pk: string, item: Item): T {
  const result = schema.safeParse(item);
  if (!result.success) throw new CorruptItemError(type, { pk, sk: String(item.sk) }, result.error.issues);
  return result.data;
}

/**
 * An evidence item (projected or whole: other attributes are dropped) as a readiness fact; `undefined` for a
 * deleted evidence.
 */
export function evidenceFactOf(pk: string, item: Item): EvidenceFact | undefined {
  const { deletedAt, ...fact } = parsed(evidenceFactSchema, 'evidence', pk, item);
  return deletedAt === undefined ? fact : undefined;
}

/** A string one schema accepts, remembered: an entity's 600 evidence share a few dozen codes, types and dates. */
function validOnce(schema: z.ZodMiniType<string>) {
  const known = new Set<string>();
  return (value: unknown): boolean => {
    if (typeof value !== 'string') return false;
    if (known.has(value)) return true;
    if (!schema.safeParse(value).success) return false;
    known.add(value);
    return true;
  };
}

/**
 * `evidenceFactOf` for the items of one read, with each distinct string checked once by the same field schemas
 * (per item, zod's object machinery was most of the read's own time). An item with anything else — a value a
 * schema refuses, a missing or mistyped field, an effective period (checked whole, it is rare) — goes through
 * `evidenceFactOf`, so the result and any `CorruptItemError` are the same. The in-memory adapter reads with it too.
 */
export function evidenceFactReader(): (pk: string, item: Item) => EvidenceFact | undefined {
  const code = validOnce(criterionCode);
  const state = validOnce(evidenceState);
  const type = validOnce(documentType);
  const date = validOnce(isoDate);
  const time = validOnce(deletedAt);
  const optional = (check: (v: unknown) => boolean, v: unknown) => v === undefined || check(v);
  return (pk, item) => {
    const codes = item.criterionCodes;
    const plain =
      Array.isArray(codes) &&
      codes.every(code) &&
      state(item.state) &&
      optional(type, item.documentType) &&
      optional(date, item.issueDate) &&
      item.effectivePeriod === undefined &&
      optional(time, item.deletedAt);
    if (!plain) return evidenceFactOf(pk, item);
    if (item.deletedAt !== undefined) return undefined;
    const fact: EvidenceFact = { criterionCodes: [...codes], state: item.state as EvidenceFact['state'] };
    if (item.documentType !== undefined) fact.documentType = item.documentType as string;
    if (item.issueDate !== undefined) fact.issueDate = item.issueDate as string;
    return fact;
  };
}

/** A score item (projected or whole) as a readiness fact. */
export const scoreFactOf = (pk: string, item: Item): ScoreFact => parsed(scoreFactSchema, 'score', pk, item);

/** Every item a projected query finds (all pages), each through `factOf`; `undefined` facts are left out. */
async function queryFacts<T>(
  query: ReturnType<typeof projectedQuery>,
  factOf: (pk: string, item: Item) => T | undefined,
): Promise<T[]> {
  const pk = query.ExpressionAttributeValues[':pk'];
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await guard(DB, () =>
      documentClient().send(new QueryCommand({ TableName: tableName(), ...query, ExclusiveStartKey: start })),
    );
    for (const item of (page.Items ?? []) as Item[]) {
      const fact = factOf(pk, item);
      if (fact !== undefined) out.push(fact);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Every evidence of an entity in a cycle that is not deleted, as readiness reads it. */
export const listEvidenceFacts = (cycleId: string, entityId: string): Promise<EvidenceFact[]> =>
  queryFacts(evidenceFactsQuery(cycleId, entityId), evidenceFactReader());

/** Every score of an entity in a cycle, as readiness reads it. */
export const listScoreFacts = (cycleId: string, entityId: string): Promise<ScoreFact[]> =>
  queryFacts(scoreFactsQuery(cycleId, entityId), scoreFactOf);
