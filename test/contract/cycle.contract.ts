import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import type { CycleRepository } from '#ports.ts';
import { auditEntry, cycle } from './fixtures.ts';

export function describeCycleContract(make: () => Promise<{ cycles: CycleRepository }>) {
  describe('CycleRepository contract', () => {
    let cycles: CycleRepository;
    beforeAll(async () => {
      ({ cycles } = await make());
    });

    it('creates, reads and replaces a cycle at its version', async () => {
      const c = cycle();
      await cycles.create(c, auditEntry());
      expect(await cycles.get(c.cycleId)).toEqual(c);
      const next = { ...c, name: { vi: 'Mới', en: 'New' }, version: 2 };
      await cycles.update(next, 1, auditEntry());
      expect(await cycles.get(c.cycleId)).toEqual(next);
    });

    it('refuses a stale update with ConflictError carrying the stored cycle', async () => {
      const c = cycle();
      await cycles.create(c, auditEntry());
      await cycles.update({ ...c, version: 2 }, 1, auditEntry());
      const err = await cycles.update({ ...c, version: 2 }, 1, auditEntry()).catch((e) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).current).toEqual({ ...c, version: 2 });
    });

    it('refuses a second create of the same id and keeps the first', async () => {
      const c = cycle();
      await cycles.create(c, auditEntry());
      await expect(
        cycles.create({ ...c, name: { vi: 'Khác', en: 'Other' } }, auditEntry()),
      ).rejects.toThrow();
      expect(await cycles.get(c.cycleId)).toEqual(c);
    });

    it('answers undefined for an unknown cycle and refuses to update it', async () => {
      const c = cycle();
      expect(await cycles.get(c.cycleId)).toBeUndefined();
      await expect(cycles.update(c, 1, auditEntry())).rejects.toBeInstanceOf(ConflictError);
      expect(await cycles.get(c.cycleId)).toBeUndefined();
    });

    it('lists newest year first, in pages', async () => {
      const years = [2091, 2093, 2092];
      for (const year of years) await cycles.create(cycle({ year }), auditEntry());
      const first = await cycles.list(2);
      expect(first.items.length).toBe(2);
      const ys = first.items.map((c) => c.year);
      expect(ys).toEqual([...ys].sort((a, b) => b - a));
      // The years of this test are the newest in the table (other tests use this century's).
      expect(ys[0]).toBeGreaterThanOrEqual(2093);
      const second = await cycles.list(2, first.next);
      expect(second.items.every((c) => c.year <= ys[1]!)).toBe(true);
    });
  });
}
