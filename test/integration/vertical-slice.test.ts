/**
 * The walking skeleton end to end, through the local gateway, against DynamoDB Local and s3rver:
 * cycle → presigned upload → bytes straight to the bucket → finalize (size, SHA-256, sniffed type) →
 * list the criterion's evidence → the entity's readiness moves.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { leaves, roleOf } from '#domain/framework.ts';
import { DEMO_CYCLE, DEMO_ENTITY, DEMO_FRAMEWORK } from '#infra/local/demo-data.ts';
import { deliverObjectCreated, putRaw } from './evidence-helpers.ts';
import { api, eventually, PDF_BYTES } from './helpers.ts';

const entity = DEMO_ENTITY.entityId;

const newCycleBody = (year: number) => ({
  year,
  name: { vi: `Kỳ thử nghiệm ${year}`, en: `Test cycle ${year}` },
  frameworkId: DEMO_FRAMEWORK.frameworkId,
  frameworkVersion: DEMO_FRAMEWORK.version,
  entityIds: [entity],
  dates: {
    evidenceDue: `${year}-11-30`,
    selfAssessmentDue: `${year}-12-15`,
    appraisalStart: `${year}-12-18`,
    appraisalEnd: `${year + 1}-01-15`,
    publication: `${year + 1}-02-28`,
  },
});

async function requestUpload(cycleId: string, code: string, body: Record<string, unknown>) {
  return api('POST', `/v1/cycles/${cycleId}/entities/${entity}/criteria/${code}/uploads`, { body });
}

async function putBytes(upload: { url: string; headers: Record<string, string> }, bytes: Buffer) {
  const res = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
  expect(res.status).toBe(200);
}

async function evidenceOf(cycleId: string, code: string) {
  const res = await api('GET', `/v1/cycles/${cycleId}/entities/${entity}/criteria/${code}/evidence`);
  expect(res.status).toBe(200);
  return res.body.items as { evidenceId: string; state: string; [k: string]: unknown }[];
}

async function settled(cycleId: string, code: string, evidenceId: string) {
  return eventually(async () => {
    const ev = (await evidenceOf(cycleId, code)).find((e) => e.evidenceId === evidenceId);
    return ev && ev.state !== 'pending_upload' ? ev : undefined;
  });
}

describe('vertical slice', () => {
  let cycleId: string;

  beforeAll(async () => {
    const created = await api('POST', '/v1/cycles', { as: 'admin', body: newCycleBody(2031) });
    expect(created.status).toBe(201);
    cycleId = created.body.cycleId;
  });

  it('reads the seeded demo cycle and the signed-in actor', async () => {
    const me = await api('GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'member', entityId: entity, unitId: 'phong-qlcn' });

    const cycle = await api('GET', `/v1/cycles/${DEMO_CYCLE.cycleId}`);
    expect(cycle.status).toBe(200);
    expect(cycle.body).toMatchObject({
      year: 2023,
      timeZone: 'Asia/Ho_Chi_Minh',
      evidencePolicy: 'available',
    });

    const list = await api('GET', '/v1/cycles?limit=100', { as: 'admin' });
    expect(list.body.items.map((c: { cycleId: string }) => c.cycleId)).toContain(DEMO_CYCLE.cycleId);
  });

  it('uploads a PDF, finalizes it with size, SHA-256 and sniffed type, and readiness rises', async () => {
    const before = await api('GET', `/v1/cycles/${cycleId}/entities/${entity}/readiness`);
    expect(before.status).toBe(200);
    expect(before.body.evidenceCoveragePercent).toBe(0);
    expect(before.body.formulaVersion).toMatch(/^readiness\//);

    const ticket = await requestUpload(cycleId, '1.1', {
      fileName: 'Kế hoạch CCHC năm 2023.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF_BYTES.length,
      title: 'Kế hoạch số 1803/KH-SKHCCN',
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body.evidence.state).toBe('pending_upload');
    // Keys are our ids, never the user's filename.
    const { evidenceId, files } = ticket.body.evidence;
    expect(ticket.body.revision.objectKey).toBe(
      `evidence/${cycleId}/${entity}/${evidenceId}/${files[0].fileId}/1`,
    );
    const signed = new URL(ticket.body.upload.url).searchParams.get('X-Amz-SignedHeaders');
    expect(signed?.split(';')).toEqual(expect.arrayContaining(['content-length', 'content-type', 'host']));

    await putBytes(ticket.body.upload, PDF_BYTES);
    const ev = await settled(cycleId, '1.1', ticket.body.evidence.evidenceId);
    expect(ev).toMatchObject({
      state: 'available',
      documentType: 'ke-hoach',
      files: [
        {
          current: {
            sizeBytes: PDF_BYTES.length,
            sha256: createHash('sha256').update(PDF_BYTES).digest('hex'),
            fileName: 'Kế hoạch CCHC năm 2023.pdf',
          },
        },
      ],
    });
    const detail = await api('GET', `/v1/cycles/${cycleId}/entities/${entity}/evidence/${evidenceId}`);
    expect(detail.body.revisions[0].sniffedType).toBe('pdf');

    const after = await api('GET', `/v1/cycles/${cycleId}/entities/${entity}/readiness`);
    // One of the sample's regular evidence/computed criteria now has its one slot filled.
    const scoredLeaves = leaves(DEMO_FRAMEWORK.nodes).filter(
      (n) => roleOf(n) === 'regular' && n.method !== 'survey',
    );
    expect(after.body.evidenceCoveragePercent).toBe(Math.round(10_000 / scoredLeaves.length) / 100);
    const c11 = after.body.criteria.find((c: { code: string }) => c.code === '1.1');
    expect(c11).toMatchObject({ coverage: 1, slotsFilled: 1 });
  });

  it('quarantines a file whose bytes are not what it claims, with a readable reason', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const ticket = await requestUpload(cycleId, '1.3', {
      fileName: 'bao-cao.pdf',
      contentType: 'application/pdf',
      sizeBytes: exe.length,
    });
    await putBytes(ticket.body.upload, exe);
    const ev = await settled(cycleId, '1.3', ticket.body.evidence.evidenceId);
    expect(ev.state).toBe('quarantined');
    expect((ev.quarantineReason as { vi: string }).vi).toContain('PDF');
    // Quarantined evidence does not count.
    const r = await api('GET', `/v1/cycles/${cycleId}/entities/${entity}/readiness`);
    expect(r.body.criteria.find((c: { code: string }) => c.code === '1.3').coverage).toBe(0);
  });

  it('quarantines bytes longer than declared (finalize re-checks whatever the store let through)', async () => {
    const ticket = await requestUpload(cycleId, '1.3', {
      fileName: 'ngan.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
    });
    // The presigned URL refuses a longer body; write it with the SDK, as a misbehaving client could elsewhere.
    await putRaw(ticket.body.revision.objectKey, PDF_BYTES);
    const ev = await settled(cycleId, '1.3', ticket.body.evidence.evidenceId);
    expect(ev.state).toBe('quarantined');
    expect((ev.quarantineReason as { en: string }).en).toContain('differs from the declared size');
  });

  it('a second delivery of the same object changes nothing', async () => {
    const ticket = await requestUpload(cycleId, '2.1', {
      fileName: 'QĐ công bố TTHC.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF_BYTES.length,
    });
    await putBytes(ticket.body.upload, PDF_BYTES);
    const first = await settled(cycleId, '2.1', ticket.body.evidence.evidenceId);
    // S3 delivering the event twice (or a retried invocation): finalize is a no-op.
    expect(await deliverObjectCreated(ticket.body.revision.objectKey)).toEqual(['already-finalized']);
    const again = (await evidenceOf(cycleId, '2.1')).find((e) => e.evidenceId === first.evidenceId);
    expect(again).toEqual(first);
  });

  it('refuses bad input with field-level messages in vi and en, and writes nothing', async () => {
    const countBefore = (await evidenceOf(cycleId, '1.2')).length;
    const res = await requestUpload(cycleId, '1.2', {
      fileName: 'virus.exe',
      contentType: 'application/x-msdownload',
      sizeBytes: 60 * 1024 * 1024,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.contentType', 'body.sizeBytes']));
    for (const issue of res.body.error.issues) {
      expect(issue.message.vi).toBeTruthy();
      expect(issue.message.en).toBeTruthy();
    }
    const missing = await requestUpload(cycleId, '1.2', {
      contentType: 'application/pdf',
      sizeBytes: 0,
      extra: 1,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.fileName', 'body.sizeBytes', 'body']),
    );
    expect((await evidenceOf(cycleId, '1.2')).length).toBe(countBefore);
  });

  it('refuses uploads to a survey criterion and to unknown criteria', async () => {
    const survey = await requestUpload(cycleId, '1.6', {
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
    });
    expect(survey.status).toBe(400);
    expect(survey.body.error.issues[0].field).toBe('path.criterionCode');
    const unknown = await requestUpload(cycleId, '9.9', {
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
    });
    expect(unknown.status).toBe(404);
    const badCode = await requestUpload(cycleId, 'abc', {
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
    });
    expect(badCode.status).toBe(400);
  });

  it('malformed JSON, wrong content type and an invalid cursor are 400s, not 500s', async () => {
    const broken = await api('POST', '/v1/cycles', { as: 'admin', body: '{"year": 20' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.issues[0].field).toBe('body');
    const text = await api('POST', '/v1/cycles', {
      as: 'admin',
      body: 'year=2030',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    const cursor = await api('GET', '/v1/cycles?cursor=not-a-cursor', { as: 'admin' });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.issues[0].field).toBe('query.cursor');
  });

  it('paginates a criterion’s evidence with an opaque cursor', async () => {
    for (let i = 0; i < 3; i++)
      await requestUpload(cycleId, '1.2', {
        fileName: `Báo cáo quý ${i + 1}.pdf`,
        contentType: 'application/pdf',
        sizeBytes: PDF_BYTES.length,
        documentType: 'bao-cao',
      });
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await api(
        'GET',
        `/v1/cycles/${cycleId}/entities/${entity}/criteria/1.2/evidence?limit=2${q}`,
      );
      expect(res.status).toBe(200);
      for (const e of res.body.items) seen.add(e.evidenceId);
      cursor = res.body.next;
      pages++;
    } while (cursor && pages < 10);
    expect(seen.size).toBe(3);
    expect(pages).toBeGreaterThanOrEqual(2);
  });
});

describe('gateway and identity skeleton', () => {
  it('unknown routes are JSON 404s with security headers', async () => {
    const res = await api('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('no token, a tampered token, or garbage is 401', async () => {
    expect((await api('GET', '/v1/me', { as: null })).status).toBe(401);
    const token = await (await import('./helpers.ts')).idToken('chuyenvien@minhchung.local');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admin'] })).toString('base64url')}.${s}`;
    expect((await api('GET', '/v1/me', { token: forged })).status).toBe(401);
    expect((await api('GET', '/v1/me', { token: 'not.a.jwt' })).status).toBe(401);
  });

  it('only admins open cycles; members see only cycles of their entity', async () => {
    const denied = await api('POST', '/v1/cycles', { as: 'member', body: newCycleBody(2040) });
    expect(denied.status).toBe(403);
    expect(denied.body.error.reason).toBe('ROLE_NOT_ALLOWED');
    const other = await api('POST', '/v1/cycles', {
      as: 'admin',
      body: { ...newCycleBody(2041), entityIds: ['khong-ton-tai'] },
    });
    expect(other.status).toBe(400);
    expect(other.body.error.issues[0].field).toBe('body.entityIds.0');
  });

  it('CORS answers configured origins only', async () => {
    const { stack } = await import('./helpers.ts');
    const ok = await fetch(`${stack.api}/v1/me`, {
      method: 'OPTIONS',
      headers: { origin: stack.web, 'access-control-request-method': 'GET' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(stack.web);
    const evil = await fetch(`${stack.api}/v1/me`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});
