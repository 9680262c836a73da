/** Helpers the evidence use cases share: loading with the right 404s, audit entries, retries on conflict. */
import { type Actor, actorRef } from '#domain/actor.ts';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import type { Evidence, EvidenceRevision } from '#domain/evidence.ts';
import { type Framework, findNode } from '#domain/framework.ts';
import type { Action, Resource } from '#domain/policy.ts';
import type {
  AssignmentRepository,
  AuditEntry,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  IdGenerator,
} from '#ports.ts';
import { cycleNotFound } from './cycles.ts';
import { allowedInScope, authorizeInScope, type ScopeDeps } from './scope.ts';
import { responsibilities, unitsFor } from './scoring-context.ts';

export interface EntityRef {
  cycleId: string;
  entityId: string;
}
export interface EvidenceRef extends EntityRef {
  evidenceId: string;
}
export interface FileRef extends EvidenceRef {
  fileId: string;
}

export async function loadCycleFor(deps: { cycles: CycleRepository }, ref: EntityRef): Promise<Cycle> {
  const cycle = await deps.cycles.get(ref.cycleId);
  if (!cycle) throw cycleNotFound(ref.cycleId);
  if (!cycle.entityIds.includes(ref.entityId))
    throw new NotFoundError({
      vi: `Đơn vị "${ref.entityId}" không thuộc kỳ đánh giá này.`,
      en: `Entity "${ref.entityId}" is not assessed in this cycle.`,
    });
  return cycle;
}

export function requireOpen(cycle: Cycle): void {
  if (cycle.status !== 'open')
    throw new ValidationError([
      {
        field: 'path.cycleId',
        message: {
          vi: 'Kỳ đánh giá đã đóng, không thay đổi được tài liệu kiểm chứng.',
          en: 'This cycle is closed; its evidence cannot change.',
        },
      },
    ]);
}

export const evidenceNotFound = (evidenceId: string) =>
  new NotFoundError({
    vi: `Không tìm thấy tài liệu kiểm chứng "${evidenceId}".`,
    en: `Evidence "${evidenceId}" not found.`,
  });

/**
 * Policy resource of an evidence: its entity, and its unit for unit-scoped rules. Check it with
 * `authorizeInScope` (scope.ts), which adds the entity's province for province-scoped actors.
 */
export const resourceOf = (ev: Pick<Evidence, 'entityId' | 'unitId'>): Resource => ({
  entityId: ev.entityId,
  unitIds: ev.unitId ? [ev.unitId] : [],
});

/** Units responsible for a criterion in the cycle (its assignments); empty while nobody is assigned. */
export async function criterionUnits(
  deps: { assignments: Pick<AssignmentRepository, 'listAll'> },
  cycle: Cycle,
  ref: EntityRef & { criterionCode: string },
): Promise<string[]> {
  return unitsFor(
    ref.criterionCode,
    responsibilities(cycle, await deps.assignments.listAll(ref.cycleId, ref.entityId)),
  );
}

/**
 * Loads an evidence. Deleted evidence exists only for those who may restore it: anyone else gets the same
 * 404 as for an evidence that never existed.
 */
export async function loadEvidence(
  deps: { evidence: EvidenceRepository } & ScopeDeps,
  actor: Actor,
  ref: EvidenceRef,
  opts: { deleted: 'refuse' | 'allow' } = { deleted: 'refuse' },
): Promise<Evidence> {
  const ev = await deps.evidence.get(ref.cycleId, ref.entityId, ref.evidenceId);
  if (!ev) throw evidenceNotFound(ref.evidenceId);
  if (ev.deletedAt) {
    if (!(await allowedInScope(deps, actor, 'evidence:restore', resourceOf(ev))))
      throw evidenceNotFound(ref.evidenceId);
    if (opts.deleted === 'refuse')
      throw new ConflictError(
        {
          vi: 'Tài liệu kiểm chứng này đang ở thùng rác; hãy khôi phục trước khi sửa.',
          en: 'This evidence is in the bin; restore it before changing it.',
        },
        ev,
      );
  }
  return ev;
}

/** Loads an evidence and checks that the actor may do `action` to it (with the province for scoped actors). */
export async function loadEvidenceFor(
  deps: { evidence: EvidenceRepository } & ScopeDeps,
  actor: Actor,
  action: Action,
  ref: EvidenceRef,
  opts?: { deleted: 'refuse' | 'allow' },
): Promise<Evidence> {
  const ev = await loadEvidence(deps, actor, ref, opts);
  await authorizeInScope(deps, actor, action, resourceOf(ev));
  return ev;
}

export function fileOf(ev: Evidence, fileId: string) {
  const file = ev.files.find((f) => f.fileId === fileId);
  if (!file)
    throw new NotFoundError({
      vi: `Tài liệu kiểm chứng không có tệp "${fileId}".`,
      en: `The evidence has no file "${fileId}".`,
    });
  return file;
}

export async function loadRevision(
  deps: { evidence: EvidenceRepository },
  ref: FileRef,
  revision: number,
): Promise<EvidenceRevision> {
  const rev = await deps.evidence.getRevision({ ...ref, revision });
  if (!rev)
    throw new NotFoundError({
      vi: `Tệp không có phiên bản ${revision}.`,
      en: `The file has no revision ${revision}.`,
    });
  return rev;
}

/** The evidence exactly as the client must have seen it, or a 409 with what is stored now. */
export function requireVersion(ev: Evidence, version: number | undefined): void {
  if (version !== undefined && version !== ev.version)
    throw new ConflictError(
      {
        vi: 'Tài liệu kiểm chứng đã được thay đổi sau lần bạn mở. Hãy xem bản mới nhất rồi thử lại.',
        en: 'The evidence changed since you opened it. Review the latest version and try again.',
      },
      ev,
    );
}

export function auditEntry(
  deps: { ids: IdGenerator },
  at: string,
  actor: Pick<Actor, 'userId' | 'role'>,
  action: string,
  evidenceId: string,
  before?: unknown,
  after?: unknown,
): AuditEntry {
  return {
    auditId: deps.ids.next(),
    at,
    actor: actorRef(actor),
    action,
    subject: `evidence/${evidenceId}`,
    before,
    after,
  };
}

/** Event-driven writers (finalize, scan results) act as this system actor in the audit trail. */
export const SYSTEM = (name: string) => ({ userId: `system:${name}`, role: 'admin' as const });

/**
 * Runs a read-modify-write until its conditional write lands: concurrent finalizes of one evidence's files
 * each retry on the newer version instead of failing.
 */
export async function withRetries<T>(attempts: number, run: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
    }
  }
}

/** The first evidence of the entity's cycle (other than `exclude`, not deleted) holding this SHA-256. */
export async function findDuplicate(
  deps: { evidence: EvidenceRepository },
  ref: EntityRef,
  sha256: string,
  exclude?: string,
): Promise<Evidence | undefined> {
  const ids = (await deps.evidence.findBySha(ref.cycleId, ref.entityId, sha256)).filter((i) => i !== exclude);
  for (const id of ids) {
    const ev = await deps.evidence.get(ref.cycleId, ref.entityId, id);
    if (ev && !ev.deletedAt) return ev;
  }
  return undefined;
}

export interface CriterionRef extends EntityRef {
  criterionCode: string;
}

/** Loads the cycle and framework and checks the entity and criterion belong to them. */
export async function loadCriterion(
  deps: { cycles: CycleRepository; frameworks: FrameworkRepository },
  ref: CriterionRef,
): Promise<{ cycle: Cycle; framework: Framework }> {
  const cycle = await loadCycleFor(deps, ref);
  const framework = await deps.frameworks.get(cycle.frameworkId, cycle.frameworkVersion);
  const node = framework && findNode(framework, ref.criterionCode);
  if (!framework || !node)
    throw new NotFoundError({
      vi: `Không có tiêu chí "${ref.criterionCode}" trong bộ tiêu chí của kỳ này.`,
      en: `Criterion "${ref.criterionCode}" is not in this cycle's framework.`,
    });
  if (node.method === 'survey')
    throw new ValidationError([
      {
        field: 'path.criterionCode',
        message: {
          vi: 'Tiêu chí này lấy điểm từ điều tra xã hội học, không nộp tài liệu kiểm chứng.',
          en: 'This criterion is scored by survey; it takes no evidence files.',
        },
      },
    ]);
  return { cycle, framework };
}
