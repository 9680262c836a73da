/**
 * The dossier export's pure half (web/src/common/dossier/model.ts): polling stops when a job is finished,
 * the fresh download matches the one clicked, the print view's path, the request body, and how a score-table
 * row's evidence and units read.
 */
import { describe, expect, it } from 'vitest';
import { ENTITY_PARTS } from '#domain/dossier.ts';
import type { EntityPart, ExportDownload, ExportJobView } from '#web/api/types.ts';
import {
  DEFAULT_PARTS,
  ENTITY_PART_ORDER,
  effectiveParts,
  entityExportBody,
  evidenceLine,
  freshDownload,
  indentOf,
  isFinished,
  isGroupRow,
  isImpliedPart,
  lacksDownloads,
  nextPoll,
  orderedParts,
  POLL_MS,
  progressStatus,
  scoreTablePath,
  tickPart,
  unitNames,
} from '#web/common/dossier/model.ts';

const view = (state: ExportJobView['job']['state']): ExportJobView =>
  ({
    job: { jobId: 'J1', state, progress: { percent: 40, step: { vi: 'Đang đọc số liệu', en: 'Reading' } } },
    downloads: [],
    reused: false,
  }) as unknown as ExportJobView;

const download = (part: string, fileName: string, url: string): ExportDownload => ({
  part,
  fileName,
  sizeBytes: 1234,
  url,
  expiresAt: '2023-11-15T03:05:00.000Z',
});

describe('polling an export job', () => {
  it('asks again every POLL_MS while queued or running, never once done or failed', () => {
    expect(POLL_MS).toBe(1500);
    expect(nextPoll(view('queued'), false)).toBe(POLL_MS);
    expect(nextPoll(view('running'), false)).toBe(POLL_MS);
    expect(nextPoll(view('done'), false)).toBe(false);
    expect(nextPoll(view('failed'), false)).toBe(false);
    expect(nextPoll(undefined, false)).toBe(false);
  });

  it('stops while a poll has failed (the panel offers Retry)', () => {
    expect(nextPoll(view('running'), true)).toBe(false);
  });

  it('finished = done or failed; the bar shows success, exception or activity', () => {
    expect(['queued', 'running', 'done', 'failed'].map((s) => isFinished(s as 'done'))).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(progressStatus('done')).toBe('success');
    expect(progressStatus('failed')).toBe('exception');
    expect(progressStatus('running')).toBe('active');
    expect(progressStatus('queued')).toBe('normal');
  });
});

describe('downloading from a fresh answer', () => {
  it("a finished job answered without links (a reused job's POST) asks the GET for them", () => {
    expect(lacksDownloads(view('done'))).toBe(true);
    expect(
      lacksDownloads({ ...view('done'), downloads: [download('score-table', 'a.xlsx', 'https://a')] }),
    ).toBe(false);
    expect(lacksDownloads(view('running'))).toBe(false);
    expect(lacksDownloads(view('failed'))).toBe(false);
  });

  it('finds the clicked file again by part and name, with its new URL', () => {
    const clicked = download('score-table', 'Bang diem.xlsx', 'https://old');
    const fresh = [
      download('council-table', 'Tong hop.xlsx', 'https://c'),
      download('score-table', 'Bang diem.xlsx', 'https://new'),
    ];
    expect(freshDownload(fresh, clicked)?.url).toBe('https://new');
  });

  it('falls back to the same part when the name changed, and to nothing when the part is gone', () => {
    const clicked = download('score-table', 'Bang diem.xlsx', 'https://old');
    expect(freshDownload([download('score-table', 'Khac.xlsx', 'https://x')], clicked)?.url).toBe(
      'https://x',
    );
    expect(freshDownload([], clicked)).toBeUndefined();
  });
});

describe('request and print view', () => {
  it('sends the parts once each, and the unit only for a unit part', () => {
    expect(entityExportBody(['score-table', 'score-table'], undefined)).toEqual({ parts: ['score-table'] });
    expect(entityExportBody(['score-table'], 'van-phong-so')).toEqual({
      parts: ['score-table'],
      unitId: 'van-phong-so',
    });
  });

  it('links the print view, with ?unit= for a unit part and the ids encoded', () => {
    expect(scoreTablePath('cycle-2023', 'so-khcn')).toBe('/cycles/cycle-2023/entities/so-khcn/score-table');
    expect(scoreTablePath('c 1', 'e/1', 'phong-a')).toBe(
      '/cycles/c%201/entities/e%2F1/score-table?unit=phong-a',
    );
  });
});

describe('the evidence package brings the score table and the report', () => {
  const set = (...parts: EntityPart[]) => new Set<EntityPart>(parts);

  it('offers every part the API accepts; the package is not ticked at first', () => {
    expect([...ENTITY_PART_ORDER].sort()).toEqual([...ENTITY_PARTS].sort());
    expect(orderedParts(DEFAULT_PARTS)).toEqual(['score-table', 'report']);
  });

  it('ticking the package ticks (and locks) the score table and the report', () => {
    const chosen = tickPart(set(), 'package', true);
    expect(orderedParts(chosen)).toEqual(['score-table', 'report', 'package']);
    expect(isImpliedPart('score-table', chosen)).toBe(true);
    expect(isImpliedPart('report', chosen)).toBe(true);
    expect(isImpliedPart('package', chosen)).toBe(false);
    expect(isImpliedPart('report', set('report'))).toBe(false);
    // Unticking a locked part changes nothing.
    expect(orderedParts(tickPart(chosen, 'report', false))).toEqual(['score-table', 'report', 'package']);
  });

  it("unticking the package brings back the user's own choice", () => {
    const mine = set('report');
    const packed = tickPart(mine, 'package', true);
    expect([...effectiveParts(packed)].sort()).toEqual(['package', 'report', 'score-table']);
    expect(orderedParts(tickPart(packed, 'package', false))).toEqual(['report']);
    expect(orderedParts(tickPart(tickPart(set(), 'package', true), 'package', false))).toEqual([]);
  });

  it('sends the three parts, in order, with the unit when one is chosen', () => {
    const parts = orderedParts(set('package'));
    expect(entityExportBody(parts, 'van-phong-so')).toEqual({
      parts: ['score-table', 'report', 'package'],
      unitId: 'van-phong-so',
    });
  });

  it('never changes the set it was given', () => {
    const chosen = set('score-table');
    tickPart(chosen, 'package', true);
    expect([...chosen]).toEqual(['score-table']);
  });
});

describe('score table rows', () => {
  const vi = { number: (n: string) => `Số ${n}`, date: (d: string) => `ngày ${d}` };

  it('an evidence reads number, date dd/MM/yyyy, title and issuer', () => {
    expect(
      evidenceLine(
        {
          documentNumber: '12/KH-SKHCN',
          issueDate: '2023-01-15',
          title: 'Kế hoạch CCHC',
          issuer: 'Sở KH&CN',
        },
        vi,
      ),
    ).toBe('Số 12/KH-SKHCN, ngày 15/01/2023: Kế hoạch CCHC (Sở KH&CN)');
    expect(evidenceLine({ issueDate: '2023-03-02', title: 'Báo cáo' }, vi)).toBe('ngày 02/03/2023: Báo cáo');
    expect(evidenceLine({ title: 'Ảnh chụp' }, vi)).toBe('Ảnh chụp');
  });

  it('units by their names in the current language, unknown ids as they are', () => {
    const units = [
      { unitId: 'van-phong-so', name: { vi: 'Văn phòng Sở', en: 'Office' } },
      { unitId: 'phong-qlcn', name: { vi: 'Phòng QLCN', en: 'Technology Dept.' } },
    ];
    expect(unitNames(['van-phong-so', 'phong-qlcn'], units, (b) => b.vi)).toBe('Văn phòng Sở, Phòng QLCN');
    expect(unitNames(['phong-qlcn', 'x'], units, (b) => b.en)).toBe('Technology Dept., x');
    expect(unitNames([], undefined, (b) => b.vi)).toBe('');
  });

  it('groups are bold, depth sets the indent', () => {
    expect(isGroupRow({ leaf: false })).toBe(true);
    expect(isGroupRow({ leaf: true })).toBe(false);
    expect(indentOf({ depth: 1 })).toBe(0);
    expect(indentOf({ depth: 3 })).toBe(2);
  });
});
