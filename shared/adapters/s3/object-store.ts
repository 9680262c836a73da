import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  ListPartsCommand,
  type ObjectIdentifier,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type ClientProfile, clientOptions } from '#adapters/client-profile.ts';
import { guard } from '#adapters/guard.ts';
import { env } from '#config/env.ts';
import type { ObjectStore, UploadedPart } from '#ports.ts';

const clients = new Map<ClientProfile, S3Client>();

/** One client per profile and container (docs/architecture.md, "Storage faults answer fast"). */
function s3Client(profile: ClientProfile): S3Client {
  let client = clients.get(profile);
  if (!client) {
    const { AWS_REGION, S3_ENDPOINT } = env();
    client = new S3Client({
      region: AWS_REGION,
      ...(S3_ENDPOINT ? { endpoint: S3_ENDPOINT, forcePathStyle: true } : {}),
      // Without this the presigner signs a CRC32 of an empty body into upload URLs, and streamed bodies use
      // aws-chunked trailers that s3rver 3.7 rejects.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...clientOptions(profile),
    });
    clients.set(profile, client);
  }
  return client;
}

const STORE = 'kho tệp (object store)';
const bucket = () => env().BUCKET_NAME;
const errorName = (e: unknown) => (e as { name?: string }).name ?? '';
const status = (e: unknown) => (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
/** s3rver answers 405 MethodNotAllowed for what it does not implement (ListParts, versions, abort). */
const notImplemented = (e: unknown) =>
  ['MethodNotAllowed', 'NotImplemented'].includes(errorName(e)) || status(e) === 405 || status(e) === 501;
const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

function createObjectStore(profile: ClientProfile): ObjectStore {
  const s3 = () => s3Client(profile);
  return {
    async presignPut(key, contentType, sizeBytes, expiresIn) {
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
    },

    async createMultipart(key, contentType) {
      const res = await guard(STORE, () =>
        s3().send(new CreateMultipartUploadCommand({ Bucket: bucket(), Key: key, ContentType: contentType })),
      );
      if (!res.UploadId) throw new Error('CreateMultipartUpload returned no UploadId');
      return res.UploadId;
    },

    async uploadPart(key, uploadId, partNumber, body) {
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
    },

    async presignPart(key, uploadId, partNumber, sizeBytes, expiresIn) {
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
    },

    async listParts(key, uploadId) {
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
    },

    async completeMultipart(key, uploadId, parts) {
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
        if ((name === 'NoSuchUpload' || name === 'PreconditionFailed') && (await this.head(key)))
          return 'already-completed';
        if (['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall', 'NoSuchUpload'].includes(name))
          return 'invalid-parts';
        // s3rver reports a missing part file as a 500 ENOENT rather than InvalidPart.
        if (status(e) === 500 && /ENOENT|no such file/i.test(String((e as Error).message)))
          return 'invalid-parts';
        throw e;
      }
    },

    async abortMultipart(key, uploadId) {
      try {
        await guard(STORE, () =>
          s3().send(new AbortMultipartUploadCommand({ Bucket: bucket(), Key: key, UploadId: uploadId })),
        );
      } catch (e) {
        // Already completed or aborted; s3rver cannot abort (the bucket lifecycle rule cleans up in AWS).
        if (errorName(e) === 'NoSuchUpload' || notImplemented(e)) return;
        throw e;
      }
    },

    async presignGet(key, opts) {
      const command = new GetObjectCommand({
        Bucket: bucket(),
        Key: key,
        ResponseContentDisposition: opts.contentDisposition,
        ResponseContentType: opts.contentType,
      });
      const url = await getSignedUrl(s3(), command, { expiresIn: opts.expiresInSeconds });
      return { url, expiresAt: expiry(opts.expiresInSeconds) };
    },

    async putObject(key, body, contentType) {
      await guard(STORE, () =>
        s3().send(
          new PutObjectCommand({
            Bucket: bucket(),
            Key: key,
            Body: body,
            ContentType: contentType,
            ContentLength: body.byteLength,
            IfNoneMatch: '*',
          }),
        ),
      );
    },

    async copy(sourceKey, targetKey) {
      await guard(STORE, () =>
        s3().send(
          new CopyObjectCommand({
            Bucket: bucket(),
            Key: targetKey,
            CopySource: `${bucket()}/${sourceKey}`,
            // The copy is scanned afresh: no tags (GuardDuty's verdict) carried over, no tagging permissions.
            TaggingDirective: 'REPLACE',
          }),
        ),
      );
    },

    async head(key) {
      try {
        const res = await guard(STORE, () =>
          s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key })),
        );
        return {
          sizeBytes: res.ContentLength ?? 0,
          contentType: res.ContentType,
          lastModified: res.LastModified?.toISOString(),
        };
      } catch (e) {
        const name = errorName(e);
        if (name === 'NotFound' || name === 'NoSuchKey') return undefined;
        throw e;
      }
    },

    async stream(key) {
      const res = await guard(STORE, () => s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key })));
      return res.Body as unknown as AsyncIterable<Uint8Array>;
    },

    async getTag(key, tagKey) {
      try {
        const res = await guard(STORE, () =>
          s3().send(new GetObjectTaggingCommand({ Bucket: bucket(), Key: key })),
        );
        return res.TagSet?.find((t) => t.Key === tagKey)?.Value;
      } catch (e) {
        if (errorName(e) === 'NoSuchKey') return undefined;
        throw e;
      }
    },

    async deleteObject(key) {
      await guard(STORE, () => s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key })));
    },

    async purgePrefix(prefix) {
      let deleted = 0;
      const remove = async (objects: ObjectIdentifier[]) => {
        for (let i = 0; i < objects.length; i += 1000) {
          const batch = objects.slice(i, i + 1000);
          const res = await guard(STORE, () =>
            s3().send(
              new DeleteObjectsCommand({ Bucket: bucket(), Delete: { Objects: batch, Quiet: true } }),
            ),
          );
          if (res.Errors?.length)
            throw new Error(`purge: ${res.Errors.length} objects not deleted (${res.Errors[0]?.Code})`);
          deleted += batch.length;
        }
      };
      try {
        // Versioned bucket (AWS): every version and every delete marker, so nothing remains recoverable.
        let keyMarker: string | undefined;
        let versionMarker: string | undefined;
        do {
          const res = await guard(STORE, () =>
            s3().send(
              new ListObjectVersionsCommand({
                Bucket: bucket(),
                Prefix: prefix,
                KeyMarker: keyMarker,
                VersionIdMarker: versionMarker,
              }),
            ),
          );
          await remove(
            [...(res.Versions ?? []), ...(res.DeleteMarkers ?? [])].map((v) => ({
              Key: v.Key!,
              VersionId: v.VersionId,
            })),
          );
          keyMarker = res.IsTruncated ? res.NextKeyMarker : undefined;
          versionMarker = res.IsTruncated ? res.NextVersionIdMarker : undefined;
        } while (keyMarker);
        return { deleted, versioned: true };
      } catch (e) {
        // Only a local store without versioning (s3rver) takes this path; in AWS a failure propagates.
        if (!notImplemented(e) || !env().S3_ENDPOINT) throw e;
      }
      let token: string | undefined;
      do {
        const res = await guard(STORE, () =>
          s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: prefix, ContinuationToken: token })),
        );
        await remove((res.Contents ?? []).map((o) => ({ Key: o.Key! })));
        token = res.IsTruncated ? res.NextContinuationToken : undefined;
      } while (token);
      return { deleted, versioned: false };
    },
  };
}

/** API functions: every call answers, or fails with a 503, within 3 s. */
export const objectStore: ObjectStore = createObjectStore('request');
/** Work that moves object bodies (finalize, the evidence package): only an idle socket times out. */
export const streamingObjectStore: ObjectStore = createObjectStore('stream');
