/**
 * The presigned URLs an evidence upload gets (docs/evidence.md): one PUT for a small file; for a large one the
 * multipart upload's first part URLs, more on request (resume after a dropped connection).
 */
import type { EvidenceRevision, MultipartConfig } from '#domain/evidence.ts';
import { partSize } from '#domain/evidence.ts';
import type {
  Clock,
  EvidenceRepository,
  IdGenerator,
  ObjectStore,
  PresignedPart,
  PresignedUpload,
  UploadedPart,
} from '#ports.ts';
import type { ScopeDeps } from './scope.ts';

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

export interface UploadDeps extends ScopeDeps {
  evidence: EvidenceRepository;
  store: ObjectStore;
  clock: Clock;
  ids: IdGenerator;
  uploadUrlTtlSeconds: number;
  multipart: MultipartConfig;
}

export const MAX_PARTS_PER_CALL = 100;

export async function presignParts(
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

export async function issueUpload(
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
