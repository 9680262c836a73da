/** The audit trail's reads, daily readiness snapshots and the report's texts. */
import { keys } from '#adapters/dynamo/keys.ts';
import { ConflictError } from '#domain/errors.ts';
import type { ReadinessSnapshot } from '#domain/readiness.ts';
import { type ReportTexts, reportTextsSchema } from '#domain/report.ts';
import type { AuditEntry, AuditRepository, ReportTextsRepository, SnapshotRepository } from '#ports.ts';
import { auditWrite, expecting } from './items.ts';
import { absent, type MemoryTable } from './table.ts';

export function memoryAuditRepository(db: MemoryTable): AuditRepository {
  return {
    async listByEntity(cycleId, entityId, order, limit, token) {
      const { pk, skPrefix } = keys.auditPrefix(cycleId, entityId);
      return db.queryPage<AuditEntry>(
        { partition: pk, prefix: skPrefix, forward: order === 'asc' },
        limit,
        token,
      );
    },
    async listByCriterion(cycleId, entityId, code, order, limit, token) {
      return db.queryPage<AuditEntry>(
        {
          index: 'gsi1',
          partition: keys.criterionAuditIndexPartition(cycleId, entityId, code),
          forward: order === 'asc',
        },
        limit,
        token,
      );
    },
  };
}

export function memorySnapshotRepository(db: MemoryTable): SnapshotRepository {
  return {
    async putIfAbsent(s) {
      // One snapshot per entity and day: a second run the same day writes nothing.
      const item = { ...keys.snapshot(s.cycleId, s.entityId, s.date), _type: 'readiness-snapshot', ...s };
      return db.transact([{ put: item, condition: absent }]).length === 0;
    },
    async list(cycleId, entityId, from, to) {
      const { pk } = keys.snapshotPrefix(cycleId, entityId);
      const lo = keys.snapshot(cycleId, entityId, from ?? '0000-00-00').sk;
      const hi = keys.snapshot(cycleId, entityId, to ?? '9999-99-99').sk;
      return db.list<ReadinessSnapshot>({ partition: pk, between: [lo, hi] });
    },
  };
}

/** A stored record that no longer parses reads as absent, as in the DynamoDB adapter. */
const readTexts = (item: unknown): ReportTexts | undefined => {
  const parsed = item ? reportTextsSchema.safeParse(item) : undefined;
  return parsed?.success ? parsed.data : undefined;
};

export function memoryReportTextsRepository(db: MemoryTable): ReportTextsRepository {
  const repo: ReportTextsRepository = {
    get: async (cycleId, entityId) => readTexts(db.read(keys.reportTexts(cycleId, entityId))),
    async save(texts, expectedVersion, audit) {
      const key = keys.reportTexts(texts.cycleId, texts.entityId);
      const failed = db.transact([
        { put: { ...key, _type: 'report-texts', ...texts }, condition: expecting(expectedVersion) },
        auditWrite({ cycleId: texts.cycleId, entityId: texts.entityId }, audit),
      ]);
      if (failed.length)
        throw new ConflictError(
          {
            vi: 'Người khác vừa lưu nội dung báo cáo này. Xem bản hiện tại rồi lưu lại.',
            en: 'Someone else saved these report texts meanwhile. Review the current ones and save again.',
          },
          (await repo.get(texts.cycleId, texts.entityId)) ?? null,
        );
    },
  };
  return repo;
}
