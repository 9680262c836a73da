/**
 * Evidence after upload, on the real local stack: revision chains with old revisions downloadable, metadata
 * edits under optimistic versions, links, duplicates by SHA-256, soft delete → restore → purge (objects
 * too), search with and without diacritics, carry-forward with links awaiting confirmation. Each change
 * leaves its audit entry.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditActions,
  ENTITY,
  evPath,
  getEvidence,
  newCycle,
  objectExists,
  pdf,
  putWithUrl,
  requestUpload,
  settled,
  ticketFor,
  uploadEvidence,
} from './evidence-helpers.ts';
import { api } from './helpers.ts';

const sha256 = async (b: Buffer) =>
  (await import('node:crypto')).createHash('sha256').update(b).digest('hex');

async function replace(
  cycleId: string,
  evidenceId: string,
  fileId: string,
  bytes: Buffer,
  name = 'ban-moi.pdf',
) {
  const res = await api('POST', `${evPath(cycleId, evidenceId)}/files`, {
    body: { fileName: name, contentType: 'application/pdf', sizeBytes: bytes.length, replacesFileId: fileId },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await putWithUrl(res.body.upload, bytes);
  return res.body;
}

async function download(cycleId: string, evidenceId: string, fileId: string, revision?: number) {
  const q = revision ? `?revision=${revision}` : '';
  return api('GET', `${evPath(cycleId, evidenceId)}/files/${fileId}/download${q}`);
}

async function fetchBytes(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const search = (cycleId: string, query: string, as: 'member' | 'admin' | 'reviewer' | 'leader' = 'member') =>
  api('GET', `/v1/cycles/${cycleId}/evidence?${query}`, { as });

describe('evidence after upload', () => {
  let cycleId: string;
  beforeAll(async () => {
    cycleId = await newCycle(2064);
  });

  it('a revision chain: replacements add revisions, old ones stay downloadable, a bad one hides nothing', async () => {
    const v1 = pdf('rev-1');
    const v2 = pdf('rev-2');
    const v3 = pdf('rev-3');
    const first = await uploadEvidence(cycleId, '1.1', v1, {
      title: 'Kế hoạch CCHC',
      fileName: 'ke-hoach-v1.pdf',
    });
    const { evidenceId } = first.evidence;
    const fileId = first.evidence.files[0].fileId;
    await replace(cycleId, evidenceId, fileId, v2);
    await settled(cycleId, evidenceId);
    const r3 = await replace(cycleId, evidenceId, fileId, v3);
    expect(r3.revision.revision).toBe(3);
    const after = await settled(cycleId, evidenceId);
    expect(after.revisions.map((r: { revision: number; state: string }) => [r.revision, r.state])).toEqual([
      [1, 'available'],
      [2, 'available'],
      [3, 'available'],
    ]);
    expect(after.evidence.files[0]).toMatchObject({ latest: { revision: 3 }, current: { revision: 3 } });

    const current = await download(cycleId, evidenceId, fileId);
    expect(current.body.revision).toBe(3);
    expect((await fetchBytes(current.body.url)).equals(v3)).toBe(true);
    const old = await download(cycleId, evidenceId, fileId, 1);
    expect((await fetchBytes(old.body.url)).equals(v1)).toBe(true);
    expect(old.body.sha256).toBe(await sha256(v1));

    // A quarantined replacement never takes the place of the good revision.
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(50, 1)]);
    await replace(cycleId, evidenceId, fileId, exe, 'virus.pdf');
    const bad = await settled(cycleId, evidenceId);
    expect(bad.evidence.files[0]).toMatchObject({
      latest: { revision: 4, state: 'quarantined' },
      current: { revision: 3 },
    });
    expect(bad.evidence.state).toBe('available');
    expect((await download(cycleId, evidenceId, fileId)).body.revision).toBe(3);
    expect((await download(cycleId, evidenceId, fileId, 4)).status).toBe(409);

    // A second file in the same evidence (an annex).
    const annex = pdf('annex');
    const add = await api('POST', `${evPath(cycleId, evidenceId)}/files`, {
      body: { fileName: 'Phụ lục.pdf', contentType: 'application/pdf', sizeBytes: annex.length },
    });
    expect(add.status).toBe(201);
    await putWithUrl(add.body.upload, annex);
    const two = await settled(cycleId, evidenceId);
    expect(two.evidence.files).toHaveLength(2);

    const actions = await auditActions(cycleId, evidenceId);
    expect(actions.filter((a) => a === 'evidence.file-replaced')).toHaveLength(3);
    expect(actions).toEqual(
      expect.arrayContaining([
        'evidence.upload-requested',
        'evidence.file-available',
        'evidence.file-quarantined',
        'evidence.file-added',
      ]),
    );
  });

  it('edits metadata under the version the client saw; stale edits get 409 with the current state', async () => {
    const done = await uploadEvidence(cycleId, '1.1', pdf('edit'), { title: 'Ban nháp' });
    const ev = done.evidence;
    const res = await api('PATCH', evPath(cycleId, ev.evidenceId), {
      body: {
        version: ev.version,
        title: 'Kế hoạch  cải cách hành chính năm 2024'.normalize('NFD'),
        documentNumber: '25/KH-SKHCN',
        documentType: 'ke-hoach',
        issueDate: '2024-01-15',
        effectivePeriod: { from: '2024-01-01', to: '2024-12-31' },
        issuer: 'Sở Khoa học và Công nghệ',
        note: 'Bản ký số',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Kế hoạch  cải cách hành chính năm 2024'.normalize('NFC'),
      documentNumber: '25/KH-SKHCN',
      effectivePeriod: { from: '2024-01-01', to: '2024-12-31' },
      version: ev.version + 1,
    });
    const stale = await api('PATCH', evPath(cycleId, ev.evidenceId), {
      body: { version: ev.version, note: 'cũ' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(ev.version + 1);
    const cleared = await api('PATCH', evPath(cycleId, ev.evidenceId), {
      body: { version: ev.version + 1, note: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.note).toBeUndefined();
    const invalid = await api('PATCH', evPath(cycleId, ev.evidenceId), {
      body: {
        version: ev.version + 2,
        effectivePeriod: { from: '2024-12-31', to: '2024-01-01' },
        issueDate: '15/01/2024',
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'body.effectivePeriod.to',
      'body.issueDate',
    ]);
    // A reviewer reads but never edits; a member of another unit neither.
    expect(
      (await api('PATCH', evPath(cycleId, ev.evidenceId), { as: 'reviewer', body: { version: 1 } })).status,
    ).toBe(403);
    const leaders = await uploadEvidence(cycleId, '1.1', pdf('leader-unit'), {}, 'leader');
    const other = await api('PATCH', evPath(cycleId, leaders.evidence.evidenceId), {
      body: { version: leaders.evidence.version, title: 'x' },
    });
    expect(other.status).toBe(403);
    expect(other.body.error.reason).toBe('OTHER_UNIT');
    expect(await auditActions(cycleId, ev.evidenceId)).toContain('evidence.edited');
  });

  it('links one evidence to several criteria and unlinks it, audited; readiness follows', async () => {
    const done = await uploadEvidence(cycleId, '1.1', pdf('multi-link'), { documentType: 'ke-hoach' });
    const id = done.evidence.evidenceId;
    const linked = await api('PUT', `${evPath(cycleId, id)}/links/2.1`);
    expect(linked.status).toBe(200);
    expect(linked.body.criterionCodes).toEqual(['1.1', '2.1']);
    // Idempotent.
    expect((await api('PUT', `${evPath(cycleId, id)}/links/2.1`)).body.version).toBe(linked.body.version);
    const list = await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/criteria/2.1/evidence`);
    expect(list.body.items.map((e: { evidenceId: string }) => e.evidenceId)).toContain(id);
    expect((await api('PUT', `${evPath(cycleId, id)}/links/1.6`)).status).toBe(400); // survey criterion
    expect((await api('PUT', `${evPath(cycleId, id)}/links/9.9`)).status).toBe(404);
    const unlinked = await api('DELETE', `${evPath(cycleId, id)}/links/2.1`);
    expect(unlinked.body.criterionCodes).toEqual(['1.1']);
    const after = await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/criteria/2.1/evidence`);
    expect(after.body.items.map((e: { evidenceId: string }) => e.evidenceId)).not.toContain(id);
    expect(await auditActions(cycleId, id)).toEqual(
      expect.arrayContaining(['evidence.linked', 'evidence.unlinked']),
    );
  });

  it('the same SHA-256 twice in the cycle: told before upload, flagged after, and the existing one can be linked', async () => {
    const bytes = pdf('same-bytes');
    const original = await uploadEvidence(cycleId, '1.1', bytes, { title: 'Quyết định gốc' });
    const hash = await sha256(bytes);
    // Declared hash: the API answers before any byte is sent, naming the existing evidence.
    const told = await requestUpload(cycleId, '2.1', {
      fileName: 'qd.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: hash,
    });
    expect(told.status).toBe(409);
    expect(told.body.error.current.duplicateOf.evidenceId).toBe(original.evidence.evidenceId);
    expect(told.body.error.message.vi).toContain('liên kết');
    // Not declared (or uploaded anyway): finalize flags the copy.
    const copy = await uploadEvidence(cycleId, '2.1', bytes, { onDuplicate: 'upload', sha256: hash });
    expect(copy.evidence.duplicateOf).toEqual({
      evidenceId: original.evidence.evidenceId,
      title: 'Quyết định gốc',
    });
    // The offer taken: link the existing evidence, bin the copy.
    expect((await api('PUT', `${evPath(cycleId, original.evidence.evidenceId)}/links/2.1`)).status).toBe(200);
    expect((await api('DELETE', evPath(cycleId, copy.evidence.evidenceId))).status).toBe(200);
    const list = await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/criteria/2.1/evidence`);
    const ids = list.body.items.map((e: { evidenceId: string }) => e.evidenceId);
    expect(ids).toContain(original.evidence.evidenceId);
    expect(ids).not.toContain(copy.evidence.evidenceId);
  });

  it('soft delete → hidden everywhere → restore; purge is admin-only and removes the objects', async () => {
    const c = await newCycle(2065);
    const bytes = pdf('bin');
    const done = await uploadEvidence(c, '1.1', bytes, { title: 'Thông báo số 7', documentType: 'ke-hoach' });
    const id = done.evidence.evidenceId;
    const key = done.revisions[0].objectKey;
    const readiness = async () => (await api('GET', `/v1/cycles/${c}/entities/${ENTITY}/readiness`)).body;
    const before = await readiness();
    expect(before.criteria.find((x: { code: string }) => x.code === '1.1').slotsFilled).toBe(1);

    // Reviewers cannot delete; the uploader's unit can.
    expect((await api('DELETE', evPath(c, id), { as: 'reviewer' })).status).toBe(403);
    const del = await api('DELETE', evPath(c, id));
    expect(del.status).toBe(200);
    expect(del.body.deletedAt).toBeTruthy();
    expect((await api('DELETE', evPath(c, id))).status).toBe(200); // idempotent
    const list = await api('GET', `/v1/cycles/${c}/entities/${ENTITY}/criteria/1.1/evidence`);
    expect(list.body.items).toHaveLength(0);
    expect((await search(c, 'q=thong bao')).body.items).toHaveLength(0);
    expect(
      (await search(c, 'deleted=only')).body.items.map((e: { evidenceId: string }) => e.evidenceId),
    ).toEqual([id]);
    expect((await readiness()).criteria.find((x: { code: string }) => x.code === '1.1').slotsFilled).toBe(0);
    // Still there for those who may restore; a reviewer sees nothing at all.
    expect((await getEvidence(c, id)).status).toBe(200);
    expect((await getEvidence(c, id, 'reviewer')).status).toBe(404);
    // Changing binned evidence asks for a restore first.
    expect((await api('PUT', `${evPath(c, id)}/links/2.1`)).status).toBe(409);

    const restored = await api('POST', `${evPath(c, id)}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.deletedAt).toBeUndefined();
    expect(
      (await api('GET', `/v1/cycles/${c}/entities/${ENTITY}/criteria/1.1/evidence`)).body.items,
    ).toHaveLength(1);
    expect((await readiness()).criteria.find((x: { code: string }) => x.code === '1.1').slotsFilled).toBe(1);

    // Purge: only admins, only from the bin, and the bytes go too.
    expect(
      (await api('POST', `${evPath(c, id)}/purge`, { as: 'admin', body: { reason: 'Tải nhầm' } })).status,
    ).toBe(409);
    await api('DELETE', evPath(c, id));
    const memberPurge = await api('POST', `${evPath(c, id)}/purge`, { body: { reason: 'Tải nhầm' } });
    expect(memberPurge.status).toBe(403);
    expect(await objectExists(key)).toBe(true);
    const purged = await api('POST', `${evPath(c, id)}/purge`, {
      as: 'admin',
      body: { reason: 'Tải nhầm tệp' },
    });
    expect(purged.status, JSON.stringify(purged.body)).toBe(200);
    expect(purged.body).toMatchObject({ evidenceId: id, objectsDeleted: 1, versionsDeleted: false });
    expect(await objectExists(key)).toBe(false);
    expect((await getEvidence(c, id, 'admin')).status).toBe(404);
    expect(await auditActions(c, id)).toEqual(
      expect.arrayContaining(['evidence.deleted', 'evidence.restored', 'evidence.purged']),
    );
  });

  it('search by document number or title, with or without diacritics and case; by unit, criterion, state', async () => {
    const c = await newCycle(2066);
    const plan = await uploadEvidence(c, '1.1', pdf('search-plan'), {
      title: 'Kế hoạch cải cách hành chính năm 2023',
      documentNumber: '1803/KH-SKHCCN',
    });
    const report = await uploadEvidence(c, '1.2', pdf('search-report'), {
      title: 'Báo cáo kết quả CCHC quý I',
      documentNumber: '45/BC-SKHCN',
    });
    const ids = (res: { body: { items: { evidenceId: string }[] } }) =>
      res.body.items.map((e) => e.evidenceId);
    const P = plan.evidence.evidenceId;
    const R = report.evidence.evidenceId;
    expect(ids(await search(c, `q=${encodeURIComponent('ke hoach 1803')}`))).toEqual([P]);
    expect(ids(await search(c, `q=${encodeURIComponent('Kế hoạch 1803')}`))).toEqual([P]);
    expect(ids(await search(c, `q=${encodeURIComponent('KẾ HOẠCH')}`))).toEqual([P]);
    expect(ids(await search(c, `q=${encodeURIComponent('kh-skhccn')}`))).toEqual([P]);
    expect(ids(await search(c, `q=${encodeURIComponent('bao cao quy')}`))).toEqual([R]);
    expect(ids(await search(c, `q=${encodeURIComponent('ke hoach bao cao')}`))).toEqual([]);
    expect(ids(await search(c, 'criterionCode=1.2'))).toEqual([R]);
    expect(ids(await search(c, 'unitId=phong-qlcn'))).toEqual([R, P]);
    expect(ids(await search(c, 'unitId=van-phong-so'))).toEqual([]);
    expect(ids(await search(c, 'state=quarantined'))).toEqual([]);
    // Pages of one with an opaque cursor, newest first.
    const first = await search(c, 'limit=1');
    expect(ids(first)).toEqual([R]);
    const second = await search(c, `limit=1&cursor=${encodeURIComponent(first.body.next)}`);
    expect(ids(second)).toEqual([P]);
    // Across the cycle for admins and reviewers; members are held to their entity.
    expect(ids(await search(c, `q=${encodeURIComponent('ke hoach')}`, 'reviewer'))).toEqual([P]);
    expect((await search(c, 'entityId=so-khac', 'member')).status).toBe(404);
    expect((await search(c, 'cursor=not-a-cursor')).status).toBe(400);
    // A cursor of the cycle-wide listing is not one of the entity's listing: 400, not 500.
    const wide = await search(c, 'limit=1', 'admin');
    expect(wide.body.next).toBeTruthy();
    expect((await search(c, `cursor=${encodeURIComponent(wide.body.next)}`)).status).toBe(400);
  });
});

describe('carry forward', () => {
  it('brings last year’s evidence into a new cycle with links awaiting confirmation, once', async () => {
    const last = await newCycle(2067);
    const bytes = pdf('carry');
    const src = await uploadEvidence(last, '1.1', bytes, {
      title: 'Kế hoạch CCHC năm 2067',
      documentNumber: '12/KH-SKHCN',
      documentType: 'ke-hoach',
    });
    await api('PUT', `${evPath(last, src.evidence.evidenceId)}/links/2.1`);
    // Not carried: binned, and nothing available.
    const binned = await uploadEvidence(last, '1.2', pdf('binned'));
    await api('DELETE', evPath(last, binned.evidence.evidenceId));
    const bad = await ticketFor(last, '1.3', pdf('never-uploaded'));

    const next = await newCycle(2068);
    const members = await api('POST', `/v1/cycles/${next}/entities/${ENTITY}/carry-forward`, {
      body: { fromCycleId: last },
    });
    expect(members.status).toBe(403);
    const res = await api('POST', `/v1/cycles/${next}/entities/${ENTITY}/carry-forward`, {
      as: 'leader',
      body: { fromCycleId: last, mapping: [{ from: '2.1', to: [], kind: 'removed' }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.carried).toEqual([
      {
        sourceEvidenceId: src.evidence.evidenceId,
        evidenceId: expect.any(String),
        unconfirmedCodes: ['1.1'],
        unmappedCodes: ['2.1'],
      },
    ]);
    expect(res.body.skipped).toEqual([
      { sourceEvidenceId: bad.evidence.evidenceId, reason: 'no-available-file' },
    ]);
    const carriedId = res.body.carried[0].evidenceId;
    // The copy is checked by finalize like any upload.
    const carried = await settled(next, carriedId);
    expect(carried.evidence).toMatchObject({
      state: 'available',
      criterionCodes: [],
      unconfirmedCodes: ['1.1'],
      title: 'Kế hoạch CCHC năm 2067',
      documentNumber: '12/KH-SKHCN',
      carriedFrom: { cycleId: last, evidenceId: src.evidence.evidenceId },
    });
    expect(carried.revisions[0].objectKey).toContain(`evidence/${next}/`);
    expect(carried.evidence.files[0].current.sha256).toBe(src.evidence.files[0].current.sha256);
    // Listed under the criterion as awaiting confirmation, not counted yet.
    const listed = await api('GET', `/v1/cycles/${next}/entities/${ENTITY}/criteria/1.1/evidence`);
    expect(listed.body.items.map((e: { evidenceId: string }) => e.evidenceId)).toEqual([carriedId]);
    const readiness = async () =>
      (await api('GET', `/v1/cycles/${next}/entities/${ENTITY}/readiness`)).body.criteria.find(
        (x: { code: string }) => x.code === '1.1',
      ).slotsFilled;
    expect(await readiness()).toBe(0);
    const confirmed = await api('PUT', `${evPath(next, carriedId)}/links/1.1`);
    expect(confirmed.body).toMatchObject({ criterionCodes: ['1.1'], unconfirmedCodes: [] });
    expect(await readiness()).toBe(1);
    expect(await auditActions(next, carriedId)).toEqual(
      expect.arrayContaining(['evidence.carried-forward', 'evidence.link-confirmed']),
    );

    // Running it again carries nothing twice.
    const again = await api('POST', `/v1/cycles/${next}/entities/${ENTITY}/carry-forward`, {
      as: 'admin',
      body: { fromCycleId: last },
    });
    expect(again.body.carried).toEqual([]);
    expect(again.body.alreadyCarried).toEqual([
      { sourceEvidenceId: src.evidence.evidenceId, evidenceId: carriedId },
    ]);
  });
});

describe('reviewers accept or reject evidence', () => {
  let cycleId: string;
  beforeAll(async () => {
    // Only accepted evidence fills a slot in this cycle: the verdict is what readiness waits for.
    cycleId = await newCycle(2071, { evidencePolicy: 'accepted' });
  });

  const review = (evidenceId: string, body: Record<string, unknown>, as: 'reviewer' | 'member' | 'admin') =>
    api('PUT', `${evPath(cycleId, evidenceId)}/review`, { as, body });
  const criterion = async (code: string) => {
    const r = await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/readiness`, { as: 'reviewer' });
    expect(r.status).toBe(200);
    return r.body.criteria.find((c: { code: string }) => c.code === code);
  };

  it('reject needs a reason; accept fills the slot; a new revision sends it back for another look', async () => {
    const up = await uploadEvidence(cycleId, '1.1', pdf('review-1'), { title: 'Báo cáo CCHC quý I' });
    const { evidenceId } = up.evidence;
    const fileId = up.evidence.files[0].fileId;
    let ev = (await settled(cycleId, evidenceId)).evidence;
    expect(ev.state).toBe('available');
    // Available is not enough here.
    expect((await criterion('1.1')).slotsFilled).toBe(0);

    // Members cannot judge their own evidence.
    expect((await review(evidenceId, { version: ev.version, decision: 'accepted' }, 'member')).status).toBe(
      403,
    );

    // A rejection without a reason is a field error and changes nothing.
    const noReason = await review(evidenceId, { version: ev.version, decision: 'rejected' }, 'reviewer');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues.map((i: { field: string }) => i.field)).toContain('body.reason');
    expect((await getEvidence(cycleId, evidenceId)).body.evidence.version).toBe(ev.version);

    const rejected = await review(
      evidenceId,
      { version: ev.version, decision: 'rejected', reason: '  Thiếu chữ ký và con dấu  ' },
      'reviewer',
    );
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      review: { decision: 'rejected', reason: 'Thiếu chữ ký và con dấu', by: { role: 'reviewer' } },
    });

    // The page the reviewer had open is stale now.
    const stale = await review(evidenceId, { version: ev.version, decision: 'accepted' }, 'reviewer');
    expect(stale.status).toBe(409);

    // The unit uploads a signed copy: the verdict no longer stands.
    await replace(cycleId, evidenceId, fileId, pdf('review-2'), 'ban-co-dau.pdf');
    ev = (await settled(cycleId, evidenceId)).evidence;
    expect(ev.state).toBe('available');
    expect(ev.review).toBeUndefined();

    const accepted = await review(evidenceId, { version: ev.version, decision: 'accepted' }, 'reviewer');
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    expect((await criterion('1.1')).slotsFilled).toBeGreaterThan(0);

    expect(await auditActions(cycleId, evidenceId)).toEqual(
      expect.arrayContaining(['evidence.rejected', 'evidence.accepted']),
    );
  });
});
