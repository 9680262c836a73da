/** Multipart uploads: create, upload a part (server side), list what arrived, complete, abort. */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { guard } from '#adapters/guard.ts';
import type { ObjectStore, UploadedPart } from '#ports.ts';
import { head } from './objects.ts';
import { bucket, errorName, notImplemented, type S3, STORE, status } from './s3-client.ts';

export const createMultipart =
  (s3: S3): ObjectStore['createMultipart'] =>
  async (key, contentType) => {
    const res = await guard(STORE, () =>
      s3().send(new CreateMultipartUploadCommand({ Bucket: bucket(), Key: key, ContentType: contentType })),
    );
    if (!res.UploadId) throw new Error('CreateMultipartUpload returned no UploadId');
    return res.UploadId;
  };

export const uploadPart =
  (s3: S3): ObjectStore['uploadPart'] =>
  async (key, uploadId, partNumber, body) => {
    const res = await guard(STORE, () =>
      s3().send(
        new UploadPartCommand({
          Bucket: bucket(),
          Key: key,
          UploadId: uploadId,
          PartNumber: partNumber,
          Body: body,
          ContentLength: body.byteLength,
        }),
      ),
    );
    if (!res.ETag) throw new Error('UploadPart returned no ETag');
    return res.ETag;
  };

export const listParts =
  (s3: S3): ObjectStore['listParts'] =>
  async (key, uploadId) => {
    const parts: UploadedPart[] = [];
    let marker: string | undefined;
    try {
      do {
        const res = await guard(STORE, () =>
          s3().send(
            new ListPartsCommand({
              Bucket: bucket(),
              Key: key,
              UploadId: uploadId,
              PartNumberMarker: marker,
            }),
          ),
        );
        for (const p of res.Parts ?? [])
          parts.push({ partNumber: p.PartNumber ?? 0, etag: p.ETag ?? '', sizeBytes: p.Size ?? 0 });
        marker = res.IsTruncated ? res.NextPartNumberMarker : undefined;
      } while (marker);
    } catch (e) {
      if (notImplemented(e)) return undefined;
      if (errorName(e) === 'NoSuchUpload') return [];
      throw e;
    }
    return parts;
  };

export const completeMultipart =
  (s3: S3): ObjectStore['completeMultipart'] =>
  async (key, uploadId, parts) => {
    try {
      await guard(STORE, () =>
        s3().send(
          new CompleteMultipartUploadCommand({
            Bucket: bucket(),
            Key: key,
            UploadId: uploadId,
            IfNoneMatch: '*',
            MultipartUpload: {
              Parts: [...parts]
                .sort((a, b) => a.partNumber - b.partNumber)
                .map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
            },
          }),
        ),
      );
      return 'completed';
    } catch (e) {
      const name = errorName(e);
      // A retried complete: the upload is gone because the first call assembled the object, or (If-None-Match)
      // the key it assembled now exists. Keys are per revision, so only that first call can have written it.
      if ((name === 'NoSuchUpload' || name === 'PreconditionFailed') && (await head(s3)(key)))
        return 'already-completed';
      if (['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall', 'NoSuchUpload'].includes(name))
        return 'invalid-parts';
      // s3rver reports a missing part file as a 500 ENOENT rather than InvalidPart.
      if (status(e) === 500 && /ENOENT|no such file/i.test(String((e as Error).message)))
        return 'invalid-parts';
      throw e;
    }
  };

export const abortMultipart =
  (s3: S3): ObjectStore['abortMultipart'] =>
  async (key, uploadId) => {
    try {
      await guard(STORE, () =>
        s3().send(new AbortMultipartUploadCommand({ Bucket: bucket(), Key: key, UploadId: uploadId })),
      );
    } catch (e) {
      // Already completed or aborted; s3rver cannot abort (the bucket lifecycle rule cleans up in AWS).
      if (errorName(e) === 'NoSuchUpload' || notImplemented(e)) return;
      throw e;
    }
  };
