import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { env } from '../../config/env.ts';
import type { ObjectStore } from '../../ports.ts';
import { guard } from '../guard.ts';

let client: S3Client | undefined;

function s3(): S3Client {
  if (!client) {
    const { AWS_REGION, S3_ENDPOINT } = env();
    client = new S3Client({
      region: AWS_REGION,
      ...(S3_ENDPOINT ? { endpoint: S3_ENDPOINT, forcePathStyle: true } : {}),
      // Without this the presigner signs a CRC32 of an empty body into upload URLs, and streamed bodies use
      // aws-chunked trailers that s3rver rejects (BRIEF §6).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }
  return client;
}

const STORE = 'kho tệp (object store)';

export const objectStore: ObjectStore = {
  async presignPut(key, contentType, sizeBytes, expiresIn) {
    const command = new PutObjectCommand({
      Bucket: env().BUCKET_NAME,
      Key: key,
      ContentType: contentType,
      ContentLength: sizeBytes,
    });
    // Signing content-length and content-type makes S3 itself refuse a different size or type.
    const url = await getSignedUrl(s3(), command, {
      expiresIn,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      method: 'PUT',
      url,
      headers: { 'content-type': contentType },
      expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
    };
  },

  async head(key) {
    try {
      const res = await guard(STORE, () =>
        s3().send(new HeadObjectCommand({ Bucket: env().BUCKET_NAME, Key: key })),
      );
      return { sizeBytes: res.ContentLength ?? 0, contentType: res.ContentType };
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'NotFound' || name === 'NoSuchKey') return undefined;
      throw e;
    }
  },

  async stream(key) {
    const res = await guard(STORE, () =>
      s3().send(new GetObjectCommand({ Bucket: env().BUCKET_NAME, Key: key })),
    );
    return res.Body as unknown as AsyncIterable<Uint8Array>;
  },
};
