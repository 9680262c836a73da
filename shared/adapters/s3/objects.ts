/** Single objects: put (write-once), copy, head, stream, the scan tag, delete. */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { guard } from '#adapters/guard.ts';
import type { ObjectStore } from '#ports.ts';
import { bucket, errorName, type S3, STORE } from './s3-client.ts';

export const putObject =
  (s3: S3): ObjectStore['putObject'] =>
  async (key, body, contentType) => {
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
  };

export const copy =
  (s3: S3): ObjectStore['copy'] =>
  async (sourceKey, targetKey) => {
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
  };

export const head =
  (s3: S3): ObjectStore['head'] =>
  async (key) => {
    try {
      const res = await guard(STORE, () => s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key })));
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
  };

export const stream =
  (s3: S3): ObjectStore['stream'] =>
  async (key) => {
    const res = await guard(STORE, () => s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key })));
    return res.Body as unknown as AsyncIterable<Uint8Array>;
  };

export const getTag =
  (s3: S3): ObjectStore['getTag'] =>
  async (key, tagKey) => {
    try {
      const res = await guard(STORE, () =>
        s3().send(new GetObjectTaggingCommand({ Bucket: bucket(), Key: key })),
      );
      return res.TagSet?.find((t) => t.Key === tagKey)?.Value;
    } catch (e) {
      if (errorName(e) === 'NoSuchKey') return undefined;
      throw e;
    }
  };

export const deleteObject =
  (s3: S3): ObjectStore['deleteObject'] =>
  async (key) => {
    await guard(STORE, () => s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key })));
  };
