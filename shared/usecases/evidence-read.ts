/**
 * Reading evidence (docs/evidence.md): a criterion's list, one evidence with its revision history, and
 * downloads as short-lived presigned GETs issued only after the policy check.
 */
import type { Actor } from '#domain/actor.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Evidence, EvidenceRevision } from '#domain/evidence.ts';
import { authorize } from '#domain/policy.ts';
import { contentDisposition } from '#domain/text.ts';
import type { CycleRepository, EvidenceRepository, FrameworkRepository, ObjectStore, Page } from '#ports.ts';
import {
  type CriterionRef,
  type EvidenceRef,
  type FileRef,
  fileOf,
  loadCriterion,
  loadEvidence,
  loadRevision,
  resourceOf,
} from './evidence-support.ts';
import { authorizeInScope, resourceWithProvince, type ScopeDeps } from './scope.ts';

export async function listEvidence(
  deps: {
    cycles: CycleRepository;
    frameworks: FrameworkRepository;
    evidence: EvidenceRepository;
  } & ScopeDeps,
  actor: Actor,
  ref: CriterionRef,
  limit: number,
  cursor?: string,
): Promise<Page<Evidence>> {
  await authorizeInScope(deps, actor, 'evidence:read', { entityId: ref.entityId });
  await loadCriterion(deps, ref);
  return deps.evidence.listByCriterion(ref.cycleId, ref.entityId, ref.criterionCode, limit, cursor);
}

/** One evidence with every revision of every file (the history a reviewer can open). */
export async function getEvidence(
  deps: { evidence: EvidenceRepository } & ScopeDeps,
  actor: Actor,
  ref: EvidenceRef,
): Promise<{ evidence: Evidence; revisions: EvidenceRevision[] }> {
  await authorizeInScope(deps, actor, 'evidence:read', { entityId: ref.entityId });
  const evidence = await loadEvidence(deps, actor, ref, { deleted: 'allow' });
  const revisions = await deps.evidence.listRevisions(ref.cycleId, ref.entityId, ref.evidenceId);
  return { evidence, revisions };
}

export interface DownloadTicket {
  url: string;
  expiresAt: string;
  fileName: string;
  revision: number;
  sizeBytes?: number;
  sha256?: string;
}

/**
 * A short-lived presigned GET, issued only after the policy check, that makes the browser save the file
 * under its original Vietnamese name (RFC 6266 `filename*`). Default: the file's current revision; any
 * older available revision can be asked for. Quarantined and unfinished revisions, and evidence in the bin,
 * are never served.
 */
export async function downloadFile(
  deps: { evidence: EvidenceRepository; store: ObjectStore; downloadUrlTtlSeconds: number } & ScopeDeps,
  actor: Actor,
  ref: FileRef,
  revisionNo?: number,
): Promise<DownloadTicket> {
  const entity = await resourceWithProvince(deps, actor, { entityId: ref.entityId });
  authorize(actor, 'evidence:download', entity);
  const ev = await loadEvidence(deps, actor, ref, { deleted: 'allow' });
  authorize(actor, 'evidence:download', { ...resourceOf(ev), province: entity.province });
  // In the bin: out of every list and count, so no link to its bytes either (those who may restore it are told).
  if (ev.deletedAt)
    throw new ConflictError(
      {
        vi: 'Tài liệu kiểm chứng này đang ở thùng rác; hãy khôi phục trước khi tải về.',
        en: 'This evidence is in the bin; restore it before downloading.',
      },
      { evidenceId: ev.evidenceId, deletedAt: ev.deletedAt },
    );
  const file = fileOf(ev, ref.fileId);
  const wanted = revisionNo ?? file.current?.revision;
  if (wanted === undefined)
    throw new ConflictError(
      {
        vi: 'Tệp chưa có phiên bản nào sẵn sàng để tải về (đang tải lên, đang quét hoặc bị cách ly).',
        en: 'The file has no revision ready to download yet (uploading, being scanned, or quarantined).',
      },
      file,
    );
  const rev = await loadRevision(deps, ref, wanted);
  if (rev.state !== 'available')
    throw new ConflictError(
      rev.state === 'quarantined'
        ? {
            vi: `Phiên bản ${wanted} bị cách ly và không được tải về: ${rev.quarantineReason?.vi ?? ''}`.trim(),
            en: `Revision ${wanted} is quarantined and cannot be downloaded: ${rev.quarantineReason?.en ?? ''}`.trim(),
          }
        : {
            vi: `Phiên bản ${wanted} chưa sẵn sàng (${rev.state}).`,
            en: `Revision ${wanted} is not ready yet (${rev.state}).`,
          },
      summarizeForClient(rev),
    );
  const { url, expiresAt } = await deps.store.presignGet(rev.objectKey, {
    contentDisposition: contentDisposition(rev.fileName),
    contentType: rev.declaredContentType,
    expiresInSeconds: deps.downloadUrlTtlSeconds,
  });
  return {
    url,
    expiresAt,
    fileName: rev.fileName,
    revision: rev.revision,
    sizeBytes: rev.sizeBytes,
    sha256: rev.sha256,
  };
}

const summarizeForClient = (r: EvidenceRevision) => ({
  fileId: r.fileId,
  revision: r.revision,
  state: r.state,
  quarantineReason: r.quarantineReason,
});
