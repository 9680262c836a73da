import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import type { SubmissionRepository, SurveyRepository } from '#ports.ts';
import { auditEntry, submission, surveyImport, uid } from './fixtures.ts';

export function describeSubmissionContract(make: () => Promise<{ submissions: SubmissionRepository }>) {
  describe('SubmissionRepository contract', () => {
    let submissions: SubmissionRepository;
    beforeAll(async () => {
      ({ submissions } = await make());
    });

    it('keeps one reopening per unit and one for the whole entity, versioned', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const whole = submission(cycleId, entityId);
      const unit = submission(cycleId, entityId, { unitId: 'u1' });
      await submissions.save(whole, undefined, auditEntry());
      await submissions.save(unit, undefined, auditEntry());
      const listed = await submissions.listByEntity(cycleId, entityId);
      expect(listed).toHaveLength(2);
      expect(listed).toEqual(expect.arrayContaining([whole, unit]));
      const next = { ...unit, reason: 'Lần hai', version: 2 };
      await submissions.save(next, 1, auditEntry());
      const stale = await submissions.save({ ...unit, version: 2 }, 1, auditEntry()).catch((e) => e);
      expect(stale).toBeInstanceOf(ConflictError);
      expect((stale as ConflictError).current).toEqual(next);
      const dup = await submissions.save(whole, undefined, auditEntry()).catch((e) => e);
      expect(dup).toBeInstanceOf(ConflictError);
      expect((dup as ConflictError).current).toEqual(whole);
      const missing = await submissions
        .save(submission(cycleId, entityId, { unitId: 'u9' }), 1, auditEntry())
        .catch((e) => e);
      expect(missing).toBeInstanceOf(ConflictError);
      expect((missing as ConflictError).current).toBeNull();
      expect(await submissions.listByEntity(cycleId, uid('en'))).toEqual([]);
    });
  });
}

export function describeSurveyContract(make: () => Promise<{ surveys: SurveyRepository }>) {
  describe('SurveyRepository contract', () => {
    let surveys: SurveyRepository;
    beforeAll(async () => {
      ({ surveys } = await make());
    });

    it('keeps one import per criterion, versioned, listed by criterion', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const b = surveyImport(cycleId, entityId, '7.2');
      const a = surveyImport(cycleId, entityId, '7.1');
      await surveys.save(b, undefined, auditEntry());
      await surveys.save(a, undefined, auditEntry());
      expect(await surveys.listByEntity(cycleId, entityId)).toEqual([a, b]);
      const next = { ...a, points: 3, version: 2 };
      await surveys.save(next, 1, auditEntry());
      const stale = await surveys.save({ ...a, version: 2 }, 1, auditEntry()).catch((e) => e);
      expect(stale).toBeInstanceOf(ConflictError);
      expect((stale as ConflictError).current).toEqual(next);
      await expect(surveys.save(b, undefined, auditEntry())).rejects.toBeInstanceOf(ConflictError);
    });
  });
}
