/**
 * Evidence uploads end to end on DynamoDB Local + s3rver through the local gateway: what the presigned URL
 * signs, what finalize re-checks (size, magic numbers, emptiness, the EICAR test string), duplicate and
 * out-of-order events, multipart with a resumed part, 20 concurrent uploads, hostile file names.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EICAR_SIGNATURE } from '#domain/malware.ts';
import {
  deliverObjectCreated,
  ENTITY,
  evPath,
  filenameStar,
  getEvidence,
  newCycle,
  pdf,
  putRaw,
  putWithUrl,
  requestUpload,
  settled,
  ticketFor,
  uploadEvidence,
} from './evidence-helpers.ts';
import { api } from './helpers.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

describe('evidence upload', () => {
  let cycleId: string;
  beforeAll(async () => {
    cycleId = await newCycle(2061);
  });

  it('presigned PUT signs content-length, content-type and if-none-match; keys are our ids', async () => {
    const bytes = pdf('signed');
    const t = await ticketFor(cycleId, '1.1', bytes, { fileName: 'Kế hoạch.pdf' });
    expect(t.upload.mode).toBe('single');
    const url = new URL(t.upload.url);
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host', 'if-none-match']),
    );
    expect(t.upload.headers).toEqual({ 'content-type': 'application/pdf', 'if-none-match': '*' });
    const ev = t.evidence;
    expect(t.revision.objectKey).toBe(
      `evidence/${cycleId}/${ENTITY}/${ev.evidenceId}/${ev.files[0].fileId}/1`,
    );
    expect(ev).toMatchObject({ state: 'pending_upload', criterionCodes: ['1.1'], unconfirmedCodes: [] });
    // The bucket (S3, and locally its verifying front) refuses a longer body or another type on this URL.
    const longer = await fetch(t.upload.url, {
      method: 'PUT',
      headers: t.upload.headers,
      body: Buffer.concat([bytes, Buffer.from('x')]),
    });
    expect(longer.status).toBeGreaterThanOrEqual(400);
    const retyped = await fetch(t.upload.url, {
      method: 'PUT',
      headers: { ...t.upload.headers, 'content-type': 'application/x-msdownload' },
      body: bytes,
    });
    expect(retyped.status).toBeGreaterThanOrEqual(400);
    await putWithUrl(t.upload, bytes);
    const done = await settled(cycleId, ev.evidenceId);
    expect(done.evidence.state).toBe('available');
    expect(done.evidence.files[0].current).toMatchObject({
      revision: 1,
      sha256: sha(bytes),
      sizeBytes: bytes.length,
    });
    expect(done.revisions[0]).toMatchObject({
      sniffedType: 'pdf',
      state: 'available',
      scan: { status: 'clean' },
    });
  });

  it('refuses oversize files at presign, by the default 50 MB and by a cycle’s own limits and allow-list', async () => {
    const big = await requestUpload(cycleId, '1.1', {
      fileName: 'lon.pdf',
      contentType: 'application/pdf',
      sizeBytes: 50 * MB + 1,
    });
    expect(big.status).toBe(400);
    expect(big.body.error.issues.map((i: { field: string }) => i.field)).toEqual(['body.sizeBytes']);

    const strict = await newCycle(2062, { uploadLimits: { maxFileBytes: 1024, allowedKinds: ['pdf'] } });
    const over = await requestUpload(strict, '1.1', {
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      sizeBytes: 2048,
    });
    expect(over.status).toBe(400);
    expect(over.body.error.issues[0].message.vi).toContain('vượt giới hạn');
    const docx = await requestUpload(strict, '1.1', {
      fileName: 'a.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sizeBytes: 100,
    });
    expect(docx.status).toBe(400);
    expect(docx.body.error.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.fileName',
      'body.contentType',
    ]);
  });

  it('quarantines bytes that exceed what was declared (finalize re-checks; the store may not)', async () => {
    const declared = pdf('declared');
    const t = await ticketFor(cycleId, '1.3', declared);
    // Real S3 refuses this body against the signed content-length; write it behind the URL's back.
    await putRaw(t.revision.objectKey, Buffer.concat([declared, Buffer.alloc(64, 0x20)]));
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.evidence.quarantineReason.en).toContain('differs from the declared size');
    expect(done.evidence.quarantineReason.vi).toContain('khác với kích thước đã khai báo');
  });

  it('quarantines an .exe renamed .pdf, with a reason the user can read', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(300, 7)]);
    const t = await ticketFor(cycleId, '1.3', exe, { fileName: 'bao-cao.pdf' });
    await putWithUrl(t.upload, exe);
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.evidence.quarantineReason.vi).toContain('tệp chương trình (Windows .exe/.dll)');
    expect(done.revisions[0].sniffedType).toBe('exe');
    // Quarantined files are never served.
    const dl = await api(
      'GET',
      `${evPath(cycleId, t.evidence.evidenceId)}/files/${t.evidence.files[0].fileId}/download?revision=1`,
    );
    expect(dl.status).toBe(409);
  });

  it('zero bytes: refused at presign, quarantined when an empty object lands anyway', async () => {
    const zero = await requestUpload(cycleId, '1.3', {
      fileName: 'rong.pdf',
      contentType: 'application/pdf',
      sizeBytes: 0,
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.issues[0].field).toBe('body.sizeBytes');
    const t = await ticketFor(cycleId, '1.3', pdf('x'));
    await putRaw(t.revision.objectKey, Buffer.alloc(0));
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.evidence.quarantineReason.en).toBe('The file is empty (0 bytes).');
  });

  it('quarantines a file carrying the EICAR test string (the local malware scanner)', async () => {
    const infected = pdf('eicar', `${EICAR_SIGNATURE}\n`);
    const t = await ticketFor(cycleId, '1.3', infected, { fileName: 'ke-hoach.pdf' });
    await putWithUrl(t.upload, infected);
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.evidence.quarantineReason.vi).toContain('Phát hiện mã độc');
    expect(done.revisions[0].scan).toMatchObject({ engine: 'eicar-signature', status: 'infected' });
  });

  it('a duplicate event changes nothing; events for unknown keys are ignored', async () => {
    const bytes = pdf('dup-event');
    const first = await uploadEvidence(cycleId, '2.1', bytes);
    const key = first.revisions[0].objectKey;
    expect(await deliverObjectCreated(key)).toEqual(['already-finalized']);
    expect(await deliverObjectCreated(key)).toEqual(['already-finalized']);
    expect((await getEvidence(cycleId, first.evidence.evidenceId)).body).toEqual(first);
    expect(await deliverObjectCreated('evidence/../../etc/passwd')).toEqual(['unknown-object']);
    expect(
      await deliverObjectCreated(
        `evidence/${cycleId}/${ENTITY}/01JZZZZZZZZZZZZZZZZZZZZZZZ/01JZZZZZZZZZZZZZZZZZZZZZZZ/1`,
      ),
    ).toEqual(['unknown-object']);
  });

  it('events out of order: a late older revision never replaces the newer current one', async () => {
    const v1 = pdf('order-1');
    const v2 = pdf('order-2');
    const t1 = await ticketFor(cycleId, '2.1', v1);
    const evidenceId = t1.evidence.evidenceId;
    const fileId = t1.evidence.files[0].fileId;
    // The event for an object that is not there yet (never uploaded) finds nothing to read.
    expect(await deliverObjectCreated(t1.revision.objectKey)).toEqual(['gone']);
    const r2 = await api('POST', `${evPath(cycleId, evidenceId)}/files`, {
      body: {
        fileName: 'ban-sua.pdf',
        contentType: 'application/pdf',
        sizeBytes: v2.length,
        replacesFileId: fileId,
      },
    });
    expect(r2.status).toBe(201);
    expect(r2.body.revision.revision).toBe(2);
    await putWithUrl(r2.body.upload, v2);
    const after2 = await settled(cycleId, evidenceId);
    expect(after2.evidence.files[0].current.revision).toBe(2);
    // Revision 1 lands last.
    await putWithUrl(t1.upload, v1);
    const after1 = await eventuallyRevisions(cycleId, evidenceId, 2);
    expect(after1.evidence.files[0]).toMatchObject({
      latest: { revision: 2 },
      current: { revision: 2, sha256: sha(v2) },
    });
    expect(after1.evidence.state).toBe('available');
  });

  it('records all of 20 concurrent uploads to one criterion', async () => {
    const c = await newCycle(2063);
    const files = Array.from({ length: 20 }, (_, i) => pdf(`concurrent-${i}`));
    const tickets = await Promise.all(
      files.map((b, i) => ticketFor(c, '1.2', b, { title: `Báo cáo số ${i}` })),
    );
    await Promise.all(tickets.map((t, i) => putWithUrl(t.upload, files[i]!)));
    await Promise.all(tickets.map((t) => settled(c, t.evidence.evidenceId)));
    const list = await api('GET', `/v1/cycles/${c}/entities/${ENTITY}/criteria/1.2/evidence?limit=100`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(20);
    expect(new Set(list.body.items.map((e: { evidenceId: string }) => e.evidenceId)).size).toBe(20);
    expect(list.body.items.every((e: { state: string }) => e.state === 'available')).toBe(true);
  });

  it('hostile and unusual file names: kept NFC for display, never in keys, served back with RFC 6266', async () => {
    const names = [
      ['../../etc/Kế hoạch.pdf', 'Kế hoạch.pdf'],
      ['Quyết định số 12 🚀📄.pdf', 'Quyết định số 12 🚀📄.pdf'],
      ['Báo cáo tổng hợp kết quả.pdf'.normalize('NFD'), 'Báo cáo tổng hợp kết quả.pdf'.normalize('NFC')],
      [`Tờ trình ${'dài '.repeat(75)}.pdf`, undefined],
    ] as const;
    for (const [raw, expected] of names) {
      const bytes = pdf(raw);
      const done = await uploadEvidence(cycleId, '1.1', bytes, { fileName: raw });
      const name: string = done.evidence.files[0].current.fileName;
      if (expected) expect(name).toBe(expected);
      else {
        expect(raw.length).toBeGreaterThan(300);
        expect(Array.from(name).length).toBeLessThanOrEqual(200);
        expect(name.endsWith('.pdf')).toBe(true);
      }
      expect(name).toBe(name.normalize('NFC'));
      expect(done.revisions[0].objectKey).toMatch(/^evidence\/[\w-]+\/[\w-]+\/[\w-]+\/[\w-]+\/1$/);

      const dl = await api(
        'GET',
        `${evPath(cycleId, done.evidence.evidenceId)}/files/${done.evidence.files[0].fileId}/download`,
      );
      expect(dl.status).toBe(200);
      expect(dl.body.fileName).toBe(name);
      const file = await fetch(dl.body.url);
      expect(file.status).toBe(200);
      const cd = file.headers.get('content-disposition');
      expect(filenameStar(cd)).toBe(name);
      expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('multipart: parts sign their length, a dropped part resumes, completion finalizes', async () => {
    // Just over the 16 MiB threshold: 8 MiB + 8 MiB + a small last part.
    const size = 16 * MB + 1000;
    const bytes = Buffer.alloc(size, 0x41);
    bytes.write('%PDF-1.7\n', 0, 'latin1');
    const t = await ticketFor(cycleId, '1.1', bytes, { fileName: 'Hồ sơ lớn.pdf' });
    expect(t.upload).toMatchObject({ mode: 'multipart', partCount: 3, partBytes: 8 * MB });
    expect(t.upload.parts.map((p: { sizeBytes: number }) => p.sizeBytes)).toEqual([8 * MB, 8 * MB, 1000]);
    for (const p of t.upload.parts)
      expect(new URL(p.url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain('content-length');

    const slice = (n: number) => bytes.subarray((n - 1) * 8 * MB, Math.min(n * 8 * MB, size));
    const put = async (part: { url: string; partNumber: number }) => {
      const res = await fetch(part.url, { method: 'PUT', body: slice(part.partNumber) });
      expect(res.status).toBe(200);
      return { partNumber: part.partNumber, etag: res.headers.get('etag')! };
    };
    const done = [await put(t.upload.parts[0]), await put(t.upload.parts[2])];
    // The connection dropped during part 2; completing now is refused, nothing is lost.
    const base = `${evPath(cycleId, t.evidence.evidenceId)}/files/${t.evidence.files[0].fileId}`;
    const early = await api('POST', `${base}/complete`, { body: { revision: 1, parts: done } });
    expect(early.status).toBe(400);
    expect(early.body.error.issues[0].field).toBe('body.parts');
    // Resume: fresh URLs for the missing part only.
    const resumed = await api('POST', `${base}/parts`, { body: { revision: 1, partNumbers: [2] } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([2]);
    done.push(await put(resumed.body.parts[0]));
    const complete = await api('POST', `${base}/complete`, { body: { revision: 1, parts: done } });
    expect(complete.status).toBe(202);
    const final = await settled(cycleId, t.evidence.evidenceId);
    expect(final.evidence.state).toBe('available');
    expect(final.evidence.files[0].current).toMatchObject({ sizeBytes: size, sha256: sha(bytes) });
    // Completing again (a retried request) is refused as already uploaded, not a 500.
    const again = await api('POST', `${base}/complete`, { body: { revision: 1, parts: done } });
    expect(again.status).toBe(409);
  });
});

/** A minimal ELF header (x86-64 executable) followed by padding: enough for anything that reads magic numbers. */
const elf = () =>
  Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    Buffer.alloc(56),
    Buffer.alloc(200, 0x90),
  ]);

describe('integrity of uploaded files (docs/evidence.md, "Integrity")', () => {
  let cycleId: string;
  beforeAll(async () => {
    cycleId = await newCycle(2074);
  });
  const listed = async (code: string) =>
    (await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/criteria/${code}/evidence?limit=100`)).body
      .items as unknown[];

  it('a truncated PDF whose declared SHA-256 does not match is quarantined, and fills no slot', async () => {
    const whole = pdf('truncated', 'x'.repeat(2000));
    const cut = whole.subarray(0, 700);
    // The browser hashed the whole file; the bytes that arrived (and their length) are a prefix of it.
    const t = await ticketFor(cycleId, '1.1', cut, { fileName: 'Báo cáo.pdf', sha256: sha(whole) });
    await putWithUrl(t.upload, cut);
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.evidence.quarantineReason.vi).toContain('Tệp bị hỏng hoặc không trọn vẹn khi tải lên');
    expect(done.evidence.quarantineReason.vi).toContain('mã băm SHA-256 không khớp');
    expect(done.evidence.quarantineReason.en).toContain('corrupted or incomplete');
    expect(done.revisions[0]).toMatchObject({ declaredSha256: sha(whole), sha256: sha(cut) });
    expect(done.evidence.files[0].current).toBeUndefined();
    // The same declaration with the right bytes is available.
    const good = await uploadEvidence(cycleId, '1.1', whole, {
      fileName: 'Báo cáo đủ.pdf',
      sha256: sha(whole),
    });
    expect(good.evidence.state).toBe('available');
  });

  it('PDF bytes named bao-cao.docx are quarantined: the content does not match the extension', async () => {
    const bytes = pdf('pdf-as-docx');
    const t = await ticketFor(cycleId, '1.2', bytes, {
      fileName: 'bao-cao.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    await putWithUrl(t.upload, bytes);
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.evidence.quarantineReason).toEqual({
      vi: 'Nội dung không khớp phần mở rộng: tệp tên ".docx" nhưng nội dung là PDF.',
      en: 'The content does not match the file extension: the name ends in ".docx" but the content is PDF.',
    });
    expect(done.revisions[0].sniffedType).toBe('pdf');
  });

  it('report.exe (or .html, .js, .bat) declared application/pdf is refused at request time, writing nothing', async () => {
    const before = (await listed('1.3')).length;
    for (const fileName of ['report.exe', 'trang.html', 'a.js', 'chay.bat']) {
      const res = await requestUpload(cycleId, '1.3', {
        fileName,
        contentType: 'application/pdf',
        sizeBytes: 1000,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.issues.map((i: { field: string }) => i.field)).toEqual(['body.fileName']);
      const ext = fileName.slice(fileName.lastIndexOf('.'));
      expect(res.body.error.issues[0].message.vi).toContain(`Không nhận tệp có phần mở rộng "${ext}"`);
      expect(res.body.error.issues[0].message.en).toContain(`Files ending in "${ext}" are not accepted`);
    }
    const mismatch = await requestUpload(cycleId, '1.3', {
      fileName: 'bao-cao.docx',
      contentType: 'application/pdf',
      sizeBytes: 1000,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.issues[0].field).toBe('body.contentType');
    expect(mismatch.body.error.issues[0].message.vi).toContain('không khớp phần mở rộng ".docx"');
    expect((await listed('1.3')).length).toBe(before);
  });

  it('the EICAR test file named .pdf is shown as malware, not as "not a PDF"', async () => {
    const eicar = Buffer.from(EICAR_SIGNATURE, 'latin1');
    const t = await ticketFor(cycleId, '2.1', eicar, { fileName: 'eicar.pdf' });
    await putWithUrl(t.upload, eicar);
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.evidence.quarantineReason.vi).toContain('Phát hiện mã độc');
    expect(done.evidence.quarantineReason.en).toContain('Malware detected');
    expect(done.evidence.quarantineReason.vi).not.toContain('phần mở rộng');
    expect(done.revisions[0].scan).toMatchObject({ engine: 'eicar-signature', status: 'infected' });
  });

  it('an ELF executable named .pdf is recognised as a program', async () => {
    const bytes = elf();
    const t = await ticketFor(cycleId, '2.1', bytes, { fileName: 'bao-cao.pdf' });
    await putWithUrl(t.upload, bytes);
    const done = await settled(cycleId, t.evidence.evidenceId);
    expect(done.evidence.state).toBe('quarantined');
    expect(done.evidence.quarantineReason.vi).toContain('tệp chương trình (Linux ELF)');
    expect(done.evidence.quarantineReason.en).toContain('program file (Linux ELF)');
    expect(done.revisions[0].sniffedType).toBe('elf');
  });

  it('names lose control, bidi and zero-width characters before they are stored; nothing left is a 400', async () => {
    const bytes = pdf('bidi-name');
    const done = await uploadEvidence(cycleId, '2.1', bytes, {
      fileName: 'Kế\u200B hoạch\u202Efdp.exe\u202C\u2066.pdf',
      title: '\uFEFFKế hoạch\u200D số 12\u0007\u2069',
      issuer: 'Sở\u200B KH\u0085CN',
    });
    const file = done.evidence.files[0].current;
    expect(file.fileName).toBe('Kế hoạchfdp.exe.pdf');
    expect(done.evidence.title).toBe('Kế hoạch số 12');
    expect(done.evidence.issuer).toBe('Sở KH CN');
    const dl = await api(
      'GET',
      `${evPath(cycleId, done.evidence.evidenceId)}/files/${done.evidence.files[0].fileId}/download`,
    );
    expect(dl.body.fileName).toBe('Kế hoạchfdp.exe.pdf');
    const res = await requestUpload(cycleId, '2.1', {
      fileName: '\u200B\u202E\uFEFF',
      contentType: 'application/pdf',
      sizeBytes: 10,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].field).toBe('body.fileName');
  });

  it('the 0-byte upload is refused in Vietnamese and English', async () => {
    const res = await requestUpload(cycleId, '2.1', {
      fileName: 'rong.pdf',
      contentType: 'application/pdf',
      sizeBytes: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0]).toEqual({
      field: 'body.sizeBytes',
      message: {
        vi: 'Tệp rỗng (0 byte) không phải là minh chứng.',
        en: 'An empty file (0 bytes) is not evidence.',
      },
    });
  });
});

/** Waits until the revision count is reached and nothing is pending. */
async function eventuallyRevisions(cycleId: string, evidenceId: string, count: number) {
  const { eventually } = await import('./helpers.ts');
  return eventually(async () => {
    const res = await getEvidence(cycleId, evidenceId);
    const revs = res.body.revisions as { state: string }[];
    return revs.length === count && revs.every((r) => r.state !== 'pending_upload') ? res.body : undefined;
  });
}
