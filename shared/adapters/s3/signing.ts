/** Presigned URLs: the browser uploads and downloads straight to and from S3, within what we signed. */
import { GetObjectCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStore } from '#ports.ts';
import { bucket, expiry, type S3 } from './s3-client.ts';

export const presignPut =
  (s3: S3): ObjectStore['presignPut'] =>
  async (key, contentType, sizeBytes, expiresIn) => {
    const command = new PutObjectCommand({
      Bucket: bucket(),
      Key: key,
      ContentType: contentType,
      ContentLength: sizeBytes,
      // S3 conditional write: the key can be written once; a replayed or second PUT gets 412.
      IfNoneMatch: '*',
    });
    // Signing these headers makes S3 itself refuse a different size, a different type, or an overwrite.
    const url = await getSignedUrl(s3(), command, {
      expiresIn,
      signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
    });
    return {
      method: 'PUT',
      url,
      headers: { 'content-type': contentType, 'if-none-match': '*' },
      expiresAt: expiry(expiresIn),
    };
  };

export const presignPart =
  (s3: S3): ObjectStore['presignPart'] =>
  async (key, uploadId, partNumber, sizeBytes, expiresIn) => {
    const command = new UploadPartCommand({
      Bucket: bucket(),
      Key: key,
      UploadId: uploadId,
      PartNumber: partNumber,
      ContentLength: sizeBytes,
    });
    const url = await getSignedUrl(s3(), command, {
      expiresIn,
      signableHeaders: new Set(['content-length']),
    });
    return { method: 'PUT', partNumber, sizeBytes, url, headers: {} };
  };

export const presignGet =
  (s3: S3): ObjectStore['presignGet'] =>
  async (key, opts) => {
    const command = new GetObjectCommand({
      Bucket: bucket(),
      Key: key,
      ResponseContentDisposition: opts.contentDisposition,
      ResponseContentType: opts.contentType,
    });
    const url = await getSignedUrl(s3(), command, { expiresIn: opts.expiresInSeconds });
    return { url, expiresAt: expiry(opts.expiresInSeconds) };
  };
