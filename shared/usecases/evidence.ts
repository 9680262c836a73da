/**
 * Evidence uploads: a new evidence with its first file, more files or new revisions. Multipart resume and
 * completion live in evidence-multipart.ts, reads and downloads in evidence-read.ts (all re-exported here);
 * finalize in evidence-finalize.ts, edits/links/delete in evidence-manage.ts.
 */
import type { Actor } from '#domain/actor.ts';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError, ValidationError } from '#domain/errors.ts';
import {
  type AddFileRequest,
  applyRevision,
  canonicalMime,
  checkUploadAgainstLimits,
  type Evidence,
  type EvidenceRevision,
  type FileDeclaration,
  MAX_FILES,
  planUpload,
  type UploadRequest,
} from '#domain/evidence.ts';
import type { FileKind } from '#domain/file-types.ts';
import { findNode } from '#domain/framework.ts';
import { objectKeys } from '#domain/object-keys.ts';
import type {
  AssignmentRepository,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
} from '#ports.ts';
import {
  auditEntry,
  type CriterionRef,
  criterionUnits,
  type EntityRef,
  type EvidenceRef,
  fileOf,
  findDuplicate,
  loadCriterion,
  loadCycleFor,
  loadEvidenceFor,
  requireOpen,
} from './evidence-support.ts';
import { issueUpload, type UploadDeps, type UploadInstructions } from './evidence-upload-urls.ts';
import { authorizeInScope } from './scope.ts';

export { completeUpload, uploadParts } from './evidence-multipart.ts';
export { type DownloadTicket, downloadFile, getEvidence, listEvidence } from './evidence-read.ts';
export { type CriterionRef, loadCriterion } from './evidence-support.ts';
export type { UploadInstructions } from './evidence-upload-urls.ts';

export interface UploadTicket {
  evidence: Evidence;
  revision: EvidenceRevision;
  upload: UploadInstructions;
}

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
