/** Purge of an evidence's prefix: every version and delete marker in AWS, the plain objects locally. */
import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  type ObjectIdentifier,
} from '@aws-sdk/client-s3';
import { guard } from '#adapters/guard.ts';
import { env } from '#config/env.ts';
import type { ObjectStore } from '#ports.ts';
import { bucket, notImplemented, type S3, STORE } from './s3-client.ts';

export const purgePrefix =
  (s3: S3): ObjectStore['purgePrefix'] =>
  async (prefix) => {
    let deleted = 0;
    const remove = async (objects: ObjectIdentifier[]) => {
      for (let i = 0; i < objects.length; i += 1000) {
        const batch = objects.slice(i, i + 1000);
        const res = await guard(STORE, () =>
          s3().send(new DeleteObjectsCommand({ Bucket: bucket(), Delete: { Objects: batch, Quiet: true } })),
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
  };
