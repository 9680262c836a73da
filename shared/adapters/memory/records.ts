/** The audit trail's reads, daily readiness snapshots and the report's texts. */
import { reportTextsItem } from '#adapters/dynamo/descriptors/records.ts';
import { snapshotItem } from '#adapters/dynamo/descriptors/scoring.ts';
import { auditItem } from '#adapters/dynamo/kernel/audit.ts';
import { conflictWith } from '#adapters/dynamo/kernel/write.ts';
import * as keys from '#adapters/dynamo/keys.ts';
import type { AuditRepository, ReportTextsRepository, SnapshotRepository } from '#ports.ts';
import { pageOf, readItem, writeItems } from './kernel.ts';
import type { MemoryTable } from './table.ts';

export function memoryAuditRepository(db: MemoryTable): AuditRepository {
  return {
    async listByEntity(cycleId, entityId, order, limit, token) {
      const { pk, skPrefix } = keys.auditPrefix(cycleId, entityId);
      const spec = { partition: pk, prefix: skPrefix, forward: order === 'asc' };
      return pageOf(auditItem, db.queryPage(spec, limit, token));
    },
    async listByCriterion(cycleId, entityId, code, order, limit, token) {
      const partition = keys.criterionAuditIndexPartition(cycleId, entityId, code);
      return pageOf(
        auditItem,
        db.queryPage({ index: 'gsi1', partition, forward: order === 'asc' }, limit, token),
      );
    },
  };
}

export function memorySnapshotRepository(db: MemoryTable): SnapshotRepository {
  return {
    // One snapshot per entity and day: a second run the same day writes nothing.
    putIfAbsent: async (s) =>
      (await writeItems(db, [{ put: snapshotItem.toItem(s), when: { absent: true } }])).committed,
    async list(cycleId, entityId, from, to) {
      const { pk } = keys.snapshotPrefix(cycleId, entityId);
      const lo = keys.snapshot(cycleId, entityId, from ?? '0000-00-00').sk;
      const hi = keys.snapshot(cycleId, entityId, to ?? '9999-99-99').sk;
      return db.queryAll({ partition: pk, between: [lo, hi] }).map((i) => snapshotItem.fromItem(i));
    },
  };
}

export function memoryReportTextsRepository(db: MemoryTable): ReportTextsRepository {
  const repo: ReportTextsRepository = {
    get: async (cycleId, entityId) => readItem(db, reportTextsItem, keys.reportTexts(cycleId, entityId)),
    async save(texts, expectedVersion, audit) {
      const when = expectedVersion === undefined ? { absent: true as const } : { version: expectedVersion };
      await writeItems(db, [{ put: reportTextsItem.toItem(texts), when }], {
        audit: { entry: audit, scope: { cycleId: texts.cycleId, entityId: texts.entityId } },
        conflict: conflictWith(
          {
            vi: 'Người khác vừa lưu nội dung báo cáo này. Xem bản hiện tại rồi lưu lại.',
            en: 'Someone else saved these report texts meanwhile. Review the current ones and save again.',
          },
          async () => (await repo.get(texts.cycleId, texts.entityId)) ?? null,
        ),
      });
    },
  };
  return repo;
}
