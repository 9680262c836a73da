/**
 * The local bucket refuses what S3 refuses (s3rver alone accepts all of these): anonymous reads of a guessed
 * key, tampered or expired presigned URLs, and bodies that differ from the signed length or type.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { stack } from './helpers.ts';

const s3 = new S3Client({
  endpoint: stack.s3,
  region: 'ap-southeast-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

const body = Buffer.from('%PDF-1.4 guard test');
const key = `guard-test/${Date.now()}`;

async function presignPut(k: string, expiresIn = 60) {
  return getSignedUrl(
    s3,
    new PutObjectCommand({
      Bucket: stack.bucket,
      Key: k,
      ContentType: 'application/pdf',
      ContentLength: body.length,
    }),
    { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) },
  );
}
const put = (url: string, bytes: Buffer, type = 'application/pdf') =>
  fetch(url, { method: 'PUT', headers: { 'content-type': type }, body: bytes });

describe('local S3 verifying front', () => {
  it('accepts a correct presigned PUT and SDK-signed reads (control)', async () => {
    expect((await put(await presignPut(key), body)).status).toBe(200);
    const got = await s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: key }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
  });

  it('refuses an anonymous GET of a guessed key', async () => {
    const res = await fetch(`${stack.s3}/${stack.bucket}/${key}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('AccessDenied');
  });

  it('refuses a tampered signature, another key, a longer body and another type', async () => {
    const url = await presignPut(`${key}-2`);
    const tampered = url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
    );
    expect((await put(tampered, body)).status).toBe(403);
    expect((await put(url.replace(`${key}-2`, `${key}-3`), body)).status).toBe(403);
    expect((await put(url, Buffer.concat([body, Buffer.from('more')]))).status).toBe(403);
    expect((await put(url, body, 'application/x-msdownload')).status).toBe(403);
  });

  it('refuses an expired presigned URL', async () => {
    const url = await presignPut(`${key}-4`, 1);
    await new Promise((r) => setTimeout(r, 2100));
    const res = await put(url, body);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('expired');
  });
});
