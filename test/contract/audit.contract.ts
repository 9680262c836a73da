import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import type { AuditRepository, ReportTextsRepository, SurveyRepository } from '#ports.ts';
import { allPages, auditEntry, reportTexts, surveyImport, uid } from './fixtures.ts';

export function describeAuditContract(
  make: () => Promise<{ audit: AuditRepository; surveys: SurveyRepository; reports: ReportTextsRepository }>,
) {
  describe('AuditRepository contract', () => {
    let p: Awaited<ReturnType<typeof make>>;
    const [cycleId, entityId] = [uid('cy'), uid('en')];
    const entries = [auditEntry('a.1'), auditEntry('a.2'), auditEntry('a.3')];
    beforeAll(async () => {
      p = await make();
      // A criterion's write (survey import) is listed under the criterion; the report's is not.
      await p.surveys.save(surveyImport(cycleId, entityId, '5.1'), undefined, entries[0]!);
      await p.reports.save(reportTexts(cycleId, entityId), undefined, entries[1]!);
      await p.surveys.save(surveyImport(cycleId, entityId, '5.1', { version: 2 }), 1, entries[2]!);
    });

    it('lists an entity’s trail by id, either way, in pages', async () => {
      const asc = await allPages((c) => p.audit.listByEntity(cycleId, entityId, 'asc', 2, c), 2);
      expect(asc.items).toEqual(entries);
      const desc = await allPages((c) => p.audit.listByEntity(cycleId, entityId, 'desc', 1, c), 1);
      expect(desc.items).toEqual([...entries].reverse());
    });

    it('lists a criterion’s trail only with the entries about it', async () => {
      const desc = await allPages((c) => p.audit.listByCriterion(cycleId, entityId, '5.1', 'desc', 1, c), 1);
      expect(desc.items).toEqual([entries[2], entries[0]]);
      expect((await p.audit.listByCriterion(cycleId, entityId, '5.2', 'asc', 5)).items).toEqual([]);
    });

    it('refuses another listing’s cursor', async () => {
      const page = await p.audit.listByEntity(cycleId, entityId, 'asc', 1);
      await expect(p.audit.listByEntity(cycleId, uid('en'), 'asc', 1, page.next)).rejects.toBeInstanceOf(
        ValidationError,
      );
    });
  });
}
