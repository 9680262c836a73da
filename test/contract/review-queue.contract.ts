import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewQueueRepository, ScoreRepository } from '#ports.ts';
import { allPages, auditEntry, queueItem, score, uid } from './fixtures.ts';

export function describeReviewQueueContract(
  make: () => Promise<{ scores: ScoreRepository; queue: ReviewQueueRepository }>,
) {
  describe('ReviewQueueRepository contract', () => {
    let p: Awaited<ReturnType<typeof make>>;
    const cycleId = uid('cy');
    const entities = [uid('en'), uid('en'), uid('en')];
    const queued: { entityId: string; code: string; at: string; province: string }[] = [
      { entityId: entities[0]!, code: '1', at: '2026-03-02T00:00:03.000Z', province: 'A' },
      { entityId: entities[1]!, code: '1', at: '2026-03-02T00:00:01.000Z', province: 'B' },
      { entityId: entities[2]!, code: '2', at: '2026-03-02T00:00:02.000Z', province: 'A' },
      { entityId: entities[0]!, code: '2', at: '2026-03-02T00:00:04.000Z', province: 'A' },
      { entityId: entities[1]!, code: '3', at: '2026-03-02T00:00:00.000Z', province: 'B' },
    ];
    beforeAll(async () => {
      p = await make();
      for (const q of queued) {
        const s = score(cycleId, q.entityId, q.code);
        await p.scores.write({
          score: s,
          queue: { put: queueItem(s, { queuedAt: q.at, province: q.province }) },
          audit: auditEntry(),
        });
      }
    });
    const codesOf = (items: { entityId: string; criterionCode: string }[]) =>
      items.map((i) => `${entities.indexOf(i.entityId)}:${i.criterionCode}`);

    it('lists a cycle’s queue oldest first across entities, in pages', async () => {
      const { items } = await allPages((c) => p.queue.list(cycleId, {}, 2, c), 2);
      expect(codesOf(items)).toEqual(['1:3', '1:1', '2:2', '0:1', '0:2']);
      expect((await p.queue.list(uid('cy'), {}, 5)).items).toEqual([]);
    });

    it('lists nothing for an empty entity list (a reviewer scoped to no entity)', async () => {
      const none = await allPages((c) => p.queue.list(cycleId, { entityIds: [] }, 2, c), 2);
      expect(none.items).toEqual([]);
    });

    it('filters by entities and by province without losing or repeating items across pages', async () => {
      const some = await allPages(
        (c) => p.queue.list(cycleId, { entityIds: [entities[0]!, entities[2]!] }, 1, c),
        1,
      );
      expect(codesOf(some.items)).toEqual(['2:2', '0:1', '0:2']);
      const b = await allPages((c) => p.queue.list(cycleId, { province: 'B' }, 1, c), 1);
      expect(codesOf(b.items)).toEqual(['1:3', '1:1']);
      const both = await allPages(
        (c) => p.queue.list(cycleId, { province: 'A', entityIds: [entities[0]!] }, 5, c),
        5,
      );
      expect(codesOf(both.items)).toEqual(['0:1', '0:2']);
    });
  });
}
