/**
 * The evidence screens' pure parts: dates typed dd/MM/yyyy, what a metadata save sends (only changes, null to
 * clear), which file a preview opens and what the browser can show, and the buttons each role is offered.
 */
import { describe, expect, test } from 'vitest';
import { evidenceRights, filesOf, parseDayMonthYear, previewKindOf } from '#web/api/evidence-view.ts';
import type { Evidence } from '#web/api/types.ts';
import { metadataEdit, toMetadataValues } from '#web/common/evidence/metadata-form.ts';

const rev = (revision: number, state: string, extra: Record<string, unknown> = {}) => ({
  revision,
  fileName: `ke-hoach-v${revision}.pdf`,
  kind: 'pdf',
  state,
  sizeBytes: 1000 * revision,
  uploadedBy: 'u-member',
  createdAt: '2023-03-18T02:00:00.000Z',
  ...extra,
});

const evidence = (over: Partial<Evidence> = {}): Evidence =>
  ({
    evidenceId: 'ev1',
    cycleId: 'cycle-2023',
    entityId: 'so-khcn-ninh-thuan',
    unitId: 'phong-qlcn',
    title: 'Kế hoạch CCHC',
    criterionCodes: ['2.3'],
    unconfirmedCodes: [],
    state: 'available',
    files: [{ fileId: 'f1', latest: rev(1, 'available'), current: rev(1, 'available') }],
    uploadedBy: 'u-member',
    createdAt: '2023-03-18T02:00:00.000Z',
    updatedAt: '2023-03-18T02:00:00.000Z',
    version: 3,
    ...over,
  }) as Evidence;

describe('dates typed dd/MM/yyyy', () => {
  test('valid dates become YYYY-MM-DD, blanks clear, impossible ones are refused', () => {
    expect(parseDayMonthYear('18/03/2023')).toBe('2023-03-18');
    expect(parseDayMonthYear(' 1/3/2023 ')).toBe('2023-03-01');
    expect(parseDayMonthYear('')).toBeNull();
    expect(parseDayMonthYear('31/02/2023')).toBeUndefined();
    expect(parseDayMonthYear('2023-03-18')).toBeUndefined();
    expect(parseDayMonthYear('29/02/2024')).toBe('2024-02-29');
  });
});

describe('metadata save', () => {
  test('the form shows the stored evidence with dd/MM/yyyy dates', () => {
    const v = toMetadataValues(
      evidence({ issueDate: '2023-03-18', effectivePeriod: { from: '2023-01-01', to: '2023-12-31' } }),
    );
    expect(v).toMatchObject({
      issueDate: '18/03/2023',
      effectiveFrom: '01/01/2023',
      effectiveTo: '31/12/2023',
    });
  });

  test('only changed fields are sent; a cleared field is null; nothing changed sends nothing', () => {
    const base = evidence({ documentNumber: '1803/KH-SKHCN', issuer: 'Sở KH&CN' });
    const values = toMetadataValues(base);
    expect(metadataEdit(base, values)).toEqual({ body: {} });
    expect(
      metadataEdit(base, { ...values, title: ' Kế hoạch số 1803 ', issuer: '  ', issueDate: '18/03/2023' }),
    ).toEqual({ body: { title: 'Kế hoạch số 1803', issuer: null, issueDate: '2023-03-18' } });
    expect(metadataEdit(base, { ...values, effectiveFrom: '01/01/2023' })).toEqual({
      body: { effectivePeriod: { from: '2023-01-01' } },
    });
  });

  test('problems name their field: empty title, bad date, an end without a start or before it', () => {
    const base = evidence();
    const values = toMetadataValues(base);
    const problems = (v: Partial<typeof values>) => {
      const r = metadataEdit(base, { ...values, ...v });
      return 'problems' in r ? r.problems : [];
    };
    expect(problems({ title: ' ' })).toEqual([{ field: 'title', problem: 'titleRequired' }]);
    expect(problems({ issueDate: '31/02/2023' })).toEqual([{ field: 'issueDate', problem: 'dateFormat' }]);
    expect(problems({ effectiveTo: '31/12/2023' })).toEqual([
      { field: 'effectiveFrom', problem: 'fromRequired' },
    ]);
    expect(problems({ effectiveFrom: '31/12/2023', effectiveTo: '01/01/2023' })).toEqual([
      { field: 'effectiveTo', problem: 'toBeforeFrom' },
    ]);
  });
});

describe('preview', () => {
  test('a file opens its newest available revision, not a newer one still uploading or quarantined', () => {
    const [f] = filesOf(
      evidence({
        files: [
          {
            fileId: 'f1',
            latest: rev(2, 'quarantined', { quarantineReason: { vi: 'Mã độc', en: 'Malware' } }),
            current: rev(1, 'available'),
          },
        ] as Evidence['files'],
      }),
    );
    expect(f).toMatchObject({ revision: 1, fileName: 'ke-hoach-v1.pdf', latestState: 'quarantined' });
  });

  test('a file with no available revision has nothing to open', () => {
    const [f] = filesOf(
      evidence({ files: [{ fileId: 'f1', latest: rev(1, 'quarantined') }] as Evidence['files'] }),
    );
    expect(f?.revision).toBeUndefined();
    expect(f?.latestState).toBe('quarantined');
  });

  test('PDFs and images are shown; office files and archives are downloaded', () => {
    expect(['pdf', 'png', 'jpg', 'docx', 'xlsx', 'zip'].map(previewKindOf)).toEqual([
      'pdf',
      'image',
      'image',
      'none',
      'none',
      'none',
    ]);
  });
});

describe('buttons offered (the server decides regardless)', () => {
  const ev = { entityId: 'so-khcn-ninh-thuan', unitId: 'phong-qlcn' };
  test.each([
    [{ role: 'admin' }, true, true],
    [{ role: 'leader', entityId: 'so-khcn-ninh-thuan', unitId: 'van-phong-so' }, true, true],
    [{ role: 'member', entityId: 'so-khcn-ninh-thuan', unitId: 'phong-qlcn' }, true, true],
    [{ role: 'member', entityId: 'so-khcn-ninh-thuan', unitId: 'van-phong-so' }, false, true],
    [{ role: 'member', entityId: 'so-tttt', unitId: 'x' }, false, false],
    [{ role: 'reviewer' }, false, false],
  ])('%o: edit %s, link %s', (viewer, edit, link) => {
    const r = evidenceRights(viewer, ev);
    expect({ edit: r.edit, delete: r.delete, restore: r.restore, link: r.link }).toEqual({
      edit,
      delete: edit,
      restore: edit,
      link,
    });
  });
});
