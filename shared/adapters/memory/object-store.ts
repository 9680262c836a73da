/**
 * The bucket, in memory, refusing what S3 refuses: a conditional write (`If-None-Match: *`) to a key that exists
 * fails with `PreconditionFailed`, a missing object with `NoSuchKey`, multipart parts are checked by ETag and
 * (except the last) S3's 5 MiB minimum. Presigned URLs are `memory://` addresses; `acceptUpload` plays the
 * browser's PUT to one, and `setTag` plays GuardDuty leaving its verdict.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Clock, ObjectHead, ObjectStore, UploadedPart } from '#ports.ts';

interface StoredObject {
  body: Uint8Array;
  contentType?: string;
  lastModified: string;
  tags: Record<string, string>;
}

interface Upload {
  key: string;
  contentType: string;
  parts: Map<number, { etag: string; body: Uint8Array }>;
}

/** S3's smallest part, except the last (EntityTooSmall). */
const MIN_PART_BYTES = 5 * 1024 * 1024;
/** Streams hand out bodies in chunks, as a socket would. */
const CHUNK = 64 * 1024;

const s3Error = (name: string, message: string) => Object.assign(new Error(message), { name });
const etagOf = (body: Uint8Array) => `"${createHash('md5').update(body).digest('hex')}"`;

export interface MemoryObjectStore extends ObjectStore {
  /** The browser's PUT to a presigned URL: refused (`PreconditionFailed`) when the key already exists. */
  acceptUpload(key: string, body: Uint8Array, contentType: string): void;
  /**
   * A PUT to a presigned URL as S3 answers it: 403 when expired or when the size or a signed header differs
   * from what was signed, 412 when the key exists, else 200.
   */
  receivePut(url: string, headers: Record<string, string>, body: Uint8Array): number;
  /** Sets one tag of the object (GuardDuty's verdict). */
  setTag(key: string, tagKey: string, value: string): void;
  /** The object's bytes, or undefined. */
  bytes(key: string): Uint8Array | undefined;
  keys(): string[];
}

function multipart({ objects, write }: Bucket, clock: Clock) {
  const uploads = new Map<string, Upload>();
  const upload = (uploadId: string, key: string) => {
    const u = uploads.get(uploadId);
    return u?.key === key ? u : undefined;
  };
  const store: Pick<
    ObjectStore,
    'createMultipart' | 'uploadPart' | 'listParts' | 'completeMultipart' | 'abortMultipart'
  > = {
    async createMultipart(key, contentType) {
      const uploadId = randomUUID();
      uploads.set(uploadId, { key, contentType, parts: new Map() });
      return uploadId;
    },
    async uploadPart(key, uploadId, partNumber, body) {
      const u = upload(uploadId, key);
      if (!u) throw s3Error('NoSuchUpload', `no upload ${uploadId}`);
      const etag = etagOf(body);
      u.parts.set(partNumber, { etag, body: body.slice() });
      return etag;
    },
    async listParts(key, uploadId) {
      const u = upload(uploadId, key);
      if (!u) return [];
      return [...u.parts.entries()]
        .sort(([a], [b]) => a - b)
        .map(([partNumber, p]): UploadedPart => ({ partNumber, etag: p.etag, sizeBytes: p.body.byteLength }));
    },
    async completeMultipart(key, uploadId, parts) {
      const u = upload(uploadId, key);
      // A retried complete: the first call assembled the object (keys are per revision).
      if (!u || objects.has(key)) return objects.has(key) ? 'already-completed' : 'invalid-parts';
      const ordered = [...parts].sort((a, b) => a.partNumber - b.partNumber);
      const bodies = ordered.map((p) => u.parts.get(p.partNumber));
      const bad = ordered.some((p, i) => bodies[i]?.etag !== p.etag);
      const small = bodies.slice(0, -1).some((b) => (b?.body.byteLength ?? 0) < MIN_PART_BYTES);
      if (!ordered.length || bad || small) return 'invalid-parts';
      write(key, {
        body: Buffer.concat(bodies.map((b) => b!.body)),
        contentType: u.contentType,
        lastModified: clock.now().toISOString(),
        tags: {},
      });
      uploads.delete(uploadId);
      return 'completed';
    },
    async abortMultipart(_key, uploadId) {
      uploads.delete(uploadId);
    },
  };
  return store;
}

/** The bucket's objects and the three ways every operation touches them. */
interface Bucket {
  objects: Map<string, StoredObject>;
  /** The object, or S3's `NoSuchKey`. */
  found(key: string): StoredObject;
  /** Conditional write (`If-None-Match: *`): S3's `PreconditionFailed` when the key exists. */
  write(key: string, o: StoredObject): void;
  stored(body: Uint8Array, contentType?: string): StoredObject;
}

function bucketOf(clock: Clock): Bucket {
  const objects = new Map<string, StoredObject>();
  return {
    objects,
    found(key) {
      const o = objects.get(key);
      if (!o) throw s3Error('NoSuchKey', `The specified key does not exist: ${key}`);
      return o;
    },
    write(key, o) {
      if (objects.has(key))
        throw s3Error('PreconditionFailed', `At least one of the pre-conditions failed: ${key}`);
      objects.set(key, o);
    },
    stored: (body, contentType) => ({
      body: body.slice(),
      contentType,
      lastModified: clock.now().toISOString(),
      tags: {},
    }),
  };
}

/** Presigned URLs carry what they sign in their query, so `receivePut` can refuse what S3 would. */
function presigning(bucket: Bucket, clock: Clock, name: string) {
  const expiry = (seconds: number) => new Date(clock.now().getTime() + seconds * 1000).toISOString();
  const url = (key: string, query: Record<string, string>) =>
    `memory://${name}/${encodeURI(key)}?${new URLSearchParams(query).toString()}`;
  const presign: Pick<MemoryObjectStore, 'presignPut' | 'presignPart' | 'presignGet' | 'receivePut'> = {
    async presignPut(key, contentType, sizeBytes, expiresIn) {
      return {
        method: 'PUT',
        url: url(key, { size: String(sizeBytes), type: contentType, expires: expiry(expiresIn) }),
        headers: { 'content-type': contentType, 'if-none-match': '*' },
        expiresAt: expiry(expiresIn),
      };
    },
    async presignPart(key, uploadId, partNumber, sizeBytes, expiresIn) {
      const query = { uploadId, partNumber: String(partNumber), expires: expiry(expiresIn) };
      return { method: 'PUT', partNumber, sizeBytes, url: url(key, query), headers: {} };
    },
    async presignGet(key, opts) {
      const query = {
        'response-content-disposition': opts.contentDisposition,
        expires: expiry(opts.expiresInSeconds),
      };
      return { url: url(key, query), expiresAt: expiry(opts.expiresInSeconds) };
    },
    receivePut(address, headers, body) {
      const u = new URL(address);
      const signed = Object.fromEntries(u.searchParams);
      const fresh = Date.parse(signed.expires ?? '') > clock.now().getTime();
      if (!fresh || Number(signed.size) !== body.byteLength || headers['content-type'] !== signed.type)
        return 403;
      if (headers['if-none-match'] !== '*') return 403;
      const key = decodeURI(u.pathname.slice(1));
      if (bucket.objects.has(key)) return 412;
      bucket.objects.set(key, bucket.stored(body, signed.type));
      return 200;
    },
  };
  return presign;
}

export function memoryObjectStore(clock: Clock, name = 'memory-bucket'): MemoryObjectStore {
  const bucket = bucketOf(clock);
  const { objects, found, write, stored } = bucket;
  return {
    ...presigning(bucket, clock, name),
    ...multipart(bucket, clock),
    async putObject(key, body, contentType) {
      write(key, stored(body, contentType));
    },
    async copy(sourceKey, targetKey) {
      const source = found(sourceKey);
      // The copy is scanned afresh: no tags carried over.
      objects.set(targetKey, stored(source.body, source.contentType));
    },
    async head(key): Promise<ObjectHead | undefined> {
      const o = objects.get(key);
      return o && { sizeBytes: o.body.byteLength, contentType: o.contentType, lastModified: o.lastModified };
    },
    async stream(key) {
      const body = found(key).body;
      return (async function* () {
        for (let i = 0; i < body.byteLength; i += CHUNK) yield body.slice(i, i + CHUNK);
      })();
    },
    getTag: async (key, tagKey) => objects.get(key)?.tags[tagKey],
    async deleteObject(key) {
      objects.delete(key);
    },
    async purgePrefix(prefix) {
      const doomed = [...objects.keys()].filter((k) => k.startsWith(prefix));
      for (const k of doomed) objects.delete(k);
      return { deleted: doomed.length, versioned: false };
    },
    acceptUpload(key, body, contentType) {
      write(key, stored(body, contentType));
    },
    setTag(key, tagKey, value) {
      found(key).tags[tagKey] = value;
    },
    bytes: (key) => objects.get(key)?.body.slice(),
    keys: () => [...objects.keys()].sort(),
  };
}
