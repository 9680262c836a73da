import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import type { AuditRepository, CommentRepository } from '#ports.ts';
import { allPages, auditEntry, comment, uid } from './fixtures.ts';

export function describeCommentContract(
  make: () => Promise<{ comments: CommentRepository; audit: AuditRepository }>,
) {
  describe('CommentRepository contract', () => {
    let p: Awaited<ReturnType<typeof make>>;
    beforeAll(async () => {
      p = await make();
    });

    it('lists a criterion’s thread oldest first, in pages, apart from other criteria', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const thread = [comment(cycleId, entityId, '1.1', 'một'), comment(cycleId, entityId, '1.1', 'hai')];
      const other = comment(cycleId, entityId, '1.10', 'khác');
      for (const c of [thread[0]!, other, thread[1]!]) await p.comments.add(c, auditEntry('comment.add'));
      const { items } = await allPages((cur) => p.comments.list(cycleId, entityId, '1.1', 1, cur), 1);
      expect(items).toEqual(thread);
      expect((await p.comments.list(cycleId, entityId, '1.10', 5)).items).toEqual([other]);
      expect((await p.audit.listByCriterion(cycleId, entityId, '1.1', 'asc', 5)).items.length).toBe(2);
    });

    it('is append-only: the same comment id is refused and not overwritten', async () => {
      const [cycleId, entityId] = [uid('cy'), uid('en')];
      const c = comment(cycleId, entityId, '2.1');
      await p.comments.add(c, auditEntry());
      const err = await p.comments.add({ ...c, body: 'sửa' }, auditEntry()).catch((e) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((await p.comments.list(cycleId, entityId, '2.1', 5)).items).toEqual([c]);
    });
  });
}
