/**
 * The object store (S3): one per client profile, assembled from named steps — presigned URLs (signing.ts),
 * multipart uploads (multipart.ts), single objects (objects.ts), the purge of a prefix (purge.ts).
 */
import type { ClientProfile } from '#adapters/client-profile.ts';
import type { ObjectStore } from '#ports.ts';
import { abortMultipart, completeMultipart, createMultipart, listParts, uploadPart } from './multipart.ts';
import { copy, deleteObject, getTag, head, putObject, stream } from './objects.ts';
import { purgePrefix } from './purge.ts';
import { type S3, s3Client } from './s3-client.ts';
import { presignGet, presignPart, presignPut } from './signing.ts';

function createObjectStore(profile: ClientProfile): ObjectStore {
  const s3: S3 = () => s3Client(profile);
  return {
    presignPut: presignPut(s3),
    createMultipart: createMultipart(s3),
    uploadPart: uploadPart(s3),
    presignPart: presignPart(s3),
    listParts: listParts(s3),
    completeMultipart: completeMultipart(s3),
    abortMultipart: abortMultipart(s3),
    presignGet: presignGet(s3),
    putObject: putObject(s3),
    copy: copy(s3),
    head: head(s3),
    stream: stream(s3),
    getTag: getTag(s3),
    deleteObject: deleteObject(s3),
    purgePrefix: purgePrefix(s3),
  };
}

/** API functions: every call answers, or fails with a 503, within 3 s. */
export const objectStore: ObjectStore = createObjectStore('request');
/** Work that moves object bodies (finalize, the evidence package): only an idle socket times out. */
export const streamingObjectStore: ObjectStore = createObjectStore('stream');
