/**
 * The preview dialog's choice (web/src/common/evidence/preview-model.ts): which file and revision it opens,
 * when it may fetch bytes, why it shows none, when it starts again, and that it follows the polled list.
 */
import { describe, expect, test } from 'vitest';
import type { Evidence } from '#web/api/types.ts';
import {
  type PreviewTarget,
  previewChoice,
  previewKey,
  withFreshEvidence,
} from '#web/common/evidence/preview-model.ts';

const rev = (revision: number, state: string, kind = 'pdf') => ({
  revision,
  fileName: `tep-${revision}.${kind}`,
  kind,
  state,
  sizeBytes: 1000 * revision,
  uploadedBy: 'u-member',
  createdAt: '2023-03-18T02:00:00.000Z',
});

const evidence = (files: unknown[], over: Partial<Evidence> = {}): Evidence =>
  ({
    evidenceId: 'ev1',
    cycleId: 'cycle-2023',
    entityId: 'so-khcn-ninh-thuan',
    title: 'Kế hoạch CCHC',
    criterionCodes: ['2.3'],
    unconfirmedCodes: [],
    state: 'available',
    files,
    uploadedBy: 'u-member',
    createdAt: '2023-03-18T02:00:00.000Z',
    updatedAt: '2023-03-18T02:00:00.000Z',
    version: 3,
    ...over,
  }) as Evidence;

const target = (e: Evidence, over: Partial<PreviewTarget> = {}): PreviewTarget => ({
  cycleId: 'cycle-2023',
  entityId: 'so-khcn-ninh-thuan',
  evidence: e,
  ...over,
});

const twoFiles = evidence([
  { fileId: 'f1', latest: rev(1, 'available'), current: rev(1, 'available') },
  { fileId: 'f2', latest: rev(3, 'available', 'png'), current: rev(3, 'available', 'png') },
]);

describe('which file and revision the preview opens', () => {
  test('nothing open: no file, nothing to fetch', () => {
    expect(previewChoice(null, undefined)).toMatchObject({ files: [], kind: 'none', canPreview: false });
    expect(previewChoice(null, undefined).file).toBeUndefined();
  });

  test('the first file by default, the picked one when picked, the first again for an unknown id', () => {
    const t = target(twoFiles);
    expect(previewChoice(t, undefined)).toMatchObject({ file: { fileId: 'f1' }, revision: 1, kind: 'pdf' });
    expect(previewChoice(t, 'f2')).toMatchObject({ file: { fileId: 'f2' }, revision: 3, kind: 'image' });
    expect(previewChoice(t, 'gone').file?.fileId).toBe('f1');
  });

  test("a revision from the history wins over the file's current one", () => {
    expect(previewChoice(target(twoFiles, { revision: 2 }), 'f2').revision).toBe(2);
  });

  test('an available PDF or image may be fetched; an office file is only downloaded', () => {
    expect(previewChoice(target(twoFiles), undefined).canPreview).toBe(true);
    const docx = evidence([
      { fileId: 'f1', latest: rev(1, 'available', 'docx'), current: rev(1, 'available', 'docx') },
    ]);
    expect(previewChoice(target(docx), undefined)).toMatchObject({ kind: 'none', canPreview: false });
  });

  test('quarantined and unfinished files are never fetched, and say which they are', () => {
    const quarantined = evidence([{ fileId: 'f1', latest: rev(1, 'quarantined') }]);
    expect(previewChoice(target(quarantined), undefined)).toMatchObject({
      quarantined: true,
      unfinished: false,
      canPreview: false,
    });
    const checking = evidence([{ fileId: 'f1', latest: rev(1, 'scanning') }]);
    expect(previewChoice(target(checking), undefined)).toMatchObject({
      quarantined: false,
      unfinished: true,
      canPreview: false,
    });
  });

  test('a quarantined replacement leaves the available revision to preview', () => {
    const replaced = evidence([
      { fileId: 'f1', latest: rev(2, 'quarantined'), current: rev(1, 'available') },
    ]);
    expect(previewChoice(target(replaced), undefined)).toMatchObject({
      revision: 1,
      quarantined: false,
      unfinished: false,
      canPreview: true,
    });
  });
});

describe('starting again and following the list', () => {
  test('the key changes with the evidence, the file and the revision asked for', () => {
    const t = target(twoFiles);
    expect(previewKey(null)).toBe('');
    expect(new Set([t, { ...t, fileId: 'f2' }, { ...t, revision: 2 }].map(previewKey)).size).toBe(3);
    expect(previewKey({ ...t, evidence: { ...twoFiles, title: 'Đổi tên' } })).toBe(previewKey(t));
  });

  test('the open evidence is replaced by its fresh copy from the list, if the list still has it', () => {
    const t = target(evidence([{ fileId: 'f1', latest: rev(1, 'scanning') }]));
    const fresh = evidence([{ fileId: 'f1', latest: rev(1, 'available'), current: rev(1, 'available') }]);
    expect(withFreshEvidence(t, [fresh])?.evidence).toBe(fresh);
    expect(withFreshEvidence(t, [])).toBe(t);
    expect(withFreshEvidence(null, [fresh])).toBeNull();
  });
});
