import { beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStore, PresignedUpload } from '#ports.ts';
import { uid } from './fixtures.ts';

/** The browser's PUT of `body` to a presigned URL, with the headers it must send; the store's answer status. */
export type PresignedPut = (upload: PresignedUpload, body: Uint8Array) => Promise<number>;

const bytes = (text: string) => new TextEncoder().encode(text);

async function read(store: ObjectStore, key: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await store.stream(key)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** What the engine behind an implementation cannot do; those checks are skipped, not weakened. */
export interface ObjectStoreGaps {
  /** s3rver completes a multipart upload whatever ETags it is given (S3 answers InvalidPart). */
  partEtagsUnchecked?: boolean;
}

export function describeObjectStoreContract(
  make: () => Promise<{ store: ObjectStore; put: PresignedPut }>,
  gaps: ObjectStoreGaps = {},
) {
  describe('ObjectStore contract', () => {
    let store: ObjectStore;
    let put: PresignedPut;
    beforeAll(async () => {
      ({ store, put } = await make());
    });
    const key = () => `contract/${uid('o')}/file.pdf`;

    it('accepts one PUT to a presigned URL and refuses a second to the same key', async () => {
      const k = key();
      const body = bytes('%PDF-1.7 một');
      const upload = await store.presignPut(k, 'application/pdf', body.byteLength, 300);
      expect(upload).toMatchObject({
        method: 'PUT',
        headers: { 'content-type': 'application/pdf', 'if-none-match': '*' },
      });
      expect(Date.parse(upload.expiresAt)).toBeGreaterThan(0);
      expect(await put(upload, body)).toBe(200);
      expect(await put(upload, bytes('%PDF-1.7 mốt'))).toBe(412);
      expect(await store.head(k)).toMatchObject({
        sizeBytes: body.byteLength,
        contentType: 'application/pdf',
      });
      expect(await read(store, k)).toBe('%PDF-1.7 một');
    });

    it('writes a server-built file once, streams it, copies it and deletes it', async () => {
      const [k, copy] = [key(), key()];
      await store.putObject(k, bytes('xuất'), 'text/plain');
      await expect(store.putObject(k, bytes('again'), 'text/plain')).rejects.toThrow();
      expect(await read(store, k)).toBe('xuất');
      await store.copy(k, copy);
      expect(await read(store, copy)).toBe('xuất');
      expect((await store.head(copy))?.sizeBytes).toBe(bytes('xuất').byteLength);
      await store.deleteObject(k);
      expect(await store.head(k)).toBeUndefined();
      await store.deleteObject(k);
      await expect(store.stream(k)).rejects.toThrow();
      expect(await store.head(key())).toBeUndefined();
      expect(await store.getTag(copy, 'GuardDutyMalwareScanStatus')).toBeUndefined();
    });

    it('assembles a multipart upload once; wrong parts are invalid, a retried complete is already-completed', async () => {
      const k = key();
      const uploadId = await store.createMultipart(k, 'application/zip');
      const etag = await store.uploadPart(k, uploadId, 1, bytes('PK phần một'));
      const listed = await store.listParts(k, uploadId);
      if (listed)
        expect(listed).toEqual([{ partNumber: 1, etag, sizeBytes: bytes('PK phần một').byteLength }]);
      const part = await store.presignPart(k, uploadId, 2, 10, 300);
      expect(part).toMatchObject({ method: 'PUT', partNumber: 2, sizeBytes: 10 });
      const wrong = [{ partNumber: 1, etag: '"0000"' }];
      if (!gaps.partEtagsUnchecked)
        expect(await store.completeMultipart(k, uploadId, wrong)).toBe('invalid-parts');
      expect(await store.completeMultipart(k, uploadId, [{ partNumber: 1, etag }])).toBe('completed');
      expect(await store.completeMultipart(k, uploadId, [{ partNumber: 1, etag }])).toBe('already-completed');
      expect(await read(store, k)).toBe('PK phần một');
      expect((await store.head(k))?.contentType).toBe('application/zip');
      const other = key();
      const aborted = await store.createMultipart(other, 'application/zip');
      await store.abortMultipart(other, aborted);
      await store.abortMultipart(other, aborted);
      expect(await store.head(other)).toBeUndefined();
    });

    it('presigns a GET and purges everything under a prefix', async () => {
      const prefix = `contract/${uid('p')}/`;
      for (const name of ['a', 'b/c', 'd'])
        await store.putObject(`${prefix}${name}`, bytes(name), 'text/plain');
      const outside = key();
      await store.putObject(outside, bytes('stay'), 'text/plain');
      const get = await store.presignGet(`${prefix}a`, {
        contentDisposition: "attachment; filename*=UTF-8''b%C3%A1o-c%C3%A1o.pdf",
        contentType: 'application/pdf',
        expiresInSeconds: 60,
      });
      expect(get.url).toMatch(/^[a-z]+:\/\//);
      const purged = await store.purgePrefix(prefix);
      if (!purged.versioned) expect(purged.deleted).toBe(3);
      expect(await store.head(`${prefix}b/c`)).toBeUndefined();
      expect(await read(store, outside)).toBe('stay');
      expect(await store.purgePrefix(`contract/${uid('none')}/`)).toMatchObject({ deleted: 0 });
    });
  });
}
