import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameworkNode } from '../../shared/domain/framework.ts';
import {
  computeReadiness,
  type EvidenceFact,
  FORMULA_VERSION,
  type ScoreFact,
} from '../../shared/domain/readiness.ts';

const node = (code: string, maxPoints: number, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({
  code,
  title: { vi: code, en: code },
  maxPoints,
  method: 'evidence',
  slots: [],
  ...extra,
});

const framework = {
  bands: [
    { name: 'A', minPercent: 90 },
    { name: 'B', minPercent: 80 },
    { name: 'C', minPercent: 70 },
    { name: 'D', minPercent: 0 },
  ],
  nodes: [
    node('1', 6),
    node('1.1', 2, { slots: [{ kind: 'ke-hoach', label: { vi: 'KH', en: 'Plan' }, minCount: 1 }] }),
    node('1.2', 4, { slots: [{ kind: 'bao-cao', label: { vi: 'BC', en: 'Report' }, minCount: 4 }] }),
    node('2', 10, { method: 'survey' }),
  ],
};

const ev = (
  code: string,
  documentType?: string,
  state: EvidenceFact['state'] = 'available',
): EvidenceFact => ({
  criterionCodes: [code],
  documentType,
  state,
});

describe('computeReadiness — hand-worked examples (BRIEF §4)', () => {
  it('nothing yet: every figure is zero and the formula version is stamped', () => {
    const r = computeReadiness({ framework, evidence: [], scores: [], evidencePolicy: 'available' });
    expect(r.formulaVersion).toBe(FORMULA_VERSION);
    expect(r.criteriaCount).toBe(2); // leaves 1.1 and 1.2; the survey leaf is not in L
    expect(r.maxPoints).toBe(6);
    expect(r.surveyMaxPoints).toBe(10);
    expect(r).toMatchObject({
      completenessPercent: 0,
      evidenceCoveragePercent: 0,
      projectedPoints: 0,
      projectedIndexPercent: 0,
      band: 'D',
    });
  });

  it('self score × coverage, appraised score wins, at-risk = self − projected', () => {
    // 1.1: plan present (coverage 1), self 2 → p = 2, complete.
    // 1.2: 2 of 4 reports → slot not filled → coverage 0, self 4 with explanation → p = 0, complete, at risk 4.
    const scores: ScoreFact[] = [
      { criterionCode: '1.1', selfScore: 2 },
      { criterionCode: '1.2', selfScore: 4, explanation: 'Quý 3, 4 chưa ban hành' },
    ];
    const r = computeReadiness({
      framework,
      evidence: [ev('1.1', 'ke-hoach'), ev('1.2', 'bao-cao'), ev('1.2', 'bao-cao')],
      scores,
      evidencePolicy: 'available',
      surveyPoints: 8,
    });
    expect(r.completeCount).toBe(2);
    expect(r.completenessPercent).toBe(100);
    expect(r.completenessByPointsPercent).toBe(100);
    expect(r.evidenceCoveragePercent).toBe(50);
    expect(r.projectedPoints).toBe(2);
    expect(r.atRiskPoints).toBe(4);
    // (2 + 0 − 0 + 8) / (6 + 10) × 100 = 62.5
    expect(r.projectedIndexPercent).toBe(62.5);
    expect(r.band).toBe('D');

    const appraised = computeReadiness({
      framework,
      evidence: [ev('1.1', 'ke-hoach')],
      scores: [
        { criterionCode: '1.2', selfScore: 4, appraisedScore: 3 },
        { criterionCode: '1.1', selfScore: 2 },
      ],
      evidencePolicy: 'available',
      surveyPoints: 10,
    });
    expect(appraised.projectedPoints).toBe(5);
    expect(appraised.atRiskPoints).toBe(0);
    // (5 + 10) / 16 = 93.75 → A
    expect(appraised.projectedIndexPercent).toBe(93.75);
    expect(appraised.band).toBe('A');
  });

  it('without explanation, a self score on unfilled slots is not complete', () => {
    const r = computeReadiness({
      framework,
      evidence: [],
      scores: [{ criterionCode: '1.1', selfScore: 2 }],
      evidencePolicy: 'available',
    });
    expect(r.criteria.find((c) => c.code === '1.1')?.complete).toBe(false);
  });

  it('policy "accepted" counts only reviewer-accepted evidence; quarantined never counts', () => {
    const evidence = [ev('1.1', 'ke-hoach', 'available'), ev('1.1', 'ke-hoach', 'quarantined')];
    expect(
      computeReadiness({ framework, evidence, scores: [], evidencePolicy: 'accepted' })
        .evidenceCoveragePercent,
    ).toBe(0);
    expect(
      computeReadiness({ framework, evidence, scores: [], evidencePolicy: 'available' })
        .evidenceCoveragePercent,
    ).toBe(50);
  });

  it('no declared slots ⇒ one implicit slot of ≥ 1 file of any type', () => {
    const fw = { bands: [], nodes: [node('1', 5)] };
    const r = computeReadiness({
      framework: fw,
      evidence: [ev('1', 'bat-ky')],
      scores: [],
      evidencePolicy: 'available',
    });
    expect(r.criteria[0]).toMatchObject({ coverage: 1, slots: [{ kind: '*', count: 1, filled: true }] });
  });
});

const states = fc.constantFrom<EvidenceFact['state']>(
  'pending_upload',
  'available',
  'quarantined',
  'accepted',
  'rejected',
);
const evidenceArb = fc.array(
  fc.record({
    criterionCodes: fc.subarray(['1.1', '1.2'], { minLength: 1 }),
    state: states,
    documentType: fc.constantFrom('ke-hoach', 'bao-cao', undefined),
  }),
  { maxLength: 30 },
);
const scoresArb = fc.uniqueArray(
  fc.record({
    criterionCode: fc.constantFrom('1.1', '1.2'),
    selfScore: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    explanation: fc.option(fc.string(), { nil: undefined }),
    appraisedScore: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  }),
  { selector: (s) => s.criterionCode },
);
const policyArb = fc.constantFrom<'available' | 'accepted'>('available', 'accepted');

describe('computeReadiness — properties', () => {
  it('every percentage stays within 0–100', () => {
    fc.assert(
      fc.property(
        evidenceArb,
        scoresArb,
        policyArb,
        fc.integer({ min: 0, max: 10 }),
        (evidence, scores, policy, survey) => {
          const r = computeReadiness({
            framework,
            evidence,
            scores,
            evidencePolicy: policy,
            surveyPoints: survey,
          });
          for (const p of [
            r.completenessPercent,
            r.completenessByPointsPercent,
            r.evidenceCoveragePercent,
            r.projectedIndexPercent,
          ]) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });

  it('adding evidence never lowers completeness, coverage or projected points', () => {
    fc.assert(
      fc.property(evidenceArb, evidenceArb, scoresArb, policyArb, (base, more, scores, policy) => {
        const a = computeReadiness({ framework, evidence: base, scores, evidencePolicy: policy });
        const b = computeReadiness({
          framework,
          evidence: [...base, ...more],
          scores,
          evidencePolicy: policy,
        });
        expect(b.completenessPercent).toBeGreaterThanOrEqual(a.completenessPercent);
        expect(b.evidenceCoveragePercent).toBeGreaterThanOrEqual(a.evidenceCoveragePercent);
        expect(b.projectedPoints).toBeGreaterThanOrEqual(a.projectedPoints);
      }),
    );
  });

  it('the order of inputs never changes the result', () => {
    fc.assert(
      fc.property(evidenceArb, scoresArb, policyArb, fc.integer(), (evidence, scores, policy, seed) => {
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 }))
            .sort((p, q) => p.k - q.k)
            .map((p) => p.x);
        const a = computeReadiness({ framework, evidence, scores, evidencePolicy: policy });
        const b = computeReadiness({
          framework: { ...framework, nodes: [...framework.nodes].reverse() },
          evidence: shuffle(evidence),
          scores: [...scores].reverse(),
          evidencePolicy: policy,
        });
        expect(b).toEqual(a);
      }),
    );
  });

  it('criterion figures sum to the totals', () => {
    fc.assert(
      fc.property(evidenceArb, scoresArb, policyArb, (evidence, scores, policy) => {
        const r = computeReadiness({ framework, evidence, scores, evidencePolicy: policy });
        const sum = r.criteria.reduce((s, c) => s + c.projectedPoints, 0);
        expect(r.projectedPoints).toBeCloseTo(sum, 2);
        expect(r.completeCount).toBe(r.criteria.filter((c) => c.complete).length);
      }),
    );
  });
});
