/**
 * Uploads and reads on the in-memory adapters: a new evidence with its first file (single PUT or multipart),
 * more files and revisions, the bytes finalized, listing, history and downloads — with access, 404s and 409s.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import {
  addFile,
  completeUpload,
  downloadFile,
  getEvidence,
  listEvidence,
  requestUpload,
  uploadParts,
} from '#usecases/evidence.ts';
import { finalizeUpload } from '#usecases/evidence-finalize.ts';
import { actors, assignmentOf, cycleOf, NOW, PDF, rejection, seededAdapters, trail } from './support.ts';

type Adapters = Awaited<ReturnType<typeof seededAdapters>>;
let a: Adapters;
let deps: Adapters & {
  uploadUrlTtlSeconds: number;
  downloadUrlTtlSeconds: number;
  multipart: { thresholdBytes: number; partBytes: number };
};
const MiB = 1024 * 1024;
beforeEach(async () => {
  a = await seededAdapters();
  deps = {
    ...a,
    uploadUrlTtlSeconds: 900,
    downloadUrlTtlSeconds: 300,
    multipart: { thresholdBytes: 6 * MiB, partBytes: 5 * MiB },
  };
  // 1.1 is phong-1's; 1.2 is phong-2's; 2.1 is nobody's yet.
  await a.assignments.createMany(
    [
      assignmentOf({ assignmentId: 'KH-01', unitId: 'phong-1' }),
      assignmentOf({
        assignmentId: 'KH-02',
        unitId: 'phong-2',
        criteria: [{ frameworkId: 'par-so-mau', code: '1.2' }],
      }),
    ],
    () => ({
      auditId: 'seed-assign',
      at: NOW,
      actor: { userId: 'seed', role: 'admin' },
      action: 'seed.assign',
      subject: 's',
    }),
  );
});

const C = (criterionCode: string, entityId = 'so-a') => ({ cycleId: 'c-2026', entityId, criterionCode });
const pdf = (p: Record<string, unknown> = {}) => ({
  fileName: 'Kế hoạch CCHC.pdf',
  contentType: 'application/pdf',
  sizeBytes: PDF.byteLength,
  onDuplicate: 'refuse' as const,
  ...p,
});
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Uploads the bytes to the ticket's key and runs finalize, as the object-created event would. */
async function land(revision: { objectKey: string }, bytes = PDF) {
  a.store.acceptUpload(revision.objectKey, bytes, 'application/pdf');
  return finalizeUpload(deps, revision.objectKey);
}

describe('requestUpload', () => {
  it('creates a pending evidence linked to the criterion, its first revision, an audit entry and a signed PUT', async () => {
    const t = await requestUpload(deps, actors.memberA1, C('1.1'), pdf());
    expect(t.evidence).toMatchObject({
      evidenceId: '01J00000000000000000000001',
      unitId: 'phong-1',
      criterionCodes: ['1.1'],
      title: 'Kế hoạch CCHC.pdf',
      documentType: 'ke-hoach', // the criterion's first slot
      state: 'pending_upload',
      version: 1,
      createdAt: NOW,
    });
    expect(t.revision).toMatchObject({
      fileId: '01J00000000000000000000002',
      revision: 1,
      state: 'pending_upload',
      objectKey: 'evidence/c-2026/so-a/01J00000000000000000000001/01J00000000000000000000002/1',
      upload: { mode: 'single' },
    });
    expect(t.upload).toMatchObject({ mode: 'single', method: 'PUT', headers: { 'if-none-match': '*' } });
    expect(await a.evidence.get('c-2026', 'so-a', t.evidence.evidenceId)).toEqual(t.evidence);
    expect((await trail(a)).map((e) => [e.action, e.subject])).toEqual([
      ['evidence.upload-requested', `evidence/${t.evidence.evidenceId}`],
    ]);
  });

  it("a member cannot upload to another unit's criterion; may to an unassigned one; reviewers never", async () => {
    expect((await rejection(requestUpload(deps, actors.memberA1, C('1.2'), pdf()))).reason).toBe(
      'OTHER_UNIT',
    );
    expect((await requestUpload(deps, actors.memberA1, C('2.1'), pdf())).evidence.criterionCodes).toEqual([
      '2.1',
    ]);
    expect(await rejection(requestUpload(deps, actors.reviewer, C('1.1'), pdf()))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rejection(requestUpload(deps, actors.leaderB, C('1.1'), pdf()))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('unknown criterion → not found; survey criterion, closed cycle, wrong extension → validation', async () => {
    expect(await rejection(requestUpload(deps, actors.leaderA, C('9.9'), pdf()))).toBeInstanceOf(
      NotFoundError,
    );
    const survey = await rejection(requestUpload(deps, actors.leaderA, C('1.6'), pdf()));
    expect((survey as unknown as ValidationError).issues[0]!.field).toBe('path.criterionCode');
    const exe = await rejection(
      requestUpload(deps, actors.leaderA, C('1.1'), pdf({ fileName: 'setup.exe' })),
    );
    expect(exe).toBeInstanceOf(ValidationError);
    await a.cycles.update(cycleOf({ status: 'closed', version: 2 }), 1, {
      auditId: 'close',
      at: NOW,
      actor: { userId: 'seed', role: 'admin' },
      action: 'cycle.update',
      subject: 'cycle/c-2026',
    });
    const closed = await rejection(requestUpload(deps, actors.leaderA, C('1.1'), pdf()));
    expect((closed as unknown as ValidationError).issues[0]!.field).toBe('path.cycleId');
    expect(await trail(a)).toEqual([]);
  });

  it('a declared SHA-256 already in the cycle is refused (409 naming it) unless onDuplicate = upload', async () => {
    const first = await requestUpload(deps, actors.leaderA, C('1.1'), pdf({ sha256: sha(PDF) }));
    expect(await land(first.revision)).toBe('available');
    const dup = await rejection(requestUpload(deps, actors.leaderA, C('2.1'), pdf({ sha256: sha(PDF) })));
    expect(dup).toBeInstanceOf(ConflictError);
    expect((dup as unknown as ConflictError).current).toMatchObject({
      duplicateOf: { evidenceId: first.evidence.evidenceId },
    });
    const second = await requestUpload(
      deps,
      actors.leaderA,
      C('2.1'),
      pdf({ sha256: sha(PDF), onDuplicate: 'upload' }),
    );
    expect(await land(second.revision)).toBe('available');
    const stored = await a.evidence.get('c-2026', 'so-a', second.evidence.evidenceId);
    expect(stored?.duplicateOf).toEqual({
      evidenceId: first.evidence.evidenceId,
      title: 'Kế hoạch CCHC.pdf',
    });
  });
});

describe('addFile', () => {
  it('a second file and a new revision of the first; old revisions stay; audited', async () => {
    const t = await requestUpload(deps, actors.memberA1, C('1.1'), pdf());
    await land(t.revision);
    const ref = { cycleId: 'c-2026', entityId: 'so-a', evidenceId: t.evidence.evidenceId };
    const second = await addFile(deps, actors.memberA1, ref, pdf({ fileName: 'Phụ lục.pdf' }));
    expect(second.evidence.files.map((f) => f.latest.fileName)).toEqual(['Kế hoạch CCHC.pdf', 'Phụ lục.pdf']);
    const replaced = await addFile(deps, actors.memberA1, ref, pdf({ replacesFileId: t.revision.fileId }));
    expect(replaced.revision).toMatchObject({
      fileId: t.revision.fileId,
      revision: 2,
      state: 'pending_upload',
    });
    const file = replaced.evidence.files.find((f) => f.fileId === t.revision.fileId)!;
    expect([file.latest.revision, file.current?.revision]).toEqual([2, 1]);
    const { revisions } = await getEvidence(deps, actors.reviewer, ref);
    expect(revisions.map((r) => [r.revision, r.state])).toEqual(
      expect.arrayContaining([
        [1, 'available'],
        [2, 'pending_upload'],
      ]),
    );
    expect((await trail(a)).map((e) => e.action)).toEqual([
      'evidence.upload-requested',
      'evidence.file-available',
      'evidence.file-added',
      'evidence.file-replaced',
    ]);
  });

  it("another unit's member cannot add files; an unknown file to replace is not found", async () => {
    const t = await requestUpload(deps, actors.memberA1, C('1.1'), pdf());
    const ref = { cycleId: 'c-2026', entityId: 'so-a', evidenceId: t.evidence.evidenceId };
    expect((await rejection(addFile(deps, actors.memberA2, ref, pdf()))).reason).toBe('OTHER_UNIT');
    expect(
      await rejection(addFile(deps, actors.memberA1, ref, pdf({ replacesFileId: 'nope' }))),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await rejection(addFile(deps, actors.memberA1, { ...ref, evidenceId: 'nope' }, pdf())),
    ).toBeInstanceOf(NotFoundError);
  });
});

describe('multipart uploads', () => {
  const big = new Uint8Array(7 * MiB);
  big.set(PDF);

  it('hands out part URLs, re-issues the missing ones, completes only with every part, then finalizes', async () => {
    const t = await requestUpload(deps, actors.leaderA, C('1.1'), pdf({ sizeBytes: big.byteLength }));
    expect(t.upload).toMatchObject({ mode: 'multipart', partBytes: 5 * MiB, partCount: 2 });
    const up = t.upload as Extract<typeof t.upload, { mode: 'multipart' }>;
    expect(up.parts.map((p) => [p.partNumber, p.sizeBytes])).toEqual([
      [1, 5 * MiB],
      [2, 2 * MiB],
    ]);
    const key = t.revision.objectKey;
    const fileRef = {
      cycleId: 'c-2026',
      entityId: 'so-a',
      evidenceId: t.evidence.evidenceId,
      fileId: t.revision.fileId,
    };
    const etag1 = await a.store.uploadPart(key, up.uploadId, 1, big.subarray(0, 5 * MiB));
    const again = await uploadParts(deps, actors.leaderA, fileRef, { revision: 1 });
    expect(again.parts.map((p) => p.partNumber)).toEqual([2]);
    expect(again.uploadedParts?.map((p) => p.partNumber)).toEqual([1]);
    const missing = await rejection(
      completeUpload(deps, actors.leaderA, fileRef, { revision: 1, parts: [{ partNumber: 1, etag: etag1 }] }),
    );
    expect((missing as unknown as ValidationError).issues[0]!.field).toBe('body.parts');
    expect(
      await rejection(uploadParts(deps, actors.leaderA, fileRef, { revision: 1, partNumbers: [3] })),
    ).toBeInstanceOf(ValidationError);
    const etag2 = await a.store.uploadPart(key, up.uploadId, 2, big.subarray(5 * MiB));
    const parts = [
      { partNumber: 1, etag: etag1 },
      { partNumber: 2, etag: etag2 },
    ];
    expect((await completeUpload(deps, actors.leaderA, fileRef, { revision: 1, parts })).revision).toBe(1);
    expect(await finalizeUpload(deps, key)).toBe('available');
    const done = await rejection(completeUpload(deps, actors.leaderA, fileRef, { revision: 1, parts }));
    expect(done).toBeInstanceOf(ConflictError);
  });

  it('a single-PUT revision has no parts to resume', async () => {
    const t = await requestUpload(deps, actors.leaderA, C('1.1'), pdf());
    const fileRef = {
      cycleId: 'c-2026',
      entityId: 'so-a',
      evidenceId: t.evidence.evidenceId,
      fileId: t.revision.fileId,
    };
    const e = await rejection(uploadParts(deps, actors.leaderA, fileRef, { revision: 1 }));
    expect((e as unknown as ValidationError).issues[0]!.field).toBe('body.revision');
  });
});

describe('listEvidence, getEvidence, downloadFile', () => {
  it("lists a criterion's evidence; other entities are refused", async () => {
    const t = await requestUpload(deps, actors.memberA1, C('1.1'), pdf());
    const page = await listEvidence(deps, actors.memberA2, C('1.1'), 10);
    expect(page.items.map((e) => e.evidenceId)).toEqual([t.evidence.evidenceId]);
    expect((await rejection(listEvidence(deps, actors.leaderB, C('1.1'), 10))).reason).toBe('OTHER_ENTITY');
    expect(await rejection(listEvidence(deps, actors.admin, C('1.1', 'so-z'), 10))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('download: 409 while nothing is available, then a short-lived GET under the original name', async () => {
    const t = await requestUpload(deps, actors.memberA1, C('1.1'), pdf());
    const fileRef = {
      cycleId: 'c-2026',
      entityId: 'so-a',
      evidenceId: t.evidence.evidenceId,
      fileId: t.revision.fileId,
    };
    expect(await rejection(downloadFile(deps, actors.reviewer, fileRef))).toBeInstanceOf(ConflictError);
    await land(t.revision);
    const ticket = await downloadFile(deps, actors.reviewer, fileRef);
    expect(ticket).toMatchObject({
      fileName: 'Kế hoạch CCHC.pdf',
      revision: 1,
      sizeBytes: PDF.byteLength,
      sha256: sha(PDF),
      expiresAt: new Date(Date.parse(NOW) + 300_000).toISOString(),
    });
    expect(new URL(ticket.url).searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="Ke hoach CCHC.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch CCHC.pdf')}`,
    );
    expect(await rejection(downloadFile(deps, actors.reviewerHN, fileRef))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(downloadFile(deps, actors.reviewer, fileRef, 5))).toBeInstanceOf(NotFoundError);
  });

  it('a quarantined revision is never served', async () => {
    const t = await requestUpload(deps, actors.memberA1, C('1.1'), pdf());
    expect(await land(t.revision, new TextEncoder().encode('MZ not a pdf at all, a program.....'))).toBe(
      'quarantined',
    );
    const fileRef = {
      cycleId: 'c-2026',
      entityId: 'so-a',
      evidenceId: t.evidence.evidenceId,
      fileId: t.revision.fileId,
    };
    const e = await rejection(downloadFile(deps, actors.leaderA, fileRef, 1));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as unknown as ConflictError).current).toMatchObject({ revision: 1, state: 'quarantined' });
  });
});
