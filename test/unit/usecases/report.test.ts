/** The report's texts: read with last year's as a starting point; saved with a version and a field-wise audit. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '#domain/errors.ts';
import type { ReportTexts } from '#domain/report.ts';
import { getReportTexts, saveReportTexts } from '#usecases/report.ts';
import { actors, cycleOf, memoryPorts, NOW, rejection, type World, world } from './support.ts';

let w: World;
let deps: ReturnType<typeof memoryPorts>;
const A = { cycleId: 'c-2026', entityId: 'so-a' };
const stored = (p: Partial<ReportTexts> = {}): ReportTexts => ({
  cycleId: 'c-2026',
  entityId: 'so-a',
  highlights: 'Hoàn thành kế hoạch',
  version: 1,
  updatedAt: '2026-02-01T00:00:00.000Z',
  updatedBy: 'u-leader-a',
  ...p,
});
beforeEach(() => {
  w = world();
  deps = memoryPorts(w);
});

describe('getReportTexts', () => {
  it("nothing saved yet: texts null, last year's texts offered, header defaults from the entity", async () => {
    w.cycles.set('c-2025', cycleOf({ cycleId: 'c-2025', year: 2025, entityIds: ['so-a'] }));
    w.cycles.set('c-2024', cycleOf({ cycleId: 'c-2024', year: 2024, entityIds: ['so-a'] }));
    w.reports.set('c-2024|so-a', stored({ cycleId: 'c-2024', highlights: '2024' }));
    w.reports.set('c-2025|so-a', stored({ cycleId: 'c-2025', highlights: '2025' }));
    const r = await getReportTexts({ ...deps }, actors.leaderA, A);
    expect(r.texts).toBeNull();
    expect(r.previous).toMatchObject({ cycleId: 'c-2025', highlights: '2025' });
    expect(r.defaults).toEqual({
      superiorBody: 'UBND TỈNH KHÁNH HÒA',
      issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      place: 'Khánh Hòa',
      signerPosition: 'GIÁM ĐỐC',
      recipients: ['Sở Nội vụ (để thẩm định)', 'Lãnh đạo Sở', 'Lưu: VT'],
    });
  });

  it('a later cycle is never "previous"; the stored texts are returned', async () => {
    w.cycles.set('c-2027', cycleOf({ cycleId: 'c-2027', year: 2027, entityIds: ['so-a'] }));
    w.reports.set('c-2027|so-a', stored({ cycleId: 'c-2027' }));
    w.reports.set('c-2026|so-a', stored());
    const r = await getReportTexts(deps, actors.reviewer, A);
    expect(r.texts).toMatchObject({ cycleId: 'c-2026', version: 1 });
    expect(r.previous).toBeNull();
  });

  it('members do not export the dossier, so they do not read its texts; unknown cycle is not found', async () => {
    expect(await rejection(getReportTexts(deps, actors.memberA1, A))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(getReportTexts(deps, actors.leaderA, { ...A, cycleId: 'nope' }))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('saveReportTexts', () => {
  it('first save: version 1, audit lists only the fields written', async () => {
    const t = await saveReportTexts(deps, actors.leaderA, A, { highlights: 'Nổi bật', signerName: 'Trần B' });
    expect(t).toEqual({
      cycleId: 'c-2026',
      entityId: 'so-a',
      highlights: 'Nổi bật',
      signerName: 'Trần B',
      version: 1,
      updatedAt: NOW,
      updatedBy: 'u-leader-a',
    });
    expect(w.reports.get('c-2026|so-a')).toEqual(t);
    expect(w.audit).toEqual([
      expect.objectContaining({
        action: 'report.texts',
        subject: 'report',
        before: { highlights: null, signerName: null },
        after: { highlights: 'Nổi bật', signerName: 'Trần B' },
      }),
    ]);
  });

  it('a second save at the read version replaces the texts; a removed field is audited as null', async () => {
    w.reports.set('c-2026|so-a', stored({ shortcomings: 'Chậm' }));
    const t = await saveReportTexts(deps, actors.admin, A, { version: 1, highlights: 'Hoàn thành kế hoạch' });
    expect(t).toMatchObject({ version: 2, highlights: 'Hoàn thành kế hoạch' });
    expect(t).not.toHaveProperty('shortcomings');
    expect(w.audit[0]).toMatchObject({ before: { shortcomings: 'Chậm' }, after: { shortcomings: null } });
  });

  it('a stale version (or none when texts exist) is a conflict carrying the stored texts', async () => {
    w.reports.set('c-2026|so-a', stored({ version: 3 }));
    for (const version of [2, undefined]) {
      const e = await rejection(saveReportTexts(deps, actors.leaderA, A, { version, highlights: 'x' }));
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as unknown as ConflictError).current).toMatchObject({ version: 3 });
    }
    const fresh = await rejection(
      saveReportTexts(deps, actors.leaderA, { ...A, entityId: 'so-b' }, { version: 1 }),
    );
    expect(fresh).toBeInstanceOf(ForbiddenError);
    expect(w.audit).toEqual([]);
  });

  it('reviewers and members may not write the texts', async () => {
    expect(await rejection(saveReportTexts(deps, actors.reviewer, A, { highlights: 'x' }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rejection(saveReportTexts(deps, actors.memberA1, A, { highlights: 'x' }))).toBeInstanceOf(
      ForbiddenError,
    );
  });
});
