import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import type { Evidence } from '#domain/evidence.ts';
import { foldForSearch } from '#domain/text.ts';
import type { EvidenceRepository } from '#ports.ts';
import { allPages, auditEntry, evidence, revision, uid } from './fixtures.ts';

const link = (evidenceId: string, criterionCode: string) => ({
  evidenceId,
  criterionCode,
  needsConfirmation: false,
  linkedBy: 'contract-member',
  linkedAt: '2026-03-02T03:04:05.000Z',
});

export function describeEvidenceContract(make: () => Promise<{ evidence: EvidenceRepository }>) {
  describe('EvidenceRepository contract', () => {
    let repo: EvidenceRepository;
    beforeAll(async () => {
      ({ evidence: repo } = await make());
    });

    /** A new evidence linked to its criteria, with one revision, as an upload request writes it. */
    async function create(cycleId: string, entityId: string, over: Partial<Evidence> = {}) {
      const ev = evidence(cycleId, entityId, over);
      const rev = revision(ev);
      await repo.save({
        evidence: ev,
        revisions: [{ revision: rev }],
        putLinks: ev.criterionCodes.map((c) => link(ev.evidenceId, c)),
        audit: auditEntry('evidence.create'),
      });
      return { ev, rev };
    }

    it('saves an evidence with its revision and links, all readable', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const { ev, rev } = await create(cycleId, entityId, { criterionCodes: ['1.1'] });
      expect(await repo.get(cycleId, entityId, ev.evidenceId)).toEqual(ev);
      expect(await repo.getRevision(rev)).toEqual(rev);
      expect(await repo.listRevisions(cycleId, entityId, ev.evidenceId)).toEqual([rev]);
      expect((await repo.listByCriterion(cycleId, entityId, '1.1', 10)).items).toEqual([ev]);
      expect(await repo.listByEntity(cycleId, entityId)).toEqual([ev]);
      expect(await repo.get(cycleId, entityId, uid('missing'))).toBeUndefined();
    });

    it('refuses a stale or duplicate change with ConflictError and writes none of it', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const { ev, rev } = await create(cycleId, entityId);
      const dup = await repo.save({ evidence: ev, audit: auditEntry() }).catch((e) => e);
      expect(dup).toBeInstanceOf(ConflictError);
      expect((dup as ConflictError).current).toEqual(ev);
      // The evidence is at its version but the revision moved on: nothing of the change lands.
      const next = { ...ev, title: 'Đổi tên', version: 2 };
      const moved = await repo
        .save({
          evidence: next,
          expectedVersion: 1,
          revisions: [
            {
              revision: { ...rev, state: 'available', version: 2 },
              expected: { version: 1, state: 'scanning' },
            },
          ],
          audit: auditEntry(),
        })
        .catch((e) => e);
      expect(moved).toBeInstanceOf(ConflictError);
      expect(await repo.get(cycleId, entityId, ev.evidenceId)).toEqual(ev);
      await repo.save({ evidence: next, expectedVersion: 1, audit: auditEntry() });
      await expect(
        repo.save({ evidence: next, expectedVersion: 1, audit: auditEntry() }),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it('records a scan only on a pending revision at its version', async () => {
      const { rev } = await create(uid('cy'), uid('en'));
      const scanned = { ...rev, state: 'scanning' as const, version: 2 };
      expect(await repo.recordScan(scanned, 1)).toBe(true);
      expect(await repo.getRevision(rev)).toEqual(scanned);
      expect(await repo.recordScan({ ...scanned, version: 3 }, 2)).toBe(false);
    });

    it('lists unsettled revisions requested before a time, oldest first, until settled', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const times = ['2001-01-01T00:00:03.000Z', '2001-01-01T00:00:01.000Z', '2001-01-01T00:00:02.000Z'];
      const revs = [];
      for (const createdAt of times) {
        const ev = evidence(cycleId, entityId);
        const rev = revision(ev, { createdAt });
        await repo.save({ evidence: ev, revisions: [{ revision: rev }], audit: auditEntry() });
        revs.push(rev);
      }
      const before = '2001-01-01T00:00:02.500Z';
      const { items } = await allPages((c) => repo.listUnsettled(before, 1, c), 1);
      expect(items).toEqual([revs[1], revs[2]]);
      const settled = { ...revs[1]!, state: 'available' as const, version: 2 };
      const ev1 = (await repo.get(cycleId, entityId, settled.evidenceId))!;
      await repo.save({
        evidence: { ...ev1, version: 2 },
        expectedVersion: 1,
        revisions: [{ revision: settled, expected: { version: 1, state: 'pending_upload' } }],
        audit: auditEntry(),
      });
      expect((await allPages((c) => repo.listUnsettled(before, 5, c), 5)).items).toEqual([revs[2]]);
    });

    it('searches newest first by entity or across the cycle, with filters, in pages', async () => {
      const cycleId = uid('cy');
      const [e1, e2] = [uid('en'), uid('en')];
      const a = (await create(cycleId, e1, { title: 'Kế hoạch cải cách', criterionCodes: ['2.1'] })).ev;
      const b = (await create(cycleId, e2, { title: 'Báo cáo tổng kết', unitId: 'u1' })).ev;
      const c = (
        await create(cycleId, e1, { title: 'Kế hoạch số 2', unconfirmedCodes: ['2.1'], state: 'accepted' })
      ).ev;
      const d = (await create(cycleId, e1, { title: 'Đã xoá', deletedAt: '2026-03-03T00:00:00.000Z' })).ev;
      const search = (q: object, limit = 1) =>
        allPages((cur) => repo.search({ cycleId, deleted: 'exclude', ...q }, limit, cur), limit).then((r) =>
          r.items.map((x) => x.evidenceId),
        );
      expect(await search({})).toEqual([c, b, a].map((x) => x.evidenceId));
      expect(await search({ entityId: e1 })).toEqual([c, a].map((x) => x.evidenceId));
      expect(await search({ entityId: e1, deleted: 'include' }, 2)).toEqual(
        [d, c, a].map((x) => x.evidenceId),
      );
      expect(await search({ deleted: 'only' })).toEqual([d.evidenceId]);
      expect(await search({ tokens: [foldForSearch('KẾ HOẠCH')] })).toEqual([c, a].map((x) => x.evidenceId));
      expect(await search({ criterionCode: '2.1' })).toEqual([c, a].map((x) => x.evidenceId));
      expect(await search({ state: 'accepted' })).toEqual([c.evidenceId]);
      expect(await search({ unitId: 'u1' })).toEqual([b.evidenceId]);
      const found = await repo.search({ cycleId, entityId: e2, deleted: 'exclude' }, 5);
      expect(found.items).toEqual([b]);
    });

    it('lists an entity’s evidence as readiness reads it: links, state, type and dates, deleted left out', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const dated = {
        criterionCodes: ['4.1', '4.2'],
        documentType: 'bao-cao',
        issueDate: '2026-05-04',
        effectivePeriod: { from: '2026-01-01', to: '2026-12-31' },
        issuer: 'Sở Nội vụ',
      };
      const a = (await create(cycleId, entityId, dated)).ev;
      const b = (await create(cycleId, entityId, { criterionCodes: ['4.1'], state: 'quarantined' })).ev;
      await create(cycleId, entityId, { criterionCodes: ['4.1'], deletedAt: '2026-03-03T00:00:00.000Z' });
      const facts = await repo.listFactsByEntity?.(cycleId, entityId);
      const expected = [
        {
          criterionCodes: a.criterionCodes,
          state: a.state,
          documentType: 'bao-cao',
          issueDate: '2026-05-04',
          effectivePeriod: { from: '2026-01-01', to: '2026-12-31' },
        },
        { criterionCodes: b.criterionCodes, state: 'quarantined' },
      ];
      const order = [a, b].map((x) => x.evidenceId);
      const byId = (await repo.listByEntity(cycleId, entityId)).map((x) => x.evidenceId);
      expect(facts).toEqual(byId.map((id) => expected[order.indexOf(id)]));
    });

    it('lists a criterion’s evidence newest first, skipping deleted evidence', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const a = (await create(cycleId, entityId, { criterionCodes: ['3.1'] })).ev;
      const b = (await create(cycleId, entityId, { criterionCodes: ['3.1'] })).ev;
      const c = (await create(cycleId, entityId, { criterionCodes: ['3.1'] })).ev;
      await repo.save({
        evidence: { ...b, deletedAt: '2026-03-03T00:00:00.000Z', version: 2 },
        expectedVersion: 1,
        audit: auditEntry(),
      });
      const { items } = await allPages((cur) => repo.listByCriterion(cycleId, entityId, '3.1', 2, cur), 2);
      expect(items.map((x) => x.evidenceId)).toEqual([c.evidenceId, a.evidenceId]);
      await repo.save({
        evidence: { ...a, version: 2 },
        expectedVersion: 1,
        deleteLinks: ['3.1'],
        audit: auditEntry(),
      });
      expect((await repo.listByCriterion(cycleId, entityId, '3.1', 5)).items).toEqual([c]);
    });

    it('indexes SHA-256 and carry-forward markers; a marker is written once', async () => {
      const [cycleId, entityId, fromCycleId] = [uid('cy'), uid('en'), uid('cy')];
      const ev = evidence(cycleId, entityId, { carriedFrom: { cycleId: fromCycleId, evidenceId: 'src-1' } });
      const sha256 = 'ab'.repeat(32);
      await repo.save({
        evidence: ev,
        shaIndex: [{ sha256, fileId: 'f1', revision: 1 }],
        carryMarker: { fromCycleId, sourceEvidenceId: 'src-1' },
        audit: auditEntry(),
      });
      expect(await repo.findBySha(cycleId, entityId, sha256)).toEqual([ev.evidenceId]);
      expect(await repo.findBySha(cycleId, entityId, 'cd'.repeat(32))).toEqual([]);
      expect(await repo.findCarried(cycleId, entityId, fromCycleId, 'src-1')).toBe(ev.evidenceId);
      expect(await repo.findCarried(cycleId, entityId, fromCycleId, 'src-2')).toBeUndefined();
      const again = evidence(cycleId, entityId);
      await expect(
        repo.save({
          evidence: again,
          carryMarker: { fromCycleId, sourceEvidenceId: 'src-1' },
          audit: auditEntry(),
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await repo.get(cycleId, entityId, again.evidenceId)).toBeUndefined();
    });

    it('purges only a deleted evidence at its version, with every item it owns', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const { ev, rev } = await create(cycleId, entityId, { criterionCodes: ['4.1'] });
      const withSha = { ...rev, sha256: 'ef'.repeat(32) };
      await expect(repo.purge(ev, [withSha], auditEntry())).rejects.toBeInstanceOf(ConflictError);
      const deleted = { ...ev, deletedAt: '2026-03-03T00:00:00.000Z', version: 2 };
      await repo.save({
        evidence: deleted,
        expectedVersion: 1,
        shaIndex: [{ sha256: withSha.sha256, fileId: 'f1', revision: 1 }],
        audit: auditEntry(),
      });
      await expect(repo.purge(ev, [withSha], auditEntry())).rejects.toBeInstanceOf(ConflictError);
      await repo.purge(deleted, [withSha], auditEntry('evidence.purge'));
      expect(await repo.get(cycleId, entityId, ev.evidenceId)).toBeUndefined();
      expect(await repo.listRevisions(cycleId, entityId, ev.evidenceId)).toEqual([]);
      expect(await repo.findBySha(cycleId, entityId, withSha.sha256)).toEqual([]);
      expect((await repo.listByCriterion(cycleId, entityId, '4.1', 5)).items).toEqual([]);
    });
  });
}
