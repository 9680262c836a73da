/**
 * Changing evidence after upload on the in-memory adapters: metadata (versioned), links (idempotent,
 * confirmation of carried links), the reviewer's verdict, the bin (delete/restore, idempotent), purge, search.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import {
  deleteEvidence,
  editEvidence,
  linkEvidence,
  purgeEvidence,
  restoreEvidence,
  reviewEvidence,
  searchEvidence,
  unlinkEvidence,
} from '#usecases/evidence-manage.ts';
import {
  actors,
  assignmentOf,
  evidenceOf,
  NOW,
  putEvidence,
  rejection,
  seededAdapters,
  trail,
} from './support.ts';

type Adapters = Awaited<ReturnType<typeof seededAdapters>>;
let a: Adapters;
const E1 = { cycleId: 'c-2026', entityId: 'so-a', evidenceId: 'e1' };
beforeEach(async () => {
  a = await seededAdapters();
  await putEvidence(
    a,
    evidenceOf({ evidenceId: 'e1', documentNumber: '12/KH-SKHCN', unconfirmedCodes: ['2.1'] }),
  );
  await a.assignments.createMany(
    [
      assignmentOf({
        assignmentId: 'KH-02',
        unitId: 'phong-2',
        criteria: [{ frameworkId: 'par-so-mau', code: '1.2' }],
      }),
    ],
    () => ({
      auditId: 'seed-a',
      at: NOW,
      actor: { userId: 'seed', role: 'admin' },
      action: 'seed.a',
      subject: 's',
    }),
  );
});
const stored = () => a.evidence.get('c-2026', 'so-a', 'e1');

describe('editEvidence', () => {
  it('changes only what differs, version + 1, audit holds before/after of the changed fields', async () => {
    const next = await editEvidence(a, actors.memberA1, E1, {
      version: 1,
      title: 'Kế hoạch CCHC 2026 (sửa)',
      documentNumber: null,
      issuer: 'Sở KH&CN',
    });
    expect(next).toMatchObject({
      title: 'Kế hoạch CCHC 2026 (sửa)',
      issuer: 'Sở KH&CN',
      version: 2,
      updatedAt: NOW,
    });
    expect(next.documentNumber).toBeUndefined();
    expect(await stored()).toEqual(next);
    const [entry] = await trail(a);
    expect([entry?.action, entry?.subject]).toEqual(['evidence.edited', 'evidence/e1']);
    // Absent values are not stored (as in DynamoDB): a cleared field is missing from `after`.
    expect(entry?.before).toEqual({ title: 'Kế hoạch CCHC năm 2026', documentNumber: '12/KH-SKHCN' });
    expect(entry?.after).toEqual({ title: 'Kế hoạch CCHC 2026 (sửa)', issuer: 'Sở KH&CN' });
  });

  it('no change writes nothing; a stale version is a 409 carrying the stored evidence', async () => {
    expect(
      (await editEvidence(a, actors.memberA1, E1, { version: 1, title: 'Kế hoạch CCHC năm 2026' })).version,
    ).toBe(1);
    const e = await rejection(editEvidence(a, actors.memberA1, E1, { version: 7, title: 'x' }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as unknown as ConflictError).current).toMatchObject({ evidenceId: 'e1', version: 1 });
    expect(await trail(a)).toEqual([]);
  });

  it("another unit's member is refused; an unknown evidence is not found", async () => {
    expect((await rejection(editEvidence(a, actors.memberA2, E1, { version: 1, title: 'x' }))).reason).toBe(
      'OTHER_UNIT',
    );
    expect(
      await rejection(
        editEvidence(a, actors.memberA1, { ...E1, evidenceId: 'nope' }, { version: 1, title: 'x' }),
      ),
    ).toBeInstanceOf(NotFoundError);
  });
});

describe('linkEvidence / unlinkEvidence', () => {
  it('links a new criterion; linking again changes nothing', async () => {
    const next = await linkEvidence(a, actors.memberA2, { ...E1, criterionCode: '1.2' });
    expect([next.criterionCodes, next.version]).toEqual([['1.1', '1.2'], 2]);
    const again = await linkEvidence(a, actors.memberA2, { ...E1, criterionCode: '1.2' });
    expect(again.version).toBe(2);
    expect((await trail(a)).map((e) => e.action)).toEqual(['evidence.linked']);
    const page = await a.evidence.listByCriterion('c-2026', 'so-a', '1.2', 10);
    expect(page.items.map((e) => e.evidenceId)).toEqual(['e1']);
  });

  it('linking a carried-forward code confirms it', async () => {
    const next = await linkEvidence(a, actors.leaderA, { ...E1, criterionCode: '2.1' });
    expect([next.criterionCodes, next.unconfirmedCodes]).toEqual([['1.1', '2.1'], []]);
    expect((await trail(a)).map((e) => e.action)).toEqual(['evidence.link-confirmed']);
  });

  it('unknown and survey criteria are refused; so is another entity', async () => {
    expect(await rejection(linkEvidence(a, actors.leaderA, { ...E1, criterionCode: '9.9' }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(linkEvidence(a, actors.leaderA, { ...E1, criterionCode: '1.6' }))).toBeInstanceOf(
      ValidationError,
    );
    expect(await rejection(linkEvidence(a, actors.leaderB, { ...E1, criterionCode: '1.2' }))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("unlink: a member of neither the evidence's nor the criterion's unit is refused; idempotent", async () => {
    await linkEvidence(a, actors.memberA2, { ...E1, criterionCode: '1.2' });
    // phong-2 answers for 1.2: its member may take the phong-1 evidence off it.
    const off = await unlinkEvidence(a, actors.memberA2, { ...E1, criterionCode: '1.2' });
    expect([off.criterionCodes, off.version]).toEqual([['1.1'], 3]);
    expect((await unlinkEvidence(a, actors.memberA2, { ...E1, criterionCode: '1.2' })).version).toBe(3);
    await putEvidence(a, evidenceOf({ evidenceId: 'e2', unitId: 'phong-1', criterionCodes: ['1.1'] }));
    const e = await rejection(
      unlinkEvidence(a, actors.memberA2, {
        cycleId: 'c-2026',
        entityId: 'so-a',
        evidenceId: 'e2',
        criterionCode: '1.1',
      }),
    );
    expect(e.reason).toBe('OTHER_UNIT');
  });
});

describe('reviewEvidence', () => {
  it('a reviewer accepts: state accepted, review recorded, audited', async () => {
    const next = await reviewEvidence(a, actors.reviewer, E1, { version: 1, decision: 'accepted' });
    expect(next).toMatchObject({
      state: 'accepted',
      version: 2,
      review: { decision: 'accepted', by: { userId: 'u-reviewer', role: 'reviewer' }, at: NOW },
    });
    expect((await trail(a)).map((e) => [e.action, e.after])).toEqual([
      ['evidence.accepted', { state: 'accepted', reason: undefined }],
    ]);
  });

  it('a rejection needs a reason; a stale version is a 409; leaders cannot review', async () => {
    expect(
      await rejection(reviewEvidence(a, actors.reviewer, E1, { version: 1, decision: 'rejected' })),
    ).toBeInstanceOf(ValidationError);
    expect(
      await rejection(reviewEvidence(a, actors.reviewer, E1, { version: 2, decision: 'accepted' })),
    ).toBeInstanceOf(ConflictError);
    expect(
      await rejection(reviewEvidence(a, actors.leaderA, E1, { version: 1, decision: 'accepted' })),
    ).toBeInstanceOf(ForbiddenError);
    const r = await reviewEvidence(a, actors.admin, E1, {
      version: 1,
      decision: 'rejected',
      reason: 'Thiếu chữ ký',
    });
    expect(r).toMatchObject({ state: 'rejected', review: { reason: 'Thiếu chữ ký' } });
  });
});

describe('reviewing what cannot be looked at', () => {
  it('evidence without an available file cannot be reviewed (path.evidenceId)', async () => {
    const pending = evidenceOf({ evidenceId: 'e9', state: 'pending_upload' });
    await putEvidence(a, { ...pending, files: [{ ...pending.files[0]!, current: undefined }] });
    const e = await rejection(
      reviewEvidence(a, actors.reviewer, { ...E1, evidenceId: 'e9' }, { version: 1, decision: 'accepted' }),
    );
    expect((e as unknown as ValidationError).issues.map((i) => i.field)).toEqual(['path.evidenceId']);
  });
});

describe('the bin: delete, restore, purge', () => {
  it('delete hides the evidence (idempotent); others then get a 404; restore brings it back (idempotent)', async () => {
    const gone = await deleteEvidence(a, actors.memberA1, E1);
    expect(gone).toMatchObject({ deletedAt: NOW, deletedBy: 'u-member-a1', version: 2 });
    expect((await deleteEvidence(a, actors.memberA1, E1)).version).toBe(2);
    expect(await a.evidence.listByEntity('c-2026', 'so-a')).toEqual([]);
    expect(await rejection(editEvidence(a, actors.memberA2, E1, { version: 2, title: 'x' }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(editEvidence(a, actors.memberA1, E1, { version: 2, title: 'x' }))).toBeInstanceOf(
      ConflictError,
    );
    const back = await restoreEvidence(a, actors.leaderA, E1);
    expect(back).not.toHaveProperty('deletedAt');
    expect(back.version).toBe(3);
    expect((await restoreEvidence(a, actors.leaderA, E1)).version).toBe(3);
    expect((await trail(a)).map((e) => e.action)).toEqual(['evidence.deleted', 'evidence.restored']);
  });

  it('a closed cycle keeps its evidence: no delete, no restore (path.cycleId), nothing written', async () => {
    await deleteEvidence(a, actors.memberA1, { ...E1, evidenceId: 'e1' });
    await restoreEvidence(a, actors.memberA1, E1);
    const cycle = await a.cycles.get('c-2026');
    await a.cycles.update({ ...cycle!, status: 'closed', version: cycle!.version + 1 }, cycle!.version, {
      auditId: 'seed-close',
      at: NOW,
      actor: { userId: 'seed', role: 'admin' },
      action: 'seed.close',
      subject: 'c-2026',
    });
    const refused = await rejection(deleteEvidence(a, actors.memberA1, E1));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as unknown as ValidationError).issues[0]?.field).toBe('path.cycleId');
    expect((await stored())?.deletedAt).toBeUndefined();
    expect((await stored())?.version).toBe(3);
  });

  it('members of another unit cannot delete; reviewers cannot restore', async () => {
    expect((await rejection(deleteEvidence(a, actors.memberA2, E1))).reason).toBe('OTHER_UNIT');
    await deleteEvidence(a, actors.memberA1, E1);
    expect(await rejection(restoreEvidence(a, actors.reviewer, E1))).toBeInstanceOf(NotFoundError);
  });

  it('purge: admins only, only from the bin; objects and items go, the audit keeps what was purged', async () => {
    expect(await rejection(purgeEvidence(a, actors.admin, E1, { reason: 'x' }))).toBeInstanceOf(
      ConflictError,
    );
    await deleteEvidence(a, actors.memberA1, E1);
    expect(await rejection(purgeEvidence(a, actors.leaderA, E1, { reason: 'x' }))).toBeInstanceOf(
      ForbiddenError,
    );
    const result = await purgeEvidence(a, actors.admin, E1, { reason: 'Tải nhầm tài liệu mật', version: 2 });
    expect(result).toEqual({ evidenceId: 'e1', objectsDeleted: 1, versionsDeleted: false });
    expect(await stored()).toBeUndefined();
    expect(a.store.keys()).toEqual([]);
    const purged = (await trail(a)).find((e) => e.action === 'evidence.purged')!;
    expect(purged.before).toMatchObject({
      title: 'Kế hoạch CCHC năm 2026',
      revisions: [{ fileId: 'f1', revision: 1 }],
    });
    expect(purged.after).toEqual({
      reason: 'Tải nhầm tài liệu mật',
      objectsDeleted: 1,
      versionsDeleted: false,
    });
  });
});

describe('searchEvidence', () => {
  beforeEach(async () => {
    await putEvidence(
      a,
      evidenceOf({ evidenceId: 'e2', title: 'Báo cáo quý I', unitId: 'phong-2', criterionCodes: ['1.2'] }),
    );
    await putEvidence(
      a,
      evidenceOf({ evidenceId: 'e3', entityId: 'so-hn', unitId: undefined, title: 'Kế hoạch Hà Nội' }),
    );
  });
  const q = { deleted: 'exclude' as const, limit: 20 };

  it('finds by words without diacritics; members see their own entity only', async () => {
    const found = await searchEvidence(a, actors.memberA2, 'c-2026', { ...q, q: 'nam 2026' });
    expect(found.items.map((e) => e.evidenceId)).toEqual(['e1']);
    // Every seeded file is named ke-hoach.pdf: file names count.
    const mine = await searchEvidence(a, actors.memberA2, 'c-2026', { ...q, q: 'KE HOACH' });
    expect(mine.items.map((e) => e.evidenceId).sort()).toEqual(['e1', 'e2']);
    const all = await searchEvidence(a, actors.reviewer, 'c-2026', { ...q, q: 'ha noi' });
    expect(all.items.map((e) => e.evidenceId)).toEqual(['e3']);
  });

  it("a province-scoped reviewer searching the whole cycle sees only their province's entities", async () => {
    const page = await searchEvidence(a, actors.reviewerHN, 'c-2026', q);
    expect(page.items.map((e) => e.evidenceId)).toEqual(['e3']);
  });

  it("a member's bin holds their unit's evidence only; reviewers have no bin; unknown cycle is a 404", async () => {
    await deleteEvidence(a, actors.memberA1, E1);
    await deleteEvidence(a, actors.memberA2, { ...E1, evidenceId: 'e2' });
    const bin = await searchEvidence(a, actors.memberA2, 'c-2026', { ...q, deleted: 'only' });
    expect(bin.items.map((e) => e.evidenceId)).toEqual(['e2']);
    expect(
      await rejection(searchEvidence(a, actors.reviewer, 'c-2026', { ...q, deleted: 'only' })),
    ).toBeInstanceOf(ForbiddenError);
    expect(await rejection(searchEvidence(a, actors.memberA1, 'nope', q))).toBeInstanceOf(NotFoundError);
  });
});
