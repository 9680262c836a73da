import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import type { AuditRepository, CommentRepository, ReviewQueueRepository, ScoreRepository } from '#ports.ts';
import { auditEntry, comment, queueItem, score, uid } from './fixtures.ts';

export function describeScoreContract(
  make: () => Promise<{
    scores: ScoreRepository;
    queue: ReviewQueueRepository;
    comments: CommentRepository;
    audit: AuditRepository;
  }>,
) {
  describe('ScoreRepository contract', () => {
    let p: Awaited<ReturnType<typeof make>>;
    beforeAll(async () => {
      p = await make();
    });

    it('writes a score with its queue entry, comment and criterion audit in one change', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const s = score(cycleId, entityId, '1.1');
      const c = comment(cycleId, entityId, '1.1');
      const audit = auditEntry('score.submit', '1.1');
      await p.scores.write({ score: s, queue: { put: queueItem(s) }, comment: c, audit });
      expect(await p.scores.get(cycleId, entityId, '1.1')).toEqual(s);
      expect((await p.queue.list(cycleId, {}, 10)).items).toEqual([queueItem(s)]);
      expect((await p.comments.list(cycleId, entityId, '1.1', 10)).items).toEqual([c]);
      expect((await p.audit.listByCriterion(cycleId, entityId, '1.1', 'asc', 10)).items).toEqual([audit]);
      expect((await p.audit.listByEntity(cycleId, entityId, 'asc', 10)).items).toEqual([audit]);
      const next = { ...s, state: 'accepted' as const, version: 2 };
      await p.scores.write({ score: next, expectedVersion: 1, queue: { delete: true }, audit: auditEntry() });
      expect((await p.queue.list(cycleId, {}, 10)).items).toEqual([]);
      expect(await p.scores.listByEntity(cycleId, entityId)).toEqual([next]);
    });

    it('lists an entity’s scores as readiness reads them: code, state, self score, explanation, appraised', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const a = score(cycleId, entityId, '2.1', {
        state: 'accepted',
        explanation: 'Văn bản chưa ban hành',
        appraisedScore: 0.5,
        reviewerComment: 'Đạt một phần',
        submittedAt: '2026-03-02T03:04:05.000Z',
      });
      const b = score(cycleId, entityId, '2.2', { selfScore: undefined });
      for (const s of [a, b]) await p.scores.write({ score: s, audit: auditEntry() });
      expect(await p.scores.listFactsByEntity?.(cycleId, entityId)).toEqual([
        {
          criterionCode: '2.1',
          state: 'accepted',
          selfScore: 1,
          explanation: 'Văn bản chưa ban hành',
          appraisedScore: 0.5,
        },
        { criterionCode: '2.2', state: 'draft' },
      ]);
    });

    it('refuses a stale or duplicate score with ConflictError carrying the stored one, writing nothing', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const s = score(cycleId, entityId, '1.2');
      await p.scores.write({ score: s, audit: auditEntry() });
      const dup = await p.scores.write({ score: s, audit: auditEntry() }).catch((e) => e);
      expect(dup).toBeInstanceOf(ConflictError);
      expect((dup as ConflictError).current).toEqual(s);
      const stale = await p.scores
        .write({
          score: { ...s, version: 3 },
          expectedVersion: 2,
          comment: comment(cycleId, entityId, '1.2'),
          queue: { put: queueItem(s) },
          audit: auditEntry(),
        })
        .catch((e) => e);
      expect(stale).toBeInstanceOf(ConflictError);
      expect((await p.comments.list(cycleId, entityId, '1.2', 10)).items).toEqual([]);
      expect((await p.queue.list(cycleId, {}, 10)).items).toEqual([]);
      expect((await p.audit.listByEntity(cycleId, entityId, 'asc', 10)).items.length).toBe(1);
      expect(await p.scores.get(cycleId, entityId, 'missing')).toBeUndefined();
    });

    it('writes many criteria; a conflict names the criteria and what was written before', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const codes = Array.from({ length: 60 }, (_, i) => `9.${String(i).padStart(2, '0')}`);
      await p.scores.writeMany(
        codes.map((code) => ({ score: score(cycleId, entityId, code), audit: auditEntry() })),
      );
      expect((await p.scores.listByEntity(cycleId, entityId)).length).toBe(60);
      const more = Array.from({ length: 60 }, (_, i) => `8.${String(i).padStart(2, '0')}`);
      const changes = [...more, codes[0]!].map((code) => ({
        score: score(cycleId, entityId, code),
        audit: auditEntry(),
      }));
      const err = await p.scores.writeMany(changes).catch((e) => e);
      expect(err).toBeInstanceOf(ConflictError);
      const current = (err as ConflictError).current as { written: string[]; conflicts: string[] };
      expect(current.conflicts).toEqual([codes[0]]);
      // Batches before the failing one stay written; the failing one not at all.
      expect(current.written.every((code) => more.includes(code))).toBe(true);
      const stored = (await p.scores.listByEntity(cycleId, entityId)).map((s) => s.criterionCode);
      expect(stored.filter((code) => more.includes(code)).sort()).toEqual([...current.written].sort());
    });
  });
}
