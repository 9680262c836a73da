/**
 * Evidence uploads and reads: a new evidence with its first file, more files or new revisions, multipart
 * parts (resume) and completion, one evidence with its revision history, a criterion's list, downloads.
 * Finalize lives in evidence-finalize.ts, edits/links/delete in evidence-manage.ts.
 */
import type { Actor } from '#domain/actor.ts';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import {
  type AddFileRequest,
  applyRevision,
  canonicalMime,
  checkUploadAgainstLimits,
  type Evidence,
  type EvidenceRevision,
  type FileDeclaration,
  MAX_FILES,
  type MultipartConfig,
  partSize,
  planUpload,
  type UploadRequest,
} from '#domain/evidence.ts';
import type { FileKind } from '#domain/file-types.ts';
import { type Framework, findNode } from '#domain/framework.ts';
import { objectKeys } from '#domain/object-keys.ts';
import { authorize } from '#domain/policy.ts';
import { contentDisposition } from '#domain/text.ts';
import type {
  AssignmentRepository,
  Clock,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  IdGenerator,
  ObjectStore,
  Page,
  PresignedPart,
  PresignedUpload,
  UploadedPart,
} from '#ports.ts';
import {
  auditEntry,
  criterionUnits,
  type EntityRef,
  type EvidenceRef,
  type FileRef,
  fileOf,
  findDuplicate,
  loadCycleFor,
  loadEvidence,
  loadEvidenceFor,
  loadRevision,
  requireOpen,
  resourceOf,
} from './evidence-support.ts';
import { authorizeInScope, resourceWithProvince, type ScopeDeps } from './scope.ts';

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

export type UploadInstructions =
  | (PresignedUpload & { mode: 'single' })
  | {
      mode: 'multipart';
      uploadId: string;
      partBytes: number;
      partCount: number;
      /** URLs for the first parts (at most 100); ask for more, or again after a drop, with the parts route. */
      parts: PresignedPart[];
      /** Parts the store already holds (AWS); absent where the store cannot list them (local s3rver). */
      uploadedParts?: UploadedPart[];
      expiresAt: string;
    };

export interface UploadTicket {
  evidence: Evidence;
  revision: EvidenceRevision;
  upload: UploadInstructions;
}

interface UploadDeps extends ScopeDeps {
  evidence: EvidenceRepository;
  store: ObjectStore;
  clock: Clock;
  ids: IdGenerator;
  uploadUrlTtlSeconds: number;
  multipart: MultipartConfig;
}

const MAX_PARTS_PER_CALL = 100;

function checkFile(
  req: Pick<FileDeclaration, 'contentType' | 'sizeBytes' | 'fileName'>,
  cycle: Cycle,
): FileKind {
  const checked = checkUploadAgainstLimits(req, cycle.uploadLimits);
  if ('issues' in checked) throw new ValidationError(checked.issues);
  return checked.kind;
}

/** A declared SHA-256 that this entity's cycle already holds: tell the uploader before any byte moves. */
async function refuseDeclaredDuplicate(
  deps: { evidence: EvidenceRepository },
  ref: EntityRef,
  req: FileDeclaration,
  exclude?: string,
): Promise<void> {
  if (!req.sha256 || req.onDuplicate === 'upload') return;
  const dup = await findDuplicate(deps, ref, req.sha256, exclude);
  if (dup)
    throw new ConflictError(
      {
        vi: `Tệp này đã có trong kỳ đánh giá: "${dup.title}". Hãy liên kết tài liệu đó với tiêu chí thay vì tải lên bản thứ hai (hoặc gửi lại với onDuplicate = "upload").`,
        en: `This file is already in the cycle as "${dup.title}". Link that evidence to the criterion instead of uploading a second copy (or resend with onDuplicate = "upload").`,
      },
      { duplicateOf: dup },
    );
}

/** A pending revision for a file about to be uploaded; starts the multipart upload when the file is large. */
async function newRevision(
  deps: Pick<UploadDeps, 'store' | 'multipart'>,
  at: { ref: EvidenceRef; fileId: string; revision: number; actor: Actor; now: string },
  req: FileDeclaration,
  kind: FileKind,
): Promise<EvidenceRevision> {
  const objectKey = objectKeys.evidenceFile({ ...at.ref, fileId: at.fileId, revision: at.revision });
  const contentType = canonicalMime(kind);
  const plan = planUpload(req.sizeBytes, deps.multipart);
  const upload =
    plan.mode === 'single'
      ? { mode: 'single' as const }
      : { ...plan, uploadId: await deps.store.createMultipart(objectKey, contentType) };
  return {
    ...at.ref,
    fileId: at.fileId,
    revision: at.revision,
    fileName: req.fileName,
    kind,
    declaredContentType: contentType,
    declaredSizeBytes: req.sizeBytes,
    declaredSha256: req.sha256,
    objectKey,
    upload,
    state: 'pending_upload',
    uploadedBy: at.actor.userId,
    createdAt: at.now,
    version: 1,
  };
}

async function presignParts(
  deps: Pick<UploadDeps, 'store' | 'uploadUrlTtlSeconds'>,
  rev: EvidenceRevision,
  partNumbers: readonly number[],
): Promise<PresignedPart[]> {
  if (rev.upload.mode !== 'multipart') return [];
  const { uploadId, partBytes, partCount } = rev.upload;
  return Promise.all(
    partNumbers.map((n) =>
      deps.store.presignPart(
        rev.objectKey,
        uploadId,
        n,
        partSize(rev.declaredSizeBytes, partBytes, partCount, n),
        deps.uploadUrlTtlSeconds,
      ),
    ),
  );
}

async function issueUpload(
  deps: Pick<UploadDeps, 'store' | 'uploadUrlTtlSeconds'>,
  rev: EvidenceRevision,
): Promise<UploadInstructions> {
  if (rev.upload.mode === 'multipart') {
    const { uploadId, partBytes, partCount } = rev.upload;
    const first = Array.from({ length: Math.min(partCount, MAX_PARTS_PER_CALL) }, (_, i) => i + 1);
    return {
      mode: 'multipart',
      uploadId,
      partBytes,
      partCount,
      parts: await presignParts(deps, rev, first),
      expiresAt: new Date(Date.now() + deps.uploadUrlTtlSeconds * 1000).toISOString(),
    };
  }
  const put = await deps.store.presignPut(
    rev.objectKey,
    rev.declaredContentType,
    rev.declaredSizeBytes,
    deps.uploadUrlTtlSeconds,
  );
  return { mode: 'single', ...put };
}

/** New evidence for a criterion with its first file: pending until the object-created event finalizes it. */
export async function requestUpload(
  deps: UploadDeps & {
    cycles: CycleRepository;
    frameworks: FrameworkRepository;
    assignments: Pick<AssignmentRepository, 'listAll'>;
  },
  actor: Actor,
  ref: CriterionRef,
  req: UploadRequest,
): Promise<UploadTicket> {
  await authorizeInScope(deps, actor, 'evidence:upload', { entityId: ref.entityId });
  const { cycle, framework } = await loadCriterion(deps, ref);
  // Unit reach: members upload to their unit's criteria, or to criteria nobody is assigned yet.
  await authorizeInScope(deps, actor, 'evidence:upload', {
    entityId: ref.entityId,
    unitIds: await criterionUnits(deps, cycle, ref),
  });
  requireOpen(cycle);
  const kind = checkFile(req, cycle);
  await refuseDeclaredDuplicate(deps, ref, req);

  const node = findNode(framework, ref.criterionCode)!;
  const now = deps.clock.now().toISOString();
  const evidenceId = deps.ids.next();
  const revision = await newRevision(
    deps,
    { ref: { ...ref, evidenceId }, fileId: deps.ids.next(), revision: 1, actor, now },
    req,
    kind,
  );
  const draft: Evidence = {
    evidenceId,
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    unitId: actor.unitId,
    criterionCodes: [ref.criterionCode],
    unconfirmedCodes: [],
    title: req.title ?? req.fileName,
    documentNumber: req.documentNumber,
    // Without a stated type, a file fills the criterion's first slot: the common case of one required document.
    documentType: req.documentType ?? node.slots[0]?.kind,
    issueDate: req.issueDate,
    effectivePeriod: req.effectivePeriod,
    issuer: req.issuer,
    note: req.note,
    state: 'pending_upload',
    files: [],
    uploadedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  const evidence = applyRevision(draft, revision, now);
  await deps.evidence.save({
    evidence,
    revisions: [{ revision }],
    putLinks: [
      {
        evidenceId,
        criterionCode: ref.criterionCode,
        needsConfirmation: false,
        linkedBy: actor.userId,
        linkedAt: now,
      },
    ],
    audit: auditEntry(deps, now, actor, 'evidence.upload-requested', evidenceId, undefined, {
      ...evidence,
      revision,
    }),
  });
  return { evidence, revision, upload: await issueUpload(deps, revision) };
}

/** Another file for an evidence, or with `replacesFileId` a new revision of one (the old ones are kept). */
export async function addFile(
  deps: UploadDeps & { cycles: CycleRepository },
  actor: Actor,
  ref: EvidenceRef,
  req: AddFileRequest,
): Promise<UploadTicket> {
  const ev = await loadEvidenceFor(deps, actor, 'evidence:edit', ref);
  const cycle = await loadCycleFor(deps, ref);
  requireOpen(cycle);
  const kind = checkFile(req, cycle);
  await refuseDeclaredDuplicate(deps, ref, req, ev.evidenceId);

  let fileId: string;
  let revisionNo: number;
  if (req.replacesFileId) {
    const file = fileOf(ev, req.replacesFileId);
    fileId = file.fileId;
    revisionNo = file.latest.revision + 1;
  } else {
    if (ev.files.length >= MAX_FILES)
      throw new ValidationError([
        {
          field: 'body',
          message: {
            vi: `Một tài liệu kiểm chứng có tối đa ${MAX_FILES} tệp.`,
            en: `An evidence holds at most ${MAX_FILES} files.`,
          },
        },
      ]);
    fileId = deps.ids.next();
    revisionNo = 1;
  }
  const now = deps.clock.now().toISOString();
  const revision = await newRevision(deps, { ref, fileId, revision: revisionNo, actor, now }, req, kind);
  const evidence = applyRevision(ev, revision, now);
  await deps.evidence.save({
    evidence,
    // Conditional on the version read: two replacements at once cannot both become revision N.
    expectedVersion: ev.version,
    revisions: [{ revision }],
    audit: auditEntry(
      deps,
      now,
      actor,
      req.replacesFileId ? 'evidence.file-replaced' : 'evidence.file-added',
      ev.evidenceId,
      req.replacesFileId ? { fileId, revision: revisionNo - 1 } : undefined,
      { fileId, revision: revisionNo, fileName: revision.fileName, sizeBytes: revision.declaredSizeBytes },
    ),
  });
  return { evidence, revision, upload: await issueUpload(deps, revision) };
}

async function loadMultipart(
  deps: { evidence: EvidenceRepository } & ScopeDeps,
  actor: Actor,
  ref: FileRef,
  revisionNo: number,
) {
  const ev = await loadEvidenceFor(deps, actor, 'evidence:upload', ref);
  fileOf(ev, ref.fileId);
  const rev = await loadRevision(deps, ref, revisionNo);
  if (rev.upload.mode !== 'multipart')
    throw new ValidationError([
      {
        field: 'body.revision',
        message: {
          vi: 'Phiên bản này không tải lên theo nhiều phần.',
          en: 'This revision is not a multipart upload.',
        },
      },
    ]);
  if (rev.state === 'upload_expired')
    throw new ConflictError(
      {
        vi: 'Lượt tải lên này đã hết hạn vì chưa hoàn tất. Hãy tải tệp lên lại.',
        en: 'This upload expired before it was completed. Please upload the file again.',
      },
      rev,
    );
  if (rev.state !== 'pending_upload')
    throw new ConflictError(
      { vi: 'Tệp này đã tải lên xong.', en: 'This file has already been uploaded.' },
      rev,
    );
  return { ev, rev, upload: rev.upload };
}

/**
 * Fresh part URLs for a multipart upload: after a dropped connection the client asks for the parts it
 * still lacks (by number, or all not yet held where the store can say which) and goes on from there.
 */
export async function uploadParts(
  deps: Pick<UploadDeps, 'evidence' | 'org' | 'store' | 'uploadUrlTtlSeconds'>,
  actor: Actor,
  ref: FileRef,
  body: { revision: number; partNumbers?: number[] },
): Promise<Extract<UploadInstructions, { mode: 'multipart' }>> {
  const { rev, upload } = await loadMultipart(deps, actor, ref, body.revision);
  const bad = (body.partNumbers ?? []).filter((n) => n > upload.partCount);
  if (bad.length)
    throw new ValidationError([
      {
        field: 'body.partNumbers',
        message: {
          vi: `Tệp chỉ có ${upload.partCount} phần; không có phần ${bad.join(', ')}.`,
          en: `The upload has ${upload.partCount} parts; there is no part ${bad.join(', ')}.`,
        },
      },
    ]);
  const uploadedParts = await deps.store.listParts(rev.objectKey, upload.uploadId);
  const held = new Set((uploadedParts ?? []).map((p) => p.partNumber));
  const wanted = (
    body.partNumbers ?? Array.from({ length: upload.partCount }, (_, i) => i + 1).filter((n) => !held.has(n))
  ).slice(0, MAX_PARTS_PER_CALL);
  return {
    mode: 'multipart',
    uploadId: upload.uploadId,
    partBytes: upload.partBytes,
    partCount: upload.partCount,
    parts: await presignParts(
      deps,
      rev,
      [...new Set(wanted)].sort((a, b) => a - b),
    ),
    uploadedParts,
    expiresAt: new Date(Date.now() + deps.uploadUrlTtlSeconds * 1000).toISOString(),
  };
}

/** Assembles a multipart upload; finalize then runs on the object-created event as for a single PUT. */
export async function completeUpload(
  deps: Pick<UploadDeps, 'evidence' | 'org' | 'store'>,
  actor: Actor,
  ref: FileRef,
  body: { revision: number; parts: { partNumber: number; etag: string }[] },
): Promise<EvidenceRevision> {
  const { rev, upload } = await loadMultipart(deps, actor, ref, body.revision);
  const numbers = body.parts.map((p) => p.partNumber).sort((a, b) => a - b);
  const complete = numbers.length === upload.partCount && numbers.every((n, i) => n === i + 1);
  const invalid = () =>
    new ValidationError([
      {
        field: 'body.parts',
        message: {
          vi: `Cần đủ ${upload.partCount} phần (mỗi phần một lần, kèm ETag). Hãy tải lại các phần còn thiếu rồi hoàn tất.`,
          en: `All ${upload.partCount} parts are needed, each once with its ETag. Upload the missing parts, then complete.`,
        },
      },
    ]);
  if (!complete) throw invalid();
  const result = await deps.store.completeMultipart(rev.objectKey, upload.uploadId, body.parts);
  if (result === 'invalid-parts') throw invalid();
  return rev;
}

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
