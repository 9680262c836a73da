import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import type { FrameworkRepository } from '#ports.ts';
import { allPages, auditEntry, framework, frameworkHead, uid } from './fixtures.ts';

export function describeFrameworkContract(make: () => Promise<{ frameworks: FrameworkRepository }>) {
  describe('FrameworkRepository contract', () => {
    let frameworks: FrameworkRepository;
    beforeAll(async () => {
      ({ frameworks } = await make());
    });

    it('saves a first version with its head, then reads both', async () => {
      const id = uid('fw');
      const v1 = framework(id, 1);
      await frameworks.save(v1, frameworkHead(id), {}, auditEntry());
      expect(await frameworks.get(id, 1)).toEqual(v1);
      expect(await frameworks.getHead(id)).toEqual(frameworkHead(id));
      expect(await frameworks.get(id, 2)).toBeUndefined();
      expect(await frameworks.getHead(uid('fw'))).toBeUndefined();
    });

    it("reads a version's label (name, provenance, note) without its nodes", async () => {
      const id = uid('fw');
      const v1 = framework(id, 1, { provenance: 'sample', provenanceNote: { vi: 'Mẫu', en: 'Sample' } });
      await frameworks.save(v1, frameworkHead(id), {}, auditEntry());
      expect(await frameworks.getLabel(id, 1)).toEqual({
        frameworkId: id,
        version: 1,
        name: v1.name,
        provenance: 'sample',
        provenanceNote: { vi: 'Mẫu', en: 'Sample' },
      });
      expect(await frameworks.getLabel(id, 2)).toBeUndefined();
    });

    it('replaces a draft at its revision and refuses a stale revision or head', async () => {
      const id = uid('fw');
      await frameworks.save(framework(id, 1), frameworkHead(id), {}, auditEntry());
      const v1r2 = framework(id, 1, { revision: 2, name: { vi: 'Sửa', en: 'Edited' } });
      await frameworks.save(
        v1r2,
        frameworkHead(id, { revision: 2 }),
        { revision: 1, headRevision: 1 },
        auditEntry(),
      );
      expect(await frameworks.get(id, 1)).toEqual(v1r2);
      const stale = await frameworks
        .save(
          framework(id, 1, { revision: 2 }),
          frameworkHead(id, { revision: 2 }),
          { revision: 1, headRevision: 2 },
          auditEntry(),
        )
        .catch((e) => e);
      expect(stale).toBeInstanceOf(ConflictError);
      expect((stale as ConflictError).current).toEqual({ frameworkId: id, version: 1, revision: 2 });
      const staleHead = await frameworks
        .save(
          framework(id, 1, { revision: 3 }),
          frameworkHead(id, { revision: 2 }),
          { revision: 2, headRevision: 1 },
          auditEntry(),
        )
        .catch((e) => e);
      expect(staleHead).toBeInstanceOf(ConflictError);
      expect(await frameworks.get(id, 1)).toEqual(v1r2);
    });

    it('never overwrites a published version', async () => {
      const id = uid('fw');
      const published = framework(id, 1, { status: 'published', publishedAt: framework(id, 1).createdAt });
      await frameworks.save(published, frameworkHead(id, { latestPublishedVersion: 1 }), {}, auditEntry());
      const err = await frameworks
        .save(
          framework(id, 1, { revision: 2 }),
          frameworkHead(id, { revision: 2 }),
          { revision: 1, headRevision: 1 },
          auditEntry(),
        )
        .catch((e) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).current).toEqual({ frameworkId: id, version: 1, status: 'published' });
      expect(await frameworks.get(id, 1)).toEqual(published);
    });

    it('refuses a version that already exists when none was expected', async () => {
      const id = uid('fw');
      await frameworks.save(framework(id, 1), frameworkHead(id), {}, auditEntry());
      await expect(
        frameworks.save(
          framework(id, 1),
          frameworkHead(id, { revision: 2 }),
          { headRevision: 1 },
          auditEntry(),
        ),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it('lists versions newest first without their nodes, in pages', async () => {
      const id = uid('fw');
      await frameworks.save(framework(id, 1), frameworkHead(id), {}, auditEntry());
      for (const v of [2, 3])
        await frameworks.save(
          framework(id, v),
          frameworkHead(id, { latestVersion: v, revision: v }),
          { headRevision: v - 1 },
          auditEntry(),
        );
      const { items } = await allPages((c) => frameworks.listVersions(id, 2, c), 2);
      expect(items.map((v) => v.version)).toEqual([3, 2, 1]);
      expect(items[0]).toMatchObject({ frameworkId: id, version: 3, nodeCount: 1, status: 'draft' });
      expect(items[0]).not.toHaveProperty('nodes');
      expect(items[0]).not.toHaveProperty('bands');
    });

    it('lists heads by framework id, every head once across pages', async () => {
      const ids = [uid('fw'), uid('fw')];
      for (const id of ids) await frameworks.save(framework(id, 1), frameworkHead(id), {}, auditEntry());
      const { items } = await allPages((c) => frameworks.listHeads(3, c), 3, 10_000);
      const seen = items.map((h) => h.frameworkId);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of ids) expect(seen).toContain(id);
    });
  });
}
