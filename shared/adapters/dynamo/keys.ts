/**
 * Key builders, one place per entity. Nothing else in the code base spells a key.
 * `CE` = one entity inside one cycle: the partition that holds its evidence, scores and audit trail, so the
 * readiness of an entity is a single Query.
 */
import { ValidationError } from '../../domain/errors.ts';

const badCursor = () =>
  new ValidationError([
    {
      field: 'query.cursor',
      message: { vi: 'Con trỏ phân trang không hợp lệ.', en: 'The pagination cursor is not valid.' },
    },
  ]);

const ce = (cycleId: string, entityId: string) => `CE#${cycleId}#${entityId}`;

export const keys = {
  entity: (entityId: string) => ({ pk: `ENTITY#${entityId}`, sk: 'META' }),
  unit: (entityId: string, unitId: string) => ({ pk: `ENTITY#${entityId}`, sk: `UNIT#${unitId}` }),
  unitPrefix: (entityId: string) => ({ pk: `ENTITY#${entityId}`, skPrefix: 'UNIT#' }),

  framework: (frameworkId: string, version: number) => ({
    pk: `FRAMEWORK#${frameworkId}`,
    sk: `V#${String(version).padStart(4, '0')}`,
  }),

  cycle: (cycleId: string) => ({ pk: `CYCLE#${cycleId}`, sk: 'META' }),
  /** All cycles, newest year first when read backwards. */
  cycleIndex: (year: number, cycleId: string) => ({ gsi1pk: 'CYCLES', gsi1sk: `${year}#${cycleId}` }),
  cycleIndexPartition: () => 'CYCLES',

  evidence: (cycleId: string, entityId: string, evidenceId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `EV#${evidenceId}`,
  }),
  evidencePrefix: (cycleId: string, entityId: string) => ({ pk: ce(cycleId, entityId), skPrefix: 'EV#' }),
  /** Link of an evidence to one criterion: listing a criterion's evidence is one Query on this prefix. */
  evidenceLink: (cycleId: string, entityId: string, criterionCode: string, evidenceId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `LINK#${criterionCode}#${evidenceId}`,
  }),
  evidenceLinkPrefix: (cycleId: string, entityId: string, criterionCode: string) => ({
    pk: ce(cycleId, entityId),
    skPrefix: `LINK#${criterionCode}#`,
  }),

  score: (cycleId: string, entityId: string, criterionCode: string) => ({
    pk: ce(cycleId, entityId),
    sk: `SCORE#${criterionCode}`,
  }),
  scorePrefix: (cycleId: string, entityId: string) => ({ pk: ce(cycleId, entityId), skPrefix: 'SCORE#' }),

  audit: (cycleId: string, entityId: string, auditId: string) => ({
    pk: ce(cycleId, entityId),
    sk: `AUDIT#${auditId}`,
  }),
  /** Audit of things that belong to no entity (a cycle's creation). */
  globalAudit: (auditId: string) => ({ pk: 'AUDIT', sk: `AUDIT#${auditId}` }),
} as const;

const INTERNAL = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', '_type']);

/** Strips key attributes before an item leaves the data layer. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !INTERNAL.has(k))) as T;
}

/** Opaque pagination cursors: the LastEvaluatedKey, base64url JSON. */
export const cursor = {
  encode: (key: Record<string, unknown> | undefined): string | undefined =>
    key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined,
  decode: (token: string | undefined): Record<string, unknown> | undefined => {
    if (!token) return undefined;
    let v: unknown;
    try {
      v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      v = undefined;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw badCursor();
    return v as Record<string, unknown>;
  },
};
