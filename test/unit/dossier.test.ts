/**
 * The dossier's pure rules (shared/domain/dossier.ts, score-table.ts): job keys and reuse, names inside the
 * package a Windows Explorer can create, and a score table whose every sum equals the readiness module's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  criterionFolder,
  evidenceFileName,
  exportKeyMaterial,
  isReusable,
  safeSegment,
} from '#domain/dossier.ts';
import { computeReadiness, type EvidenceFact, round2 } from '#domain/readiness.ts';
import { buildScoreTable } from '#domain/score-table.ts';
import { loadBundledFramework } from '#infra/local/bundled-frameworks.ts';

describe('export job keys and reuse', () => {
  const material = {
    scope: 'entity' as const,
    cycleId: 'c',
    entityId: 'e',
    parts: ['score-table'],
    evidencePolicy: 'available',
    today: '2026-12-03',
    formulaVersion: 'readiness/3.0.0',
    versions: ['score:1.1:2', 'evidence:E1:1'],
  };
  it('is the same for the same request on the same data, whatever the order it was read in', () => {
    expect(exportKeyMaterial(material)).toBe(
      exportKeyMaterial({
        ...material,
        versions: [...material.versions].reverse(),
        parts: ['score-table', 'score-table'],
      }),
    );
  });
  it('differs when a version, the day, the unit or the policy differs', () => {
    const k = exportKeyMaterial(material);
    expect(exportKeyMaterial({ ...material, versions: ['score:1.1:3', 'evidence:E1:1'] })).not.toBe(k);
    expect(exportKeyMaterial({ ...material, today: '2026-12-04' })).not.toBe(k);
    expect(exportKeyMaterial({ ...material, unitId: 'u' })).not.toBe(k);
    expect(exportKeyMaterial({ ...material, evidencePolicy: 'accepted' })).not.toBe(k);
  });
  it('a job is reused unless it failed, expired, or was lost while running', () => {
    const now = new Date('2026-12-03T05:00:00Z');
    const job = {
      state: 'done' as const,
      requestedAt: '2026-12-03T04:00:00Z',
      expiresAt: '2026-12-10T04:00:00Z',
    };
    expect(isReusable(job, now)).toBe(true);
    expect(isReusable({ ...job, state: 'failed' }, now)).toBe(false);
    expect(isReusable({ ...job, expiresAt: '2026-12-03T05:00:00Z' }, now)).toBe(false);
    expect(isReusable({ ...job, state: 'running', requestedAt: '2026-12-03T04:59:00Z' }, now)).toBe(true);
    expect(isReusable({ ...job, state: 'queued', requestedAt: '2026-12-03T04:00:00Z' }, now)).toBe(false);
    // A long package keeps writing progress: alive while its last write is recent.
    expect(
      isReusable(
        { ...job, state: 'running', requestedAt: '2026-12-03T01:00:00Z', updatedAt: '2026-12-03T04:55:00Z' },
        now,
      ),
    ).toBe(true);
  });
});

describe('names inside the package', () => {
  it('are what Windows Explorer can create: no reserved names, forbidden characters or trailing dots', () => {
    expect(safeSegment('CON')).toBe('_CON');
    expect(safeSegment('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeSegment('Báo cáo: quý I/2023?')).toBe('Báo cáo- quý I-2023-');
    expect(safeSegment('Kế hoạch. ')).toBe('Kế hoạch');
    expect(safeSegment('   ')).toBe('_');
    // NFC: a decomposed "ế" comes out composed.
    expect(safeSegment('Ke\u0302\u0301 hoa\u0323ch')).toBe('Kế hoạch');
  });
  it('name a file by its number and title, keep its extension, and number repeats', () => {
    expect(evidenceFileName({ documentNumber: '1803/KH-SKHCN', title: 'Kế hoạch CCHC' }, 'scan 01.PDF')).toBe(
      '1803-KH-SKHCN Kế hoạch CCHC.pdf',
    );
    expect(evidenceFileName({ title: 'Báo cáo' }, 'x.docx', 1)).toBe('Báo cáo (2).docx');
    expect(
      criterionFolder({ code: '1', title: 'Công tác chỉ đạo' }, { code: '1.1', title: 'Kế hoạch CCHC' }),
    ).toBe('1 Công tác chỉ đạo/1.1 Kế hoạch CCHC/');
  });
  it('stay within bounds for any title (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const seg = safeSegment(s);
        expect(seg.length).toBeGreaterThan(0);
        expect(seg.length).toBeLessThanOrEqual(81);
        expect(seg).not.toMatch(/[<>:"/\\|?*]/);
        expect([...seg].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
        expect(seg).not.toMatch(/[. ]$/);
      }),
    );
  });
});

describe('the score table equals the readiness module', () => {
  const framework = loadBundledFramework('par-so-mau');
  const leaves = framework.nodes.filter((n) => !framework.nodes.some((m) => m.code.startsWith(`${n.code}.`)));
  const scored = leaves.filter((n) => n.method !== 'survey').map((n) => n.code);
  const arb = fc.record({
    evidence: fc.array(
      fc.record({
        criterionCodes: fc.subarray(scored, { minLength: 1, maxLength: 3 }),
        state: fc.constantFrom<EvidenceFact['state']>('available', 'accepted', 'quarantined'),
        documentType: fc.constantFrom('ke-hoach', 'bao-cao', 'quyet-dinh', undefined),
      }),
      { maxLength: 25 },
    ),
    scores: fc.uniqueArray(
      fc.record({
        criterionCode: fc.constantFrom(...scored),
        selfScore: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        appraisedScore: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        state: fc.constantFrom('draft' as const, 'accepted' as const, 'changes_requested' as const),
      }),
      { selector: (s) => s.criterionCode },
    ),
  });

  it('every area adds up to the API roll-up (with survey points), and the totals to the entity (property)', () => {
    fc.assert(
      fc.property(arb, ({ evidence, scores }) => {
        const readiness = computeReadiness({
          framework,
          entityType: 'so',
          evidence,
          scores,
          evidencePolicy: 'available',
          survey: [{ criterionCode: '10', points: 20 }],
        });
        const table = buildScoreTable({
          framework,
          entityType: 'so',
          readiness,
          evidence: evidence.map((e, i) => ({
            ...e,
            evidenceId: `E${i}`,
            title: `Tài liệu ${i}`,
            files: [],
          })),
          explanations: new Map(),
          evidencePolicy: 'available',
        });
        for (const n of readiness.byNode.filter((x) => x.role === 'regular')) {
          const row = table.rows.find((r) => r.code === n.code)!;
          expect(row.projectedPoints).toBeCloseTo(round2(n.projectedPoints + n.surveyPoints), 2);
          expect(row.maxPoints).toBeCloseTo(round2(n.maxPoints + n.surveyMaxPoints), 2);
        }
        expect(table.totals.projectedPoints).toBeCloseTo(
          round2(readiness.projectedPoints + readiness.surveyPoints),
          2,
        );
        expect(table.totals.maxPoints).toBeCloseTo(
          round2(readiness.maxPoints + readiness.surveyMaxPoints),
          2,
        );
        expect(table.totals.bonusPoints).toBeCloseTo(readiness.bonusPoints, 2);
        expect(table.totals.penaltyPoints).toBeCloseTo(readiness.penaltyPoints, 2);
      }),
      { numRuns: 60 },
    );
  });

  it('lists each counted evidence under every criterion it proves, stored once under the first in framework order', () => {
    const evidence = [
      {
        evidenceId: 'E1',
        criterionCodes: ['2.1', '1.1'],
        state: 'available' as const,
        documentType: 'ke-hoach',
        documentNumber: '12/KH-SKHCN',
        title: 'Kế hoạch',
        files: [],
      },
      {
        evidenceId: 'E2',
        criterionCodes: ['1.1'],
        state: 'quarantined' as const,
        title: 'Tệp lỗi',
        files: [],
      },
    ];
    const readiness = computeReadiness({
      framework,
      entityType: 'so',
      evidence,
      scores: [],
      evidencePolicy: 'available',
    });
    const table = buildScoreTable({
      framework,
      entityType: 'so',
      readiness,
      evidence,
      explanations: new Map([['1.1', 'Giải trình']]),
      evidencePolicy: 'available',
    });
    const r11 = table.rows.find((r) => r.code === '1.1')!;
    const r21 = table.rows.find((r) => r.code === '2.1')!;
    expect(r11.evidence.map((e) => e.evidenceId)).toEqual(['E1']);
    expect(r21.evidence[0]!.path).toBe(r11.evidence[0]!.path);
    expect(r11.evidence[0]!.path).toMatch(/^1 [^/]+\/1\.1 [^/]+\/12-KH-SKHCN Kế hoạch$/);
    expect(r11.explanation).toBe('Giải trình');
  });

  it("a unit's part keeps only its criteria and the groups above them", () => {
    const readiness = computeReadiness({
      framework,
      entityType: 'so',
      evidence: [],
      scores: [],
      evidencePolicy: 'available',
      responsibilities: [{ unitId: 'u1', criterionCodes: ['1.1', '3.2'] }],
    });
    const table = buildScoreTable({
      framework,
      entityType: 'so',
      readiness,
      evidence: [],
      explanations: new Map(),
      evidencePolicy: 'available',
      unitId: 'u1',
    });
    expect(table.rows.map((r) => r.code)).toEqual(['1', '1.1', '3', '3.2']);
  });
});
