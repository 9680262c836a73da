/**
 * Multipart uploads (docs/evidence.md): fresh part URLs to resume after a dropped connection, and completion
 * once every part is held; finalize then runs on the object-created event as for a single PUT.
 */
import type { Actor } from '#domain/actor.ts';
import { ConflictError, ValidationError } from '#domain/errors.ts';
import type { EvidenceRevision } from '#domain/evidence.ts';
import type { EvidenceRepository } from '#ports.ts';
import { type FileRef, fileOf, loadEvidenceFor, loadRevision } from './evidence-support.ts';
import {
  MAX_PARTS_PER_CALL,
  presignParts,
  type UploadDeps,
  type UploadInstructions,
} from './evidence-upload-urls.ts';
import type { ScopeDeps } from './scope.ts';

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
