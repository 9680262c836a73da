/**
 * Changing evidence after upload — metadata, criterion links, soft delete and restore, purge — and finding
 * it. Every change is one conditional transaction with its audit entry (before/after).
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import { ConflictError, ValidationError } from '#domain/errors.ts';
import {
  type EditEvidence,
  type Evidence,
  type EvidenceReviewInput,
  type EvidenceState,
  editMetadata,
  MAX_LINKS,
  reviewDecision,
} from '#domain/evidence.ts';
import { objectKeys } from '#domain/object-keys.ts';
import { authorize } from '#domain/policy.ts';
import { searchTokens } from '#domain/text.ts';
import type {
  AssignmentRepository,
  Clock,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  IdGenerator,
  ObjectStore,
  OrganizationRepository,
  Page,
} from '#ports.ts';
import { cycleNotFound } from './cycles.ts';
import {
  auditEntry,
  criterionUnits,
  type EvidenceRef,
  loadCriterion,
  loadCycleFor,
  loadEvidence,
  loadEvidenceFor,
  requireOpen,
  requireVersion,
} from './evidence-support.ts';
import { authorizeInScope, filterInScope, resourceWithProvince, type ScopeDeps } from './scope.ts';

interface WriteDeps extends ScopeDeps {
  evidence: EvidenceRepository;
  clock: Clock;
  ids: IdGenerator;
}

const pick = (ev: Evidence, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, (ev as Record<string, unknown>)[f]]));

/** Edits the document metadata (số/ký hiệu, loại, ngày, hiệu lực, cơ quan ban hành, ghi chú). */
export async function editEvidence(
  deps: WriteDeps & { cycles: CycleRepository },
  actor: Actor,
  ref: EvidenceRef,
  edit: EditEvidence,
): Promise<Evidence> {
  const ev = await loadEvidenceFor(deps, actor, 'evidence:edit', ref);
  requireOpen(await loadCycleFor(deps, ref));
  requireVersion(ev, edit.version);
  const { next, changed } = editMetadata(ev, edit);
  if (changed.length === 0) return ev;
  const now = deps.clock.now().toISOString();
  const evidence: Evidence = { ...next, updatedAt: now, version: ev.version + 1 };
  await deps.evidence.save({
    evidence,
    expectedVersion: ev.version,
    audit: auditEntry(
      deps,
      now,
      actor,
      'evidence.edited',
      ev.evidenceId,
      pick(ev, changed),
      pick(evidence, changed),
    ),
  });
  return evidence;
}

/**
 * Links the evidence to a criterion (one plan often proves several), or confirms a link carried forward
 * from last year. Idempotent: an existing confirmed link changes nothing.
 */
export async function linkEvidence(
  deps: WriteDeps & { cycles: CycleRepository; frameworks: FrameworkRepository },
  actor: Actor,
  ref: EvidenceRef & { criterionCode: string },
): Promise<Evidence> {
  const ev = await loadEvidenceFor(deps, actor, 'evidence:link', ref);
  const { cycle } = await loadCriterion(deps, ref);
  requireOpen(cycle);
  const code = ref.criterionCode;
  if (ev.criterionCodes.includes(code)) return ev;
  const confirming = ev.unconfirmedCodes.includes(code);
  if (!confirming && ev.criterionCodes.length + ev.unconfirmedCodes.length >= MAX_LINKS)
    throw new ValidationError([
      {
        field: 'path.criterionCode',
        message: {
          vi: `Một tài liệu kiểm chứng liên kết tối đa ${MAX_LINKS} tiêu chí.`,
          en: `An evidence links to at most ${MAX_LINKS} criteria.`,
        },
      },
    ]);
  const now = deps.clock.now().toISOString();
  const evidence: Evidence = {
    ...ev,
    criterionCodes: [...ev.criterionCodes, code],
    unconfirmedCodes: ev.unconfirmedCodes.filter((c) => c !== code),
    updatedAt: now,
    version: ev.version + 1,
  };
  await deps.evidence.save({
    evidence,
    expectedVersion: ev.version,
    putLinks: [
      {
        evidenceId: ev.evidenceId,
        criterionCode: code,
        needsConfirmation: false,
        linkedBy: actor.userId,
        linkedAt: now,
      },
    ],
    audit: auditEntry(
      deps,
      now,
      actor,
      confirming ? 'evidence.link-confirmed' : 'evidence.linked',
      ev.evidenceId,
      { criterionCodes: ev.criterionCodes, unconfirmedCodes: ev.unconfirmedCodes },
      { criterionCodes: evidence.criterionCodes, unconfirmedCodes: evidence.unconfirmedCodes },
    ),
  });
  return evidence;
}

/**
 * Removes a link (confirmed or awaiting confirmation). Idempotent. Members may do so only where the evidence or
 * the criterion is their unit's (or nobody's): another unit cannot take a unit's evidence off its criterion.
 */
export async function unlinkEvidence(
  deps: WriteDeps & { cycles: CycleRepository; assignments: Pick<AssignmentRepository, 'listAll'> },
  actor: Actor,
  ref: EvidenceRef & { criterionCode: string },
): Promise<Evidence> {
  const ev = await loadEvidenceFor(deps, actor, 'evidence:link', ref);
  const cycle = await loadCycleFor(deps, ref);
  const criterion = await criterionUnits(deps, cycle, ref);
  await authorizeInScope(deps, actor, 'evidence:unlink', {
    entityId: ev.entityId,
    unitIds: [...new Set([...(ev.unitId ? [ev.unitId] : []), ...criterion])],
  });
  requireOpen(cycle);
  const code = ref.criterionCode;
  if (!ev.criterionCodes.includes(code) && !ev.unconfirmedCodes.includes(code)) return ev;
  const now = deps.clock.now().toISOString();
  const evidence: Evidence = {
    ...ev,
    criterionCodes: ev.criterionCodes.filter((c) => c !== code),
    unconfirmedCodes: ev.unconfirmedCodes.filter((c) => c !== code),
    updatedAt: now,
    version: ev.version + 1,
  };
  await deps.evidence.save({
    evidence,
    expectedVersion: ev.version,
    deleteLinks: [code],
    audit: auditEntry(
      deps,
      now,
      actor,
      'evidence.unlinked',
      ev.evidenceId,
      { criterionCodes: ev.criterionCodes, unconfirmedCodes: ev.unconfirmedCodes },
      { criterionCodes: evidence.criterionCodes, unconfirmedCodes: evidence.unconfirmedCodes },
    ),
  });
  return evidence;
}

/**
 * A reviewer accepts or rejects the evidence (in a cycle whose policy counts only accepted evidence, this is
 * what fills a slot). Carries the version the reviewer looked at: a newer revision in between is a 409.
 */
export async function reviewEvidence(
  deps: WriteDeps & { cycles: CycleRepository },
  actor: Actor,
  ref: EvidenceRef,
  input: EvidenceReviewInput,
): Promise<Evidence> {
  const ev = await loadEvidenceFor(deps, actor, 'evidence:review', ref);
  requireOpen(await loadCycleFor(deps, ref));
  requireVersion(ev, input.version);
  const now = deps.clock.now().toISOString();
  const decided = reviewDecision(ev, input, actorRef(actor), now);
  if ('issues' in decided) throw new ValidationError(decided.issues);
  const evidence = decided.next;
  await deps.evidence.save({
    evidence,
    expectedVersion: ev.version,
    audit: auditEntry(
      deps,
      now,
      actor,
      `evidence.${input.decision}`,
      ev.evidenceId,
      { state: ev.state },
      { state: evidence.state, reason: evidence.review?.reason },
    ),
  });
  return evidence;
}

/** Soft delete: hidden from lists and readiness, objects untouched, restorable. Idempotent. */
export async function deleteEvidence(
  deps: WriteDeps & { cycles: CycleRepository },
  actor: Actor,
  ref: EvidenceRef,
): Promise<Evidence> {
  const ev = await loadEvidenceFor(deps, actor, 'evidence:delete', ref, { deleted: 'allow' });
  if (ev.deletedAt) return ev;
  // Moving evidence to the bin changes what a closed cycle's figures rest on, like any other edit.
  requireOpen(await loadCycleFor(deps, ref));
  const now = deps.clock.now().toISOString();
  const evidence: Evidence = {
    ...ev,
    deletedAt: now,
    deletedBy: actor.userId,
    updatedAt: now,
    version: ev.version + 1,
  };
  await deps.evidence.save({
    evidence,
    expectedVersion: ev.version,
    audit: auditEntry(
      deps,
      now,
      actor,
      'evidence.deleted',
      ev.evidenceId,
      { deletedAt: null },
      { deletedAt: now },
    ),
  });
  return evidence;
}

/** Undoes a soft delete: the uploader's unit (or a leader of the entity) or an admin. Idempotent. */
export async function restoreEvidence(
  deps: WriteDeps & { cycles: CycleRepository },
  actor: Actor,
  ref: EvidenceRef,
): Promise<Evidence> {
  const ev = await loadEvidenceFor(deps, actor, 'evidence:restore', ref, { deleted: 'allow' });
  if (!ev.deletedAt) return ev;
  requireOpen(await loadCycleFor(deps, ref));
  const now = deps.clock.now().toISOString();
  const { deletedAt, deletedBy, ...rest } = ev;
  const evidence: Evidence = { ...rest, updatedAt: now, version: ev.version + 1 };
  await deps.evidence.save({
    evidence,
    expectedVersion: ev.version,
    audit: auditEntry(
      deps,
      now,
      actor,
      'evidence.restored',
      ev.evidenceId,
      { deletedAt, deletedBy },
      {
        deletedAt: null,
      },
    ),
  });
  return evidence;
}

export interface PurgeResult {
  evidenceId: string;
  objectsDeleted: number;
  /** True when object versions were deleted too (AWS); false on a store without versioning (s3rver). */
  versionsDeleted: boolean;
}

/**
 * Admin only, and only for evidence already in the bin: deletes every object under the evidence's prefix
 * (all versions and delete markers in AWS), aborts unfinished multipart uploads, then removes its items.
 * The audit trail keeps what was purged (names, sizes, SHA-256) and why.
 */
export async function purgeEvidence(
  deps: WriteDeps & { store: ObjectStore },
  actor: Actor,
  ref: EvidenceRef,
  body: { reason: string; version?: number },
): Promise<PurgeResult> {
  await authorizeInScope(deps, actor, 'evidence:purge', { entityId: ref.entityId });
  const ev = await loadEvidence(deps, actor, ref, { deleted: 'allow' });
  requireVersion(ev, body.version);
  if (!ev.deletedAt)
    throw new ConflictError(
      {
        vi: 'Chỉ xoá vĩnh viễn được tài liệu đã chuyển vào thùng rác.',
        en: 'Only evidence already in the bin can be purged.',
      },
      ev,
    );
  const revisions = await deps.evidence.listRevisions(ref.cycleId, ref.entityId, ref.evidenceId);
  for (const r of revisions)
    if (r.upload.mode === 'multipart' && r.state === 'pending_upload')
      await deps.store.abortMultipart(r.objectKey, r.upload.uploadId);
  const objects = await deps.store.purgePrefix(
    objectKeys.evidencePrefix(ref.cycleId, ref.entityId, ref.evidenceId),
  );
  const now = deps.clock.now().toISOString();
  await deps.evidence.purge(
    ev,
    revisions,
    auditEntry(
      deps,
      now,
      actor,
      'evidence.purged',
      ev.evidenceId,
      {
        title: ev.title,
        documentNumber: ev.documentNumber,
        criterionCodes: ev.criterionCodes,
        deletedAt: ev.deletedAt,
        deletedBy: ev.deletedBy,
        revisions: revisions.map((r) => ({
          fileId: r.fileId,
          revision: r.revision,
          fileName: r.fileName,
          sizeBytes: r.sizeBytes,
          sha256: r.sha256,
        })),
      },
      { reason: body.reason, objectsDeleted: objects.deleted, versionsDeleted: objects.versioned },
    ),
  );
  return { evidenceId: ev.evidenceId, objectsDeleted: objects.deleted, versionsDeleted: objects.versioned };
}

export interface SearchQuery {
  entityId?: string;
  unitId?: string;
  criterionCode?: string;
  q?: string;
  state?: EvidenceState;
  deleted: 'exclude' | 'include' | 'only';
  limit: number;
  cursor?: string;
}

/**
 * Lists and searches a cycle's evidence: by entity, unit or criterion, by state, and by words of the title,
 * document number, issuer or file name, insensitive to diacritics and case ("ke hoach 1803" finds
 * "Kế hoạch số 1803/KH-SKHCCN"). Members and leaders see their own entity; admins and reviewers may search
 * across the cycle's entities in their scope. The bin (deleted evidence) is for those who may restore.
 */
export async function searchEvidence(
  deps: { evidence: EvidenceRepository; cycles: CycleRepository; org: OrganizationRepository },
  actor: Actor,
  cycleId: string,
  query: SearchQuery,
): Promise<Page<Evidence>> {
  const cycle = await deps.cycles.get(cycleId);
  const ownOnly = actor.role === 'member' || actor.role === 'leader';
  const entityId = query.entityId ?? (ownOnly ? actor.entityId : undefined);
  if (!cycle || (entityId && !cycle.entityIds.includes(entityId)) || (ownOnly && !entityId))
    throw cycleNotFound(cycleId);
  const resource = await resourceWithProvince(deps, actor, { entityId });
  authorize(actor, 'evidence:read', resource);
  let unitId = query.unitId;
  if (query.deleted !== 'exclude') {
    authorize(actor, 'evidence:restore', resource);
    // A member's bin holds their unit's evidence only.
    if (actor.role === 'member') unitId = actor.unitId;
  }
  const page = await deps.evidence.search(
    {
      cycleId,
      entityId,
      unitId,
      criterionCode: query.criterionCode,
      tokens: query.q ? searchTokens(query.q) : undefined,
      state: query.state,
      deleted: query.deleted,
    },
    query.limit,
    query.cursor,
  );
  if (entityId || !actor.scope || actor.scope.kind === 'all') return page;
  // Across entities, a scoped admin or reviewer sees only the entities of their scope.
  return { ...page, items: await filterInScope(deps, actor, 'evidence:read', page.items) };
}
