import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import type { ReportTextsRepository, SnapshotRepository } from '#ports.ts';
import { auditEntry, reportTexts, snapshot, uid } from './fixtures.ts';

export function describeSnapshotContract(make: () => Promise<{ snapshots: SnapshotRepository }>) {
  describe('SnapshotRepository contract', () => {
    let snapshots: SnapshotRepository;
    beforeAll(async () => {
      ({ snapshots } = await make());
    });

    it('writes one snapshot per entity and day; a second run that day writes nothing', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      expect(await snapshots.putIfAbsent(snapshot(cycleId, entityId, '2026-03-02', 10))).toBe(true);
      expect(await snapshots.putIfAbsent(snapshot(cycleId, entityId, '2026-03-02', 99))).toBe(false);
      expect(await snapshots.list(cycleId, entityId)).toEqual([
        snapshot(cycleId, entityId, '2026-03-02', 10),
      ]);
    });

    it('lists oldest first within an inclusive date range', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const days = ['2026-03-05', '2026-03-01', '2026-03-03', '2026-03-04'];
      for (const d of days) await snapshots.putIfAbsent(snapshot(cycleId, entityId, d));
      const dates = async (from?: string, to?: string) =>
        (await snapshots.list(cycleId, entityId, from, to)).map((s) => s.date);
      expect(await dates()).toEqual(['2026-03-01', '2026-03-03', '2026-03-04', '2026-03-05']);
      expect(await dates('2026-03-03', '2026-03-04')).toEqual(['2026-03-03', '2026-03-04']);
      expect(await dates('2026-03-04')).toEqual(['2026-03-04', '2026-03-05']);
      expect(await dates(undefined, '2026-03-02')).toEqual(['2026-03-01']);
      expect(await snapshots.list(cycleId, uid('en'))).toEqual([]);
    });
  });
}

export function describeReportTextsContract(make: () => Promise<{ reports: ReportTextsRepository }>) {
  describe('ReportTextsRepository contract', () => {
    let reports: ReportTextsRepository;
    beforeAll(async () => {
      ({ reports } = await make());
    });

    it('creates once, then saves at the version; a stale save gets the stored texts', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      expect(await reports.get(cycleId, entityId)).toBeUndefined();
      const first = reportTexts(cycleId, entityId);
      await reports.save(first, undefined, auditEntry());
      expect(await reports.get(cycleId, entityId)).toEqual(first);
      const dup = await reports.save(first, undefined, auditEntry()).catch((e) => e);
      expect(dup).toBeInstanceOf(ConflictError);
      expect((dup as ConflictError).current).toEqual(first);
      const next = { ...first, proposals: 'Kiến nghị', version: 2 };
      await reports.save(next, 1, auditEntry());
      const stale = await reports.save({ ...first, version: 2 }, 1, auditEntry()).catch((e) => e);
      expect(stale).toBeInstanceOf(ConflictError);
      expect((stale as ConflictError).current).toEqual(next);
      expect(await reports.get(cycleId, entityId)).toEqual(next);
    });
  });
}
