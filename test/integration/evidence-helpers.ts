/**
 * Helpers for the evidence suites: a fresh cycle per file, uploads through the API, bytes straight to the
 * bucket (as a browser does, or with the SDK to write what a presigned URL would refuse), waiting for
 * finalize, and in-process access to the real adapters (for event deliveries the stack cannot be asked for).
 */
import { expect } from 'vitest';
import { DEMO_ENTITY, DEMO_FRAMEWORK } from '#infra/local/demo-data.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/engines.ts';
import { api, eventually, stack, type USERS } from './helpers.ts';

export const ENTITY = DEMO_ENTITY.entityId;
type As = keyof typeof USERS;

/** The handlers' environment in this process, so tests can call adapters and handlers directly. */
export function setLocalAwsEnv(): void {
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: stack.tableName,
    BUCKET_NAME: stack.bucket,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    DYNAMODB_ENDPOINT: stack.dynamo,
    S3_ENDPOINT: stack.s3,
  });
}

export async function newCycle(year: number, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api('POST', '/v1/cycles', {
    as: 'admin',
    body: {
      year,
      name: { vi: `Kỳ minh chứng ${year}`, en: `Evidence cycle ${year}` },
      frameworkId: DEMO_FRAMEWORK.frameworkId,
      frameworkVersion: DEMO_FRAMEWORK.version,
      entityIds: [ENTITY],
      dates: {
        evidenceDue: `${year}-11-30`,
        selfAssessmentDue: `${year}-12-15`,
        appraisalStart: `${year}-12-18`,
        appraisalEnd: `${year + 1}-01-15`,
        publication: `${year + 1}-02-28`,
      },
      ...extra,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.cycleId;
}

export const evPath = (cycleId: string, evidenceId: string) =>
  `/v1/cycles/${cycleId}/entities/${ENTITY}/evidence/${evidenceId}`;

export async function requestUpload(
  cycleId: string,
  code: string,
  body: Record<string, unknown>,
  as: As = 'member',
) {
  return api('POST', `/v1/cycles/${cycleId}/entities/${ENTITY}/criteria/${code}/uploads`, { body, as });
}

/** Asks for an upload and expects it granted; returns the ticket body. */
export async function ticketFor(
  cycleId: string,
  code: string,
  bytes: Buffer,
  meta: Record<string, unknown> = {},
  as: As = 'member',
) {
  const res = await requestUpload(
    cycleId,
    code,
    { fileName: 'tai-lieu.pdf', contentType: 'application/pdf', sizeBytes: bytes.length, ...meta },
    as,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** PUTs the bytes exactly as a browser does with the presigned URL and its headers. */
export async function putWithUrl(upload: { url: string; headers: Record<string, string> }, bytes: Buffer) {
  const res = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
  expect(res.status, await res.clone().text()).toBe(200);
  return res;
}

export async function getEvidence(cycleId: string, evidenceId: string, as: As = 'member') {
  return api('GET', evPath(cycleId, evidenceId), { as });
}

/** Waits until every file's latest revision has left pending_upload (finalize ran). */
export async function settled(cycleId: string, evidenceId: string, as: As = 'member') {
  return eventually(async () => {
    const res = await getEvidence(cycleId, evidenceId, as);
    const ev = res.body.evidence;
    return ev?.files.every((f: { latest: { state: string } }) => f.latest.state !== 'pending_upload')
      ? res.body
      : undefined;
  });
}

/** Uploads one PDF-ish file as a new evidence and waits for finalize. */
export async function uploadEvidence(
  cycleId: string,
  code: string,
  bytes: Buffer,
  meta: Record<string, unknown> = {},
  as: As = 'member',
) {
  const t = await ticketFor(cycleId, code, bytes, meta, as);
  await putWithUrl(t.upload, bytes);
  return settled(cycleId, t.evidence.evidenceId, as);
}

/** A minimal but real PDF whose bytes differ per label (distinct SHA-256). */
export const pdf = (label: string, extra = '') =>
  Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n${extra}trailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/** Reads `filename*=UTF-8''…` back from a Content-Disposition header. */
export function filenameStar(header: string | null): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** Audit actions recorded for one evidence, oldest first (read straight from the table). */
export async function auditActions(cycleId: string, evidenceId: string): Promise<string[]> {
  setLocalAwsEnv();
  const { documentClient, tableName } = await import('#adapters/dynamo/client.ts');
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { keys } = await import('#adapters/dynamo/keys.ts');
  const out: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        FilterExpression: 'subject = :s',
        ExpressionAttributeValues: {
          ':pk': keys.evidencePrefix(cycleId, ENTITY).pk,
          ':sk': 'AUDIT#',
          ':s': `evidence/${evidenceId}`,
        },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(res.Items ?? []).map((i) => String(i.action)));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** An S3 client with the local credentials: writes what a presigned URL would never let through. */
export async function rawS3() {
  const { S3Client } = await import('@aws-sdk/client-s3');
  return new S3Client({
    region: LOCAL_REGION,
    endpoint: stack.s3,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Writes bytes to a key with the SDK (bypassing the presigned URL's signed length and type). */
export async function putRaw(key: string, bytes: Buffer, contentType = 'application/pdf') {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  const s3 = await rawS3();
  try {
    await s3.send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: bytes, ContentType: contentType }),
    );
  } finally {
    s3.destroy();
  }
}

export async function objectExists(key: string): Promise<boolean> {
  const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
  const s3 = await rawS3();
  try {
    await s3.send(new HeadObjectCommand({ Bucket: stack.bucket, Key: key }));
    return true;
  } catch (e) {
    if ((e as { name?: string }).name === 'NotFound') return false;
    throw e;
  } finally {
    s3.destroy();
  }
}

/** Delivers an object-created event to the finalize handler in this process (a duplicate or late delivery). */
export async function deliverObjectCreated(key: string): Promise<string[]> {
  setLocalAwsEnv();
  const { handler } = await import('#functions/finalize-upload/handler.ts');
  const event = {
    Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: stack.bucket }, object: { key } } }],
  };
  const res = (await handler(event as never, {} as never)) as { outcomes: string[] };
  return res.outcomes;
}
