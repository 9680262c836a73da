/** Ports: The object store (S3 in AWS, s3rver locally): presigned transfers, copies, streams and purges. */

export interface PresignedUpload {
  method: 'PUT';
  url: string;
  /** Headers the client must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface PresignedPart extends Omit<PresignedUpload, 'expiresAt'> {
  partNumber: number;
  sizeBytes: number;
}

export interface UploadedPart {
  partNumber: number;
  etag: string;
  sizeBytes: number;
}

export interface ObjectHead {
  sizeBytes: number;
  contentType?: string;
  /** When the object was written (ISO), where the store says. */
  lastModified?: string;
}

export interface ObjectStore {
  /** A PUT URL signing size, type and `if-none-match: *`: S3 itself refuses other bytes or an overwrite. */
  presignPut(
    key: string,
    contentType: string,
    sizeBytes: number,
    expiresInSeconds: number,
  ): Promise<PresignedUpload>;
  /** Starts a multipart upload (type fixed here); returns its upload id. */
  createMultipart(key: string, contentType: string): Promise<string>;
  /** A PUT URL for one part, signing its exact size. */
  presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    sizeBytes: number,
    expiresInSeconds: number,
  ): Promise<PresignedPart>;
  /** Uploads one part from the server (the export worker's package); returns its ETag. */
  uploadPart(key: string, uploadId: string, partNumber: number, body: Uint8Array): Promise<string>;
  /** Parts the store already holds, or undefined where it cannot say (s3rver has no ListParts). */
  listParts(key: string, uploadId: string): Promise<UploadedPart[] | undefined>;
  /** `invalid-parts`: a listed part is missing or its ETag is wrong. Completing twice is `already-completed`. */
  completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
  ): Promise<'completed' | 'already-completed' | 'invalid-parts'>;
  abortMultipart(key: string, uploadId: string): Promise<void>;
  /** A short-lived GET that makes the browser save the file under its original (UTF-8) name. */
  presignGet(
    key: string,
    opts: { contentDisposition: string; contentType: string; expiresInSeconds: number },
  ): Promise<{ url: string; expiresAt: string }>;
  /** Server-side copy to a new key (never overwrites: the target is a fresh id). */
  copy(sourceKey: string, targetKey: string): Promise<void>;
  head(key: string): Promise<ObjectHead | undefined>;
  /** The object's bytes as a stream, so callers can hash large files in bounded memory. */
  stream(key: string): Promise<AsyncIterable<Uint8Array>>;
  /** One tag of the object's current version (GuardDuty's verdict), if set. */
  getTag(key: string, tagKey: string): Promise<string | undefined>;
  /**
   * Deletes every object under the prefix, and in a versioned bucket every version and delete marker;
   * `versioned` says which happened (s3rver has no versions).
   */
  purgePrefix(prefix: string): Promise<{ deleted: number; versioned: boolean }>;
  /** Deletes one object (a delete marker in a versioned bucket); a missing key is not an error. */
  deleteObject(key: string): Promise<void>;
  /** Writes a file the server built (an export), never overwriting: the key is a fresh id. */
  putObject(key: string, body: Uint8Array, contentType: string): Promise<void>;
}
