import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import type { AuditRepository, ExportRepository } from '#ports.ts';
import { auditEntry, exportJob, exportKey, uid } from './fixtures.ts';

export function describeExportContract(
  make: () => Promise<{ exports: ExportRepository; audit: AuditRepository }>,
) {
  describe('ExportRepository contract', () => {
    let p: Awaited<ReturnType<typeof make>>;
    beforeAll(async () => {
      p = await make();
    });

    it('creates a job under its key; a second job for the same key loses to the first', async () => {
      const cycleId = uid('cy');
      const key = exportKey();
      expect(await p.exports.findByKey(key)).toBeUndefined();
      const job = exportJob(cycleId, key);
      const scope = { cycleId, entityId: uid('en') };
      await p.exports.create(job, undefined, auditEntry('export.request'), scope);
      expect(await p.exports.get(job.jobId)).toEqual(job);
      expect(await p.exports.findByKey(key)).toEqual(job);
      expect((await p.audit.listByEntity(scope.cycleId, scope.entityId, 'asc', 5)).items).toHaveLength(1);
      const loser = await p.exports.create(exportJob(cycleId, key), undefined, auditEntry()).catch((e) => e);
      expect(loser).toBeInstanceOf(ConflictError);
      expect((loser as ConflictError).current).toEqual(job);
    });

    it('replaces the job a key points to only when the caller saw that job', async () => {
      const cycleId = uid('cy');
      const key = exportKey();
      const old = exportJob(cycleId, key, { state: 'failed' });
      await p.exports.create(old, undefined, auditEntry());
      const fresh = exportJob(cycleId, key);
      await p.exports.create(fresh, old.jobId, auditEntry());
      expect(await p.exports.findByKey(key)).toEqual(fresh);
      expect(await p.exports.get(old.jobId)).toEqual(old);
      const late = await p.exports.create(exportJob(cycleId, key), old.jobId, auditEntry()).catch((e) => e);
      expect(late).toBeInstanceOf(ConflictError);
      expect((late as ConflictError).current).toEqual(fresh);
    });

    it('updates conditional on the state the caller saw', async () => {
      const job = exportJob(uid('cy'), exportKey());
      await p.exports.create(job, undefined, auditEntry());
      const running = { ...job, state: 'running' as const, startedAt: '2026-03-02T03:05:00.000Z' };
      await p.exports.update(running, 'queued');
      expect(await p.exports.get(job.jobId)).toEqual(running);
      const err = await p.exports.update({ ...job, state: 'failed' }, 'queued').catch((e) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).current).toEqual(running);
      expect(await p.exports.get(uid('EX'))).toBeUndefined();
    });
  });
}
