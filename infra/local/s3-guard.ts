/**
 * A thin verifying front for s3rver, which checks the access key but not signatures, expiry or lengths
 * (docs/evidence.md). It sits on the S3 port and refuses what real S3 refuses — anonymous requests, tampered or
 * expired presigned URLs, a body that differs from the signed length or type, an `If-None-Match: *` write to a
 * key that exists — then streams the rest to s3rver unchanged. Verification is plain SigV4, recomputed from
 * the request as sent. s3rver itself listens only on a private Unix socket (engines.ts startS3).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface S3GuardOptions {
  port: number;
  /** s3rver's Unix socket. */
  upstreamSocket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Clock skew S3 tolerates for header-signed requests. */
  skewSeconds?: number;
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const sha256hex = (data: string) => createHash('sha256').update(data).digest('hex');

/** RFC 3986 encoding as SigV4 wants it. */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function amzDateToMs(d: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(d);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

interface Parsed {
  accessKeyId: string;
  scope: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  payloadHash: string;
  presigned: boolean;
  expires?: number;
}

function parseAuth(req: IncomingMessage, url: URL): Parsed | undefined {
  const q = url.searchParams;
  if (q.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256') {
    const [accessKeyId = '', date = '', region = '', service = ''] = (q.get('X-Amz-Credential') ?? '').split(
      '/',
    );
    return {
      accessKeyId,
      date,
      region,
      service,
      scope: `${date}/${region}/${service}/aws4_request`,
      signedHeaders: (q.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean),
      signature: q.get('X-Amz-Signature') ?? '',
      amzDate: q.get('X-Amz-Date') ?? '',
      payloadHash: q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
      presigned: true,
      expires: Number(q.get('X-Amz-Expires') ?? '0'),
    };
  }
  const auth = req.headers.authorization;
  const m =
    auth &&
    /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(auth);
  if (!m) return undefined;
  const [accessKeyId = '', date = '', region = '', service = ''] = m[1]!.split('/');
  return {
    accessKeyId,
    date,
    region,
    service,
    scope: `${date}/${region}/${service}/aws4_request`,
    signedHeaders: m[2]!.split(';'),
    signature: m[3]!,
    amzDate: String(req.headers['x-amz-date'] ?? ''),
    payloadHash: String(req.headers['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD'),
    presigned: false,
  };
}

function expectedSignature(req: IncomingMessage, url: URL, p: Parsed, secret: string): string {
  const query = [...url.searchParams.entries()]
    .filter(([k]) => !(p.presigned && k === 'X-Amz-Signature'))
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = p.signedHeaders
    .map((h) => {
      const raw = req.headers[h];
      const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
      return `${h}:${String(value).trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const path = url.pathname; // S3 signs the path as sent (already URI-encoded), without normalisation.
  const canonical = [req.method, path, query, headers, p.signedHeaders.join(';'), p.payloadHash].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', p.amzDate, p.scope, sha256hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, p.date), p.region), p.service), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

type Refusal = { code: string; message: string } | undefined;

export function verifyS3Request(req: IncomingMessage, opts: S3GuardOptions, now = Date.now()): Refusal {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const p = parseAuth(req, url);
  if (!p) return { code: 'AccessDenied', message: 'Anonymous access is forbidden for this bucket' };
  if (p.accessKeyId !== opts.credentials.accessKeyId)
    return {
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    };
  const signedAt = amzDateToMs(p.amzDate);
  if (Number.isNaN(signedAt)) return { code: 'AccessDenied', message: 'Invalid date' };
  if (p.presigned) {
    if (now > signedAt + (p.expires ?? 0) * 1000)
      return { code: 'AccessDenied', message: 'Request has expired' };
  } else if (Math.abs(now - signedAt) > (opts.skewSeconds ?? 900) * 1000) {
    return {
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
    };
  }
  if (!p.signedHeaders.includes('host')) return { code: 'AccessDenied', message: 'Host must be signed' };
  const expected = expectedSignature(req, url, p, opts.credentials.secretAccessKey);
  const a = Buffer.from(expected);
  const b = Buffer.from(p.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    return {
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  return undefined;
}

/**
 * The object key a conditional write targets, when S3 would evaluate `If-None-Match: *` on this request:
 * PutObject and CopyObject (PUT without an upload id) and CompleteMultipartUpload (POST with one). Parts never
 * carry conditions (S3 User Guide, "conditional writes").
 */
export function conditionalWriteKey(req: IncomingMessage, url: URL): string | undefined {
  if (String(req.headers['if-none-match'] ?? '').trim() !== '*') return undefined;
  const q = url.searchParams;
  const put = req.method === 'PUT' && !q.has('uploadId') && !q.has('partNumber');
  const complete = req.method === 'POST' && q.has('uploadId');
  if (!put && !complete) return undefined;
  // Path style, as every client of the local bucket uses it: /bucket/key.
  const [, bucket, ...key] = url.pathname.split('/');
  return bucket && key.join('/') ? url.pathname : undefined;
}

function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra = '',
) {
  const origin = req.headers.origin;
  res.writeHead(status, {
    'content-type': 'application/xml',
    ...(origin ? { 'access-control-allow-origin': origin, vary: 'origin' } : {}),
  });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message>${extra}</Error>`,
  );
  req.resume();
}

/**
 * Where a request's body waits until it has arrived whole. S3 never adds a partial object (PutObject, "Amazon S3
 * never adds partial objects; if you receive a success response, Amazon S3 added the entire object"), but s3rver
 * opens the object file at the first byte: a cancelled upload would leave a truncated object that HEAD, GET,
 * the redrive and `If-None-Match: *` all see. So s3rver gets a body only once all Content-Length bytes are in.
 */
async function receiveBody(req: IncomingMessage, file: string): Promise<'whole' | 'short' | 'long'> {
  const declared = Number(req.headers['content-length']);
  await pipeline(req, createWriteStream(file, { mode: 0o600 }));
  const got = (await stat(file)).size;
  if (!Number.isFinite(declared)) return 'whole'; // chunked (no Content-Length): only for non-PUT requests
  return got === declared ? 'whole' : got < declared ? 'short' : 'long';
}

export async function startS3Guard(opts: S3GuardOptions): Promise<{ close(): Promise<void> }> {
  const exists = (path: string) =>
    new Promise<boolean>((resolve, reject) => {
      const head = request({ socketPath: opts.upstreamSocket, method: 'HEAD', path }, (up) => {
        up.resume();
        resolve(up.statusCode === 200);
      });
      head.on('error', reject);
      head.end();
    });
  // Conditional writes under way, per key: S3 answers a concurrent one 409 ConditionalRequestConflict.
  const writing = new Set<string>();
  const spool = await mkdtemp(join(tmpdir(), 's3-guard-'));
  let spooled = 0;

  const preconditionFailed = (req: IncomingMessage, res: ServerResponse) =>
    sendError(
      req,
      res,
      412,
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      '<Condition>If-None-Match</Condition>',
    );

  const server: Server = createServer(async (req, res) => {
    // CORS preflights carry no credentials, as with S3; s3rver answers them from the bucket's CORS rules.
    const refusal = req.method === 'OPTIONS' ? undefined : verifyS3Request(req, opts);
    if (refusal) return sendError(req, res, 403, refusal.code, refusal.message);
    const chunked =
      req.headers['content-length'] === undefined && req.headers['transfer-encoding'] !== undefined;
    if (req.method === 'PUT' && chunked)
      return sendError(
        req,
        res,
        411,
        'MissingContentLength',
        'You must provide the Content-Length HTTP header.',
      );

    const conditional = conditionalWriteKey(req, new URL(req.url ?? '/', 'http://localhost'));
    // Held until s3rver has answered (or nothing will be sent to it), not merely until the client leaves.
    let forwarding = false;
    const release = () => {
      if (conditional) writing.delete(conditional);
    };
    res.on('close', () => {
      if (!forwarding) release();
    });
    if (conditional) {
      if (writing.has(conditional))
        return sendError(
          req,
          res,
          409,
          'ConditionalRequestConflict',
          'A conflicting conditional operation is currently in progress against this resource. Please try again.',
        );
      writing.add(conditional);
      try {
        if (await exists(conditional)) return preconditionFailed(req, res);
      } catch {
        return sendError(req, res, 503, 'ServiceUnavailable', 'Please reduce your request rate.');
      }
    }

    const hasBody = chunked || Number(req.headers['content-length'] ?? 0) > 0;
    const file = hasBody ? join(spool, String(++spooled)) : undefined;
    const cleanup = () => (file ? void rm(file, { force: true }) : undefined);
    if (file) {
      // A client that gives up mid-body (a cancelled browser upload) ends here: s3rver never hears of it.
      const received = await receiveBody(req, file).catch(() => 'aborted' as const);
      if (received === 'aborted') return cleanup();
      if (received !== 'whole') {
        cleanup();
        return sendError(
          req,
          res,
          400,
          received === 'short' ? 'IncompleteBody' : 'BadRequest',
          received === 'short'
            ? 'You did not provide the number of bytes specified by the Content-Length HTTP header'
            : 'The request body is longer than the Content-Length HTTP header',
        );
      }
      // S3 decides the condition when the upload completes; an unconditional write may have come in meanwhile.
      try {
        if (conditional && (await exists(conditional))) {
          cleanup();
          return preconditionFailed(req, res);
        }
      } catch {
        cleanup();
        return sendError(req, res, 503, 'ServiceUnavailable', 'Please reduce your request rate.');
      }
    }

    forwarding = true;
    const { expect: _continue, ...headers } = req.headers; // the body is already here
    const upstream = request(
      { socketPath: opts.upstreamSocket, method: req.method, path: req.url, headers },
      (up) => {
        up.on('end', release);
        if (res.destroyed) return up.resume();
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('close', () => {
      release();
      cleanup();
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    if (file) {
      // A whole body is stored even if the client leaves now: S3 would have it too, atomically.
      createReadStream(file).pipe(upstream);
      return;
    }
    // A reader that leaves must not keep s3rver streaming to nobody (nor its close() waiting for it).
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => void rm(spool, { recursive: true, force: true }).then(() => r()));
      }),
  };
}
