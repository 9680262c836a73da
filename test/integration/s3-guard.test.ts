/**
 * The local bucket refuses what S3 refuses (s3rver alone accepts all of these): anonymous reads of a guessed
 * key, tampered or expired presigned URLs, bodies that differ from the signed length or type, and a write with
 * `If-None-Match: *` to a key that exists (412, as S3's conditional writes). s3rver itself is reachable only
 * through this front: it listens on a private Unix socket, on no TCP port.
 */
import { statSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { newCycle, objectExists, pdf, putWithUrl, settled, ticketFor } from './evidence-helpers.ts';
import { stack } from './helpers.ts';
import { dynamoLocalPid, listeningPorts, parentPid, unixSocketPaths } from './stack-process.ts';

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

const getObject = async (k: string) => {
  const got = await s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: k }));
  return Buffer.from(await got.Body!.transformToByteArray());
};
const s3Error = (e: unknown) => ({
  name: (e as { name?: string }).name,
  status: (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode,
});

describe('conditional writes (If-None-Match: *), as S3', () => {
  it('a replayed presigned upload on a finalized file is refused with 412 and the stored bytes stay', async () => {
    const cycleId = await newCycle(2093);
    const bytes = pdf('first  write');
    const t = await ticketFor(cycleId, '1.1', bytes);
    // The app's presigned PUT carries the condition, signed, so a client cannot drop it.
    expect(new URL(t.upload.url).searchParams.get('X-Amz-SignedHeaders')).toContain('if-none-match');
    await putWithUrl(t.upload, bytes);
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.files[0].latest.state).toBe('available');

    const other = pdf('second write'); // same length: only the condition can refuse it
    expect(other.length).toBe(bytes.length);
    const replay = await fetch(t.upload.url, { method: 'PUT', headers: t.upload.headers, body: other });
    expect(replay.status).toBe(412);
    expect(await replay.text()).toContain('<Code>PreconditionFailed</Code>');
    expect(await getObject(t.revision.objectKey)).toEqual(bytes);
  });

  it('PutObject and CompleteMultipartUpload with the condition get 412 on an existing key; without it S3 overwrites', async () => {
    const k = `${key}-cond`;
    await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: k, Body: body, IfNoneMatch: '*' }));
    const again = await s3
      .send(new PutObjectCommand({ Bucket: stack.bucket, Key: k, Body: Buffer.from('x'), IfNoneMatch: '*' }))
      .catch(s3Error);
    expect(again).toEqual({ name: 'PreconditionFailed', status: 412 });

    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: stack.bucket, Key: k }));
    const part = await s3.send(
      new UploadPartCommand({
        Bucket: stack.bucket,
        Key: k,
        UploadId,
        PartNumber: 1,
        Body: Buffer.from('y'),
      }),
    );
    const complete = (condition: boolean) =>
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: stack.bucket,
          Key: k,
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
          ...(condition ? { IfNoneMatch: '*' } : {}),
        }),
      );
    expect(await complete(true).catch(s3Error)).toEqual({ name: 'PreconditionFailed', status: 412 });
    expect(await getObject(k)).toEqual(body);
    // Control: an unconditional write replaces the object, as in S3.
    await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: k, Body: Buffer.from('replaced') }));
    expect((await getObject(k)).toString()).toBe('replaced');
  });

  it('a second conditional write while the first is still under way gets 409 ConditionalRequestConflict', async () => {
    const k = `${key}-race`;
    const url = new URL(
      await getSignedUrl(
        s3,
        new PutObjectCommand({
          Bucket: stack.bucket,
          Key: k,
          ContentType: 'application/pdf',
          ContentLength: body.length,
          IfNoneMatch: '*',
        }),
        { expiresIn: 60, signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']) },
      ),
    );
    const headers = {
      'content-type': 'application/pdf',
      'content-length': String(body.length),
      'if-none-match': '*',
    };
    // The first upload sends half its body and waits.
    const first = request({
      host: url.hostname,
      port: url.port,
      method: 'PUT',
      path: url.pathname + url.search,
      headers,
    });
    const firstStatus = new Promise<number>((resolve, reject) => {
      first.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      first.on('error', reject);
    });
    first.write(body.subarray(0, 5));
    await new Promise((r) => setTimeout(r, 300));
    const second = await fetch(url, { method: 'PUT', headers, body });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('ConditionalRequestConflict');
    first.end(body.subarray(5));
    expect(await firstStatus).toBe(200);
    expect(await getObject(k)).toEqual(body);
  });
});

/** Sends the request head and `sent` bytes of the body, then `how` the client gives up: drops the connection or half-closes it. */
function partialPut(
  upload: { url: string; headers: Record<string, string> },
  body: Buffer,
  sent: number,
  how: 'destroy' | 'half-close',
) {
  const url = new URL(upload.url);
  return new Promise<void>((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), allowHalfOpen: true }, () => {
      const head = Object.entries({
        ...upload.headers,
        host: url.host,
        'content-length': String(body.length),
      })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.write(`PUT ${url.pathname}${url.search} HTTP/1.1\r\n${head}\r\n`);
      socket.write(body.subarray(0, sent), () => {
        // Let the front take in what was sent, as a slow line would, before the client gives up.
        setTimeout(() => (how === 'destroy' ? socket.destroy() : socket.end()), 300);
      });
    });
    socket.on('data', () => {});
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
  });
}

describe('a body cut short never becomes an object, as S3 ("never adds partial objects")', () => {
  it('a PUT cancelled midway or short of its Content-Length leaves no object; the retry with the same URL stores the file', async () => {
    const cycleId = await newCycle(2094);
    const bytes = pdf('cancelled then retried', `% ${'x'.repeat(256 * 1024)}\n`);
    const t = await ticketFor(cycleId, '1.1', bytes);
    const key = t.revision.objectKey as string;

    await partialPut(t.upload, bytes, 100 * 1024, 'destroy');
    await new Promise((r) => setTimeout(r, 300));
    expect(await objectExists(key)).toBe(false);

    await partialPut(t.upload, bytes, bytes.length - 1, 'half-close');
    await new Promise((r) => setTimeout(r, 300));
    expect(await objectExists(key)).toBe(false);

    // The browser's Retry reuses the presigned URL (and its If-None-Match: *): nothing there, so it is stored.
    await putWithUrl(t.upload, bytes);
    expect(await getObject(key)).toEqual(bytes);
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.files[0].latest.state).toBe('available');
  });
});

describe('s3rver is reachable only through the front', () => {
  const stackPid = () => parentPid(dynamoLocalPid(Number(new URL(stack.dynamo).port)));

  it('no TCP port of the stack serves a stored object to an anonymous request', async () => {
    const k = `${key}-hidden`;
    const secret = Buffer.from(`%PDF-1.4 only through the front ${Date.now()}`);
    await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: k, Body: secret }));
    const ports = listeningPorts(stackPid());
    // The scan sees the stack: the front and the gateway are among them.
    expect(ports).toEqual(
      expect.arrayContaining([Number(new URL(stack.s3).port), Number(new URL(stack.api).port)]),
    );
    for (const port of ports) {
      const res = await fetch(`http://127.0.0.1:${port}/${stack.bucket}/${k}`).catch(() => undefined);
      const got = res ? Buffer.from(await res.arrayBuffer()) : Buffer.alloc(0);
      expect(got.includes(secret), `port ${port} served the object anonymously`).toBe(false);
    }
  });

  it("s3rver's socket lives in a folder only this user can enter", () => {
    const sockets = unixSocketPaths(stackPid()).filter((p) => p.endsWith('/s3rver.sock'));
    expect(sockets).toHaveLength(1);
    const folder = statSync(dirname(sockets[0]!));
    expect(folder.mode & 0o777).toBe(0o700);
    expect(folder.uid).toBe(process.getuid?.());
  });
});
