import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameworkNode } from '#domain/framework.ts';
import {
  computeReadiness,
  type EvidenceFact,
  FORMULA_VERSION,
  type Readiness,
  type ReadinessInput,
  rankEntities,
  type ScoreFact,
  snapshotFigures,
  unitReadiness,
} from '#domain/readiness.ts';
import { loadBundledFramework } from '#infra/local/bundled-frameworks.ts';

const node = (code: string, maxPoints: number, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({
  code,
  title: { vi: code, en: code },
  maxPoints,
  method: 'evidence',
  slots: [],
  ...extra,
});
const slot = (kind: string, minCount = 1) => ({ kind, label: { vi: kind, en: kind }, minCount });

const BANDS = [
  { name: 'A', minPercent: 90 },
  { name: 'B', minPercent: 80 },
  { name: 'C', minPercent: 70 },
  { name: 'D', minPercent: 0 },
];

const framework = {
  bands: BANDS,
  nodes: [
    node('1', 6),
    node('1.1', 2, { slots: [slot('ke-hoach')] }),
    node('1.2', 4, { slots: [slot('bao-cao', 4)] }),
    node('2', 10, { method: 'survey' }),
  ],
};

const ev = (
  code: string | string[],
  documentType?: string,
  state: EvidenceFact['state'] = 'available',
): EvidenceFact => ({
  criterionCodes: Array.isArray(code) ? code : [code],
  documentType,
  state,
});

describe('computeReadiness — hand-worked examples (docs/readiness.md)', () => {
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

  // readiness/2: survey points are imported per survey node (bounded by that node's scale and shown per
  // node) instead of one free number, so this example passes `survey` where it passed `surveyPoints: 8`.
  it('self score × coverage, appraised score wins, at-risk = self − projected', () => {
    // 1.1: plan present (coverage 1), self 2 → p = 2, complete.
    // 1.2: 2 of 4 reports → the slot is half filled (readiness/3: k/n) → coverage 0.5, self 4 with explanation
    //      → p = 2, complete on its explanation, at risk 2.
    const scores: ScoreFact[] = [
      { criterionCode: '1.1', selfScore: 2 },
      { criterionCode: '1.2', selfScore: 4, explanation: 'Quý 3, 4 chưa ban hành' },
    ];
    const r = computeReadiness({
      framework,
      evidence: [ev('1.1', 'ke-hoach'), ev('1.2', 'bao-cao'), ev('1.2', 'bao-cao')],
      scores,
      evidencePolicy: 'available',
      survey: [{ criterionCode: '2', points: 8 }],
    });
    expect(r.completeCount).toBe(2);
    expect(r.completeByExplanationCount).toBe(1);
    expect(r.completenessPercent).toBe(100);
    expect(r.completenessByPointsPercent).toBe(100);
    expect(r.evidenceCoveragePercent).toBe(75);
    expect(r.projectedPoints).toBe(4);
    expect(r.atRiskPoints).toBe(2);
    // (4 + 0 − 0 + 8) / (6 + 10) × 100 = 75
    expect(r.projectedIndexPercent).toBe(75);
    expect(r.band).toBe('C');
    expect(r.how.projectedIndexPercent.inputs).toMatchObject({ numerator: 12, denominator: 16 });
    expect(r.how.atRiskPoints.inputs).toEqual({
      selfAboveProjected: 2,
      pastDueUnscored: 0,
      pastDueUnscoredCriteria: 0,
    });

    const appraised = computeReadiness({
      framework,
      evidence: [ev('1.1', 'ke-hoach')],
      scores: [
        { criterionCode: '1.2', selfScore: 4, appraisedScore: 3 },
        { criterionCode: '1.1', selfScore: 2 },
      ],
      evidencePolicy: 'available',
      survey: [{ criterionCode: '2', points: 10 }],
    });
    expect(appraised.projectedPoints).toBe(5);
    expect(appraised.atRiskPoints).toBe(0);
    // (5 + 10) / 16 = 93.75 → A
    expect(appraised.projectedIndexPercent).toBe(93.75);
    expect(appraised.band).toBe('A');
    expect(appraised.how.projectedPoints.inputs).toEqual({
      appraisedCriteria: 1,
      appraisedPoints: 3,
      selfTimesCoverage: 2,
    });
  });

  it('an appraised score counts only once accepted (decision 4)', () => {
    const base = { framework, evidence: [ev('1.1', 'ke-hoach')], evidencePolicy: 'available' as const };
    const pending = computeReadiness({
      ...base,
      scores: [{ criterionCode: '1.1', selfScore: 2, appraisedScore: 1, state: 'changes_requested' }],
    });
    expect(pending.criteria[0]).toMatchObject({ appraised: false, projectedPoints: 2, atRiskPoints: 0 });
    const accepted = computeReadiness({
      ...base,
      scores: [{ criterionCode: '1.1', selfScore: 2, appraisedScore: 1, state: 'accepted' }],
    });
    expect(accepted.criteria[0]).toMatchObject({ appraised: true, projectedPoints: 1, atRiskPoints: 0 });
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

  it('completeness by count and by points differ when criteria weigh differently', () => {
    // Only 1.1 (2 of 6 points) is complete: 1 of 2 criteria = 50 %, 2 of 6 points = 33.33 %.
    const r = computeReadiness({
      framework,
      evidence: [ev('1.1', 'ke-hoach')],
      scores: [{ criterionCode: '1.1', selfScore: 2 }],
      evidencePolicy: 'available',
    });
    expect(r).toMatchObject({ completenessPercent: 50, completenessByPointsPercent: 33.33 });
    expect(r.how.completenessByPointsPercent.inputs).toEqual({ completeMaxPoints: 2, maxPoints: 6 });
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

  it('no declared slots ⇒ one implicit slot of ≥ 1 file of any type; one evidence counts once', () => {
    const fw = { bands: [], nodes: [node('1', 5)] };
    const r = computeReadiness({
      framework: fw,
      evidence: [ev(['1', '1'], 'bat-ky')],
      scores: [],
      evidencePolicy: 'available',
    });
    expect(r.criteria[0]).toMatchObject({ coverage: 1, slots: [{ kind: '*', count: 1, filled: true }] });
  });

  it('applicability by entity type removes nodes from L, max, survey max and roll-ups (decision 1)', () => {
    const fw = {
      bands: BANDS,
      nodes: [
        node('1', 4),
        node('1.1', 2),
        node('1.2', 2, { appliesTo: ['huyen'] }),
        node('2', 6, { appliesTo: ['huyen'] }),
        node('2.1', 3),
        node('2.2', 3, { method: 'survey' }),
      ],
    };
    const so = computeReadiness({
      framework: fw,
      entityType: 'so',
      evidence: [],
      scores: [],
      evidencePolicy: 'available',
    });
    expect(so.criteria.map((c) => c.code)).toEqual(['1.1']);
    expect(so).toMatchObject({ maxPoints: 2, surveyMaxPoints: 0 });
    expect(so.byNode.map((n) => n.code)).toEqual(['1']);
    const huyen = computeReadiness({
      framework: fw,
      entityType: 'huyen',
      evidence: [],
      scores: [],
      evidencePolicy: 'available',
    });
    expect(huyen.criteria.map((c) => c.code)).toEqual(['1.1', '1.2', '2.1']);
    expect(huyen).toMatchObject({ maxPoints: 7, surveyMaxPoints: 3 });
  });

  it('the bundled department framework: 68 self-assessed + 32 survey points for a sở, less where criteria do not apply', () => {
    const fw = loadBundledFramework('par-so-mau');
    const so = computeReadiness({
      framework: fw,
      entityType: 'so',
      evidence: [],
      scores: [],
      evidencePolicy: 'available',
    });
    expect(so).toMatchObject({ criteriaCount: 33, maxPoints: 68, surveyMaxPoints: 32 });
    expect(so.bonusMaxPoints).toBe(2);
    expect(so.penaltyMaxPoints).toBe(3);
    // Agencies without administrative procedures: area 3 (10 self + 6 survey) and 7.2, 7.3, 8.1 (8) drop out.
    const agency = computeReadiness({
      framework: fw,
      entityType: 'ban-nganh',
      evidence: [],
      scores: [],
      evidencePolicy: 'available',
    });
    expect(agency).toMatchObject({ criteriaCount: 25, maxPoints: 50, surveyMaxPoints: 26 });
    expect(agency.byNode.find((n) => n.code === '3')).toBeUndefined();
  });

  describe('bonus, penalty and survey (decisions 5, 6, 7)', () => {
    const fw = {
      bands: BANDS,
      nodes: [
        node('1', 10),
        node('1.1', 10),
        node('2', 10, { method: 'survey' }),
        node('9', 2, { role: 'bonus' }),
        node('9.1', 1, { role: 'bonus', slots: [slot('quyet-dinh')] }),
        node('9.2', 1, { role: 'bonus' }),
        node('10', 3, { role: 'penalty' }),
        node('10.1', 2, { role: 'penalty' }),
        node('10.2', 1, { role: 'penalty' }),
      ],
    };

    it('bonus needs its proof, penalty counts in full, neither enters Σ max', () => {
      const r = computeReadiness({
        framework: fw,
        evidence: [ev('1.1'), ev('9.1', 'quyet-dinh')],
        scores: [
          { criterionCode: '1.1', selfScore: 8 },
          { criterionCode: '9.1', selfScore: 1 }, // proven → +1
          { criterionCode: '9.2', selfScore: 1 }, // no file → 0
          { criterionCode: '10.1', selfScore: 2 }, // declared, no file → −2 in full
        ],
        evidencePolicy: 'available',
        survey: [{ criterionCode: '2', points: 7.5 }],
      });
      expect(r).toMatchObject({ maxPoints: 10, surveyMaxPoints: 10, bonusPoints: 1, penaltyPoints: 2 });
      expect(r.criteria.map((c) => c.code)).toEqual(['1.1']);
      expect(r.adjustments.map((c) => [c.code, c.role, c.projectedPoints])).toEqual([
        ['9.1', 'bonus', 1],
        ['9.2', 'bonus', 0],
        ['10.1', 'penalty', 2],
        ['10.2', 'penalty', 0],
      ]);
      // (8 + 1 − 2 + 7.5) / (10 + 10) = 72.5 % → C
      expect(r.projectedIndexPercent).toBe(72.5);
      expect(r.band).toBe('C');
      expect(r.byNode.find((n) => n.code === '9')).toMatchObject({ role: 'bonus', projectedPoints: 1 });
    });

    it('a leaf stays within its bounds; a top node caps the sum of its leaves', () => {
      const capped = { ...fw, nodes: fw.nodes.map((n) => (n.code === '9' ? { ...n, maxPoints: 1.5 } : n)) };
      const r = computeReadiness({
        framework: capped,
        evidence: [ev('9.1', 'quyet-dinh'), ev('9.2')],
        scores: [
          { criterionCode: '9.1', selfScore: 5 },
          { criterionCode: '9.2', selfScore: 1 },
        ],
        evidencePolicy: 'available',
      });
      expect(r.adjustments.find((c) => c.code === '9.1')?.projectedPoints).toBe(1);
      expect(r.bonusPoints).toBe(1.5);
      expect(r.how.bonusPoints.inputs).toEqual({ claimed: 2, cap: 1.5 });
    });

    it('survey points are clamped to the node scale; a missing import counts 0 out of its max', () => {
      const r = computeReadiness({
        framework: fw,
        evidence: [],
        scores: [],
        evidencePolicy: 'available',
        survey: [{ criterionCode: '2', points: 12 }],
      });
      expect(r.survey).toEqual([{ code: '2', maxPoints: 10, imported: true, points: 10 }]);
      const none = computeReadiness({ framework: fw, evidence: [], scores: [], evidencePolicy: 'available' });
      expect(none.survey[0]).toMatchObject({ imported: false, points: 0 });
      expect(none.how.projectedIndexPercent.inputs.denominator).toBe(20);
    });

    it('the index never leaves 0–100, however large the penalty', () => {
      const r = computeReadiness({
        framework: fw,
        evidence: [],
        scores: [
          { criterionCode: '10.1', selfScore: 2 },
          { criterionCode: '10.2', selfScore: 1 },
        ],
        evidencePolicy: 'available',
      });
      expect(r.projectedIndexPercent).toBe(0);
      expect(r.how.projectedIndexPercent.inputs.numerator).toBe(-3);
    });
  });

  it('roll-ups by node and by unit (decisions 8, 9)', () => {
    const fw = {
      bands: BANDS,
      nodes: [
        node('1', 10),
        node('1.1', 6),
        node('1.1.1', 4),
        node('1.1.2', 2),
        node('1.2', 4, { method: 'survey' }),
        node('2', 5),
      ],
    };
    const r = computeReadiness({
      framework: fw,
      evidence: [ev('1.1.1'), ev('2')],
      scores: [
        { criterionCode: '1.1.1', selfScore: 4 },
        { criterionCode: '1.1.2', selfScore: 1, explanation: 'Chưa có' },
        { criterionCode: '2', selfScore: 5, appraisedScore: 3 },
      ],
      evidencePolicy: 'available',
      survey: [{ criterionCode: '1.2', points: 3 }],
      responsibilities: [
        { unitId: 'u-b', criterionCodes: ['1.1.1', '2'] },
        { unitId: 'u-a', criterionCodes: ['1.1.1'] },
      ],
    });
    expect(r.byNode).toEqual([
      expect.objectContaining({
        code: '1',
        criteriaCount: 2,
        completeCount: 2,
        maxPoints: 6,
        projectedPoints: 4,
        atRiskPoints: 1,
        surveyMaxPoints: 4,
        surveyPoints: 3,
        projectedPercent: 70, // (4 + 3) / (6 + 4)
      }),
      expect.objectContaining({ code: '1.1', criteriaCount: 2, maxPoints: 6, surveyMaxPoints: 0 }),
    ]);
    expect(r.byUnit.map((u) => [u.unitId, u.criterionCodes, u.projectedPoints])).toEqual([
      ['u-a', ['1.1.1'], 4],
      ['u-b', ['1.1.1', '2'], 7],
      [null, ['1.1.2'], 0],
    ]);
    expect(r.criteria.find((c) => c.code === '1.1.1')?.unitIds).toEqual(['u-a', 'u-b']);
    const a = unitReadiness(r, 'u-a');
    expect(a.criteria.map((c) => c.code)).toEqual(['1.1.1']);
    expect(a.rollup).toMatchObject({ criteriaCount: 1, completenessPercent: 100 });
    expect(unitReadiness(r, 'nobody').rollup.criteriaCount).toBe(0);
  });

  it('ranks entities: equal index shares a rank, ties listed by completeness then id (decision 10)', () => {
    const fake = (idx: number, completeness: number, band: string) =>
      ({
        ...computeReadiness({ framework, evidence: [], scores: [], evidencePolicy: 'available' }),
        projectedIndexPercent: idx,
        completenessPercent: completeness,
        criteriaCount: 10,
        completeCount: completeness / 10,
        band,
      }) as Readiness;
    const ranking = rankEntities([
      { entityId: 'e-c', readiness: fake(80, 50, 'B') },
      { entityId: 'e-a', readiness: fake(92, 90, 'A') },
      { entityId: 'e-d', readiness: fake(70, 40, 'C') },
      { entityId: 'e-b', readiness: fake(80, 60, 'B') },
    ]);
    expect(ranking.entities.map((e) => [e.rank, e.entityId])).toEqual([
      [1, 'e-a'],
      [2, 'e-b'],
      [2, 'e-c'],
      [4, 'e-d'],
    ]);
    expect(ranking.totals).toMatchObject({
      entityCount: 4,
      criteriaCount: 40,
      completeCount: 24,
      completenessPercent: 60,
      meanProjectedIndexPercent: 80.5,
      bands: { A: 1, B: 2, C: 1 },
    });
  });

  it('a snapshot keeps the headline figures and the formula version', () => {
    const r = computeReadiness({
      framework,
      evidence: [ev('1.1', 'ke-hoach')],
      scores: [],
      evidencePolicy: 'available',
    });
    expect(snapshotFigures(r)).toEqual({
      formulaVersion: FORMULA_VERSION,
      criteriaCount: 2,
      completeCount: 0,
      completenessPercent: 0,
      completenessByPointsPercent: 0,
      evidenceCoveragePercent: 50,
      projectedPoints: 0,
      atRiskPoints: 0,
      projectedIndexPercent: 0,
      band: 'D',
    });
  });
});

// ——— Properties, on a framework with every kind of node ———

const richFramework = {
  bands: BANDS,
  nodes: [
    node('1', 7),
    node('1.1', 4, { slots: [slot('ke-hoach')] }),
    node('1.2', 3, { method: 'computed', slots: [{ ...slot('bao-cao', 2), period: 'quarter' as const }] }),
    node('1.3', 3, { method: 'survey' }),
    node('2', 8, { appliesTo: ['so', 'huyen'] }),
    node('2.1', 8),
    node('2.1.1', 5, { slots: [{ ...slot('ke-hoach'), period: 'year' as const }, slot('bao-cao', 3)] }),
    node('2.1.2', 3, { appliesTo: ['so'] }),
    node('3', 5, { method: 'survey' }),
    node('9', 2, { role: 'bonus' }),
    node('9.1', 1, { role: 'bonus' }),
    node('9.2', 1, { role: 'bonus' }),
    node('10', 3, { role: 'penalty' }),
    node('10.1', 2, { role: 'penalty' }),
    node('10.2', 1, { role: 'penalty' }),
  ],
};
const SCORED = ['1.1', '1.2', '2.1.1', '2.1.2', '9.1', '9.2', '10.1', '10.2'];
const UNITS = ['u1', 'u2', 'u3'];

const states = fc.constantFrom<EvidenceFact['state']>(
  'pending_upload',
  'scanning',
  'available',
  'quarantined',
  'accepted',
  'rejected',
);
const evidenceArb = fc.array(
  fc.record({
    criterionCodes: fc.subarray(SCORED, { minLength: 1 }),
    state: states,
    documentType: fc.constantFrom('ke-hoach', 'bao-cao', undefined),
    issueDate: fc.constantFrom(
      '2022-12-30',
      '2023-02-01',
      '2023-05-20',
      '2023-11-02',
      '2024-01-15',
      undefined,
    ),
  }),
  { maxLength: 30 },
);
const scoresArb = fc.uniqueArray(
  fc.record({
    criterionCode: fc.constantFrom(...SCORED),
    selfScore: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    explanation: fc.option(fc.string(), { nil: undefined }),
    appraisedScore: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    state: fc.option(fc.constantFrom('submitted', 'accepted', 'changes_requested' as const), {
      nil: undefined,
    }),
  }),
  { selector: (s) => s.criterionCode },
);
const surveyArb = fc.uniqueArray(
  fc.record({ criterionCode: fc.constantFrom('1.3', '3'), points: fc.integer({ min: -2, max: 8 }) }),
  { selector: (s) => s.criterionCode },
);
const responsibilitiesArb = fc.array(
  fc.record({
    unitId: fc.constantFrom(...UNITS),
    criterionCodes: fc.subarray(SCORED),
    dueDate: fc.constantFrom('2023-06-30', '2023-11-15', undefined),
  }),
  { maxLength: 4 },
);
const policyArb = fc.constantFrom<'available' | 'accepted'>('available', 'accepted');
const typeArb = fc.constantFrom('so' as const, 'huyen' as const, 'xa' as const, undefined);

const inputArb = fc.record({
  evidence: evidenceArb,
  scores: scoresArb,
  evidencePolicy: policyArb,
  survey: surveyArb,
  responsibilities: responsibilitiesArb,
  entityType: typeArb,
  today: fc.constantFrom('2023-06-01', '2023-07-01', '2023-12-01', '2024-01-10', undefined),
  defaultDueDate: fc.constantFrom('2023-12-15', undefined),
  assessmentYear: fc.constantFrom(2023, undefined),
  reopenings: fc.array(
    fc.record({
      unitId: fc.constantFrom(...UNITS, undefined),
      until: fc.constantFrom('2023-12-31', '2024-02-01'),
    }),
    { maxLength: 2 },
  ),
});
const run = (i: Omit<ReadinessInput, 'framework'>) => computeReadiness({ framework: richFramework, ...i });

const percentsOf = (r: Readiness) => [
  r.completenessPercent,
  r.completenessByPointsPercent,
  r.evidenceCoveragePercent,
  r.projectedIndexPercent,
  ...r.byNode.flatMap((n) => [
    n.completenessPercent,
    n.completenessByPointsPercent,
    n.coveragePercent,
    n.projectedPercent,
  ]),
  ...r.byUnit.flatMap((u) => [u.completenessPercent, u.completenessByPointsPercent, u.coveragePercent]),
];

describe('computeReadiness — properties', () => {
  it('every percentage stays within 0–100', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const p of percentsOf(run(input))) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('adding evidence never lowers completeness, coverage, projected points or the index', () => {
    fc.assert(
      fc.property(inputArb, evidenceArb, (input, more) => {
        const a = run(input);
        const b = run({ ...input, evidence: [...input.evidence, ...more] });
        expect(b.completenessPercent).toBeGreaterThanOrEqual(a.completenessPercent);
        expect(b.completenessByPointsPercent).toBeGreaterThanOrEqual(a.completenessByPointsPercent);
        expect(b.evidenceCoveragePercent).toBeGreaterThanOrEqual(a.evidenceCoveragePercent);
        expect(b.projectedPoints).toBeGreaterThanOrEqual(a.projectedPoints);
        expect(b.bonusPoints).toBeGreaterThanOrEqual(a.bonusPoints);
        expect(b.projectedIndexPercent).toBeGreaterThanOrEqual(a.projectedIndexPercent);
      }),
    );
  });

  it('the order of inputs never changes the result', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 }))
            .sort((p, q) => p.k - q.k)
            .map((p) => p.x);
        const a = run(input);
        const b = computeReadiness({
          ...input,
          framework: { ...richFramework, nodes: [...richFramework.nodes].reverse() },
          evidence: shuffle(input.evidence).map((e) => ({
            ...e,
            criterionCodes: [...e.criterionCodes].reverse(),
          })),
          scores: [...input.scores].reverse(),
          survey: [...input.survey].reverse(),
          responsibilities: shuffle(input.responsibilities).map((r) => ({
            ...r,
            criterionCodes: [...r.criterionCodes].reverse(),
          })),
        });
        expect(b).toEqual(a);
      }),
    );
  });

  it('roll-ups sum to their parts: criteria → nodes → entity', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = run(input);
        const regular = r.byNode.filter((n) => n.role === 'regular');
        const children = (code: string) => ({
          nodes: regular.filter((n) => n.code.slice(0, n.code.lastIndexOf('.')) === code),
          leaves: r.criteria.filter((c) => c.code.slice(0, c.code.lastIndexOf('.')) === code),
          survey: r.survey.filter((s) => s.code.slice(0, s.code.lastIndexOf('.')) === code),
        });
        for (const n of regular) {
          const k = children(n.code);
          expect(n.criteriaCount).toBe(k.nodes.reduce((s, x) => s + x.criteriaCount, 0) + k.leaves.length);
          expect(n.completeCount).toBe(
            k.nodes.reduce((s, x) => s + x.completeCount, 0) + k.leaves.filter((c) => c.complete).length,
          );
          expect(n.maxPoints).toBeCloseTo(
            k.nodes.reduce((s, x) => s + x.maxPoints, 0) + k.leaves.reduce((s, c) => s + c.maxPoints, 0),
            2,
          );
          expect(n.projectedPoints).toBeCloseTo(
            k.nodes.reduce((s, x) => s + x.projectedPoints, 0) +
              k.leaves.reduce((s, c) => s + c.projectedPoints, 0),
            1,
          );
          expect(n.surveyMaxPoints).toBeCloseTo(
            k.nodes.reduce((s, x) => s + x.surveyMaxPoints, 0) +
              k.survey.reduce((s, x) => s + x.maxPoints, 0),
            2,
          );
        }
        // Top-level regular nodes and top-level leaves make the entity.
        const top = regular.filter((n) => n.depth === 1);
        const topLeaves = r.criteria.filter((c) => !c.code.includes('.'));
        expect(r.criteriaCount).toBe(top.reduce((s, n) => s + n.criteriaCount, 0) + topLeaves.length);
        expect(r.projectedPoints).toBeCloseTo(
          top.reduce((s, n) => s + n.projectedPoints, 0) +
            topLeaves.reduce((s, c) => s + c.projectedPoints, 0),
          1,
        );
        expect(r.projectedPoints).toBeCloseTo(
          r.criteria.reduce((s, c) => s + c.projectedPoints, 0),
          2,
        );
        expect(r.completeCount).toBe(r.criteria.filter((c) => c.complete).length);
        // Units: every criterion is in at least one unit roll-up (or the unassigned one), and none exceeds the whole.
        const covered = new Set(r.byUnit.flatMap((u) => u.criterionCodes));
        expect([...covered].sort()).toEqual(r.criteria.map((c) => c.code).sort());
        for (const u of r.byUnit) expect(u.criteriaCount).toBeLessThanOrEqual(r.criteriaCount);
      }),
    );
  });

  it('unit roll-ups sum to the entity when each criterion has at most one unit', () => {
    const partitionArb = fc.array(fc.constantFrom(...UNITS, undefined), {
      minLength: SCORED.length,
      maxLength: SCORED.length,
    });
    fc.assert(
      fc.property(inputArb, partitionArb, (input, owners) => {
        const responsibilities = UNITS.map((unitId) => ({
          unitId,
          criterionCodes: SCORED.filter((_, i) => owners[i] === unitId),
        }));
        const r = run({ ...input, responsibilities });
        const sum = (f: (u: Readiness['byUnit'][number]) => number) => r.byUnit.reduce((s, u) => s + f(u), 0);
        expect(sum((u) => u.criteriaCount)).toBe(r.criteriaCount);
        expect(sum((u) => u.completeCount)).toBe(r.completeCount);
        expect(sum((u) => u.maxPoints)).toBeCloseTo(r.maxPoints, 2);
        expect(sum((u) => u.projectedPoints)).toBeCloseTo(r.projectedPoints, 1);
        expect(sum((u) => u.atRiskPoints)).toBeCloseTo(r.atRiskPoints, 1);
      }),
    );
  });

  it('ranking: ranks start at 1, never decrease down the list, and ignore input order', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { minLength: 1, maxLength: 6 }), (inputs) => {
        const entries = inputs.map((i, k) => ({ entityId: `e${k}`, readiness: run(i) }));
        const a = rankEntities(entries);
        const b = rankEntities([...entries].reverse());
        expect(b).toEqual(a);
        expect(a.entities[0]?.rank).toBe(1);
        a.entities.forEach((e, i) => {
          if (i === 0) return;
          const prev = a.entities[i - 1]!;
          expect(e.rank).toBeGreaterThanOrEqual(prev.rank);
          expect(e.projectedIndexPercent).toBeLessThanOrEqual(prev.projectedIndexPercent);
        });
        expect(a.totals.completenessPercent).toBeGreaterThanOrEqual(0);
        expect(a.totals.completenessPercent).toBeLessThanOrEqual(100);
      }),
    );
  });
});

// ——— readiness/3: partial slots, period rules, send-backs, past-due criteria, plain-word explanations ———

const dated = (code: string, documentType: string, issueDate?: string, from?: string): EvidenceFact => ({
  ...ev(code, documentType),
  ...(issueDate ? { issueDate } : {}),
  ...(from ? { effectivePeriod: { from } } : {}),
});

describe('readiness/3 — hand-worked rules (docs/readiness.md)', () => {
  const quarterly = {
    bands: BANDS,
    nodes: [
      node('1', 6),
      node('1.1', 2, { slots: [slot('ke-hoach', 2)] }),
      node('1.2', 4, { slots: [{ ...slot('bao-cao', 4), period: 'quarter' as const }] }),
    ],
  };

  it('a slot needing 2 files with 1 counted is half filled: coverage 0.5, p = self × 0.5', () => {
    const r = computeReadiness({
      framework: quarterly,
      evidence: [ev('1.1', 'ke-hoach')],
      scores: [{ criterionCode: '1.1', selfScore: 2, explanation: 'Kế hoạch thứ hai đang trình ký' }],
      evidencePolicy: 'available',
    });
    const c = r.criteria[0]!;
    expect(c.slots[0]).toMatchObject({ count: 1, minCount: 2, fill: 0.5, filled: false });
    expect(c).toMatchObject({ slotsFilled: 0.5, coverage: 0.5, projectedPoints: 1, atRiskPoints: 1 });
    // (0.5 + 0) / 2 criteria
    expect(r.evidenceCoveragePercent).toBe(25);
    // Capped at 1: a third plan adds nothing.
    const over = computeReadiness({
      framework: quarterly,
      evidence: [ev('1.1', 'ke-hoach'), ev('1.1', 'ke-hoach'), ev('1.1', 'ke-hoach')],
      scores: [],
      evidencePolicy: 'available',
    });
    expect(over.criteria[0]).toMatchObject({ coverage: 1, slots: [{ count: 3, fill: 1, filled: true }] });
  });

  it('a period rule counts distinct periods of the assessed year; undated documents count, flagged', () => {
    const r = computeReadiness({
      framework: quarterly,
      evidence: [
        dated('1.2', 'bao-cao', '2023-03-30'), // Q1
        dated('1.2', 'bao-cao', '2023-02-10'), // Q1 again: the same period counts once
        dated('1.2', 'bao-cao', '2024-01-05', '2023-10-01'), // effective period wins: Q4 2023
        dated('1.2', 'bao-cao', '2022-12-20'), // last year: does not qualify
        dated('1.2', 'bao-cao'), // undated: counted as one period, flagged
      ],
      scores: [],
      evidencePolicy: 'available',
      assessmentYear: 2023,
    });
    expect(r.criteria[1]!.slots[0]).toEqual({
      kind: 'bao-cao',
      minCount: 4,
      period: 'quarter',
      count: 3,
      documents: 5,
      undated: 1,
      outsideYear: 1,
      periods: ['2023-Q1', '2023-Q4'],
      fill: 0.75,
      filled: false,
    });
    // Without an assessed year any year qualifies (2022-Q4 is then a period of its own).
    const anyYear = computeReadiness({
      framework: quarterly,
      evidence: [dated('1.2', 'bao-cao', '2022-12-20'), dated('1.2', 'bao-cao', '2023-12-20')],
      scores: [],
      evidencePolicy: 'available',
    });
    expect(anyYear.criteria[1]!.slots[0]).toMatchObject({ count: 2, periods: ['2022-Q4', '2023-Q4'] });
  });

  it('a criterion sent back for changes is not complete, however well it is covered', () => {
    const base = { framework, evidence: [ev('1.1', 'ke-hoach')], evidencePolicy: 'available' as const };
    const sent = computeReadiness({
      ...base,
      scores: [{ criterionCode: '1.1', selfScore: 2, appraisedScore: 1, state: 'changes_requested' }],
    });
    expect(sent.criteria[0]).toMatchObject({ sentBack: true, ready: true, complete: false });
    expect(sent).toMatchObject({ completeCount: 0, sentBackCount: 1, completenessPercent: 0 });
    const answered = computeReadiness({
      ...base,
      scores: [{ criterionCode: '1.1', selfScore: 2, appraisedScore: 1, state: 'resubmitted' }],
    });
    expect(answered.criteria[0]).toMatchObject({ sentBack: false, complete: true });
  });

  it('completeness says how many complete criteria rest on an explanation', () => {
    const r = computeReadiness({
      framework,
      evidence: [ev('1.1', 'ke-hoach')],
      scores: [
        { criterionCode: '1.1', selfScore: 2 },
        { criterionCode: '1.2', selfScore: 1, explanation: 'Chưa có báo cáo quý' },
      ],
      evidencePolicy: 'available',
    });
    expect(r).toMatchObject({ completeCount: 2, completeByExplanationCount: 1 });
    expect(r.criteria.map((c) => c.completeByExplanation)).toEqual([false, true]);
    expect(r.how.completenessPercent.says?.vi).toContain('Trong đó 1 tiêu chí dựa vào giải trình');
  });

  it('a criterion past its due date without a self score puts its whole max at risk', () => {
    const input: ReadinessInput = {
      framework,
      evidence: [ev('1.1', 'ke-hoach')],
      scores: [{ criterionCode: '1.1', selfScore: 2 }],
      evidencePolicy: 'available',
      responsibilities: [
        { unitId: 'u1', criterionCodes: ['1.2'], dueDate: '2023-09-30' },
        { unitId: 'u2', criterionCodes: ['1.2'], dueDate: '2023-08-31' },
      ],
      defaultDueDate: '2023-12-15',
    };
    // The earliest task's due date counts; on that day it is not yet past due.
    const onTheDay = computeReadiness({ ...input, today: '2023-08-31' });
    expect(onTheDay.criteria[1]).toMatchObject({ dueDate: '2023-08-31', pastDue: false, atRiskPoints: 0 });
    expect(onTheDay.atRiskPoints).toBe(0);
    const after = computeReadiness({ ...input, today: '2023-09-01' });
    expect(after.criteria[1]).toMatchObject({ pastDue: true, lateUnscored: true, atRiskPoints: 4 });
    expect(after).toMatchObject({ atRiskPoints: 4, lateUnscoredCount: 1 });
    // 1.1 has no task: the cycle's self-assessment deadline; it is scored, so nothing is late there.
    expect(after.criteria[0]).toMatchObject({ dueDate: '2023-12-15', lateUnscored: false, atRiskPoints: 0 });
    // No "today": nothing is past due (the module has no clock of its own).
    expect(computeReadiness(input).atRiskPoints).toBe(0);
    // Scored late, it is no longer unscored: only the evidence gap is at risk.
    const scored = computeReadiness({
      ...input,
      today: '2023-09-01',
      scores: [...input.scores, { criterionCode: '1.2', selfScore: 3, explanation: 'Thiếu báo cáo' }],
    });
    expect(scored.criteria[1]).toMatchObject({ lateUnscored: false, atRiskPoints: 3 });
    // An appraised criterion is settled: nothing at risk even without a self score.
    const appraised = computeReadiness({
      ...input,
      today: '2023-09-01',
      scores: [...input.scores, { criterionCode: '1.2', appraisedScore: 1, state: 'accepted' }],
    });
    expect(appraised.criteria[1]).toMatchObject({ lateUnscored: false, atRiskPoints: 0 });
  });

  it('a reopened self-assessment moves the due date: the entity’s, or only the reopened unit’s criteria', () => {
    const input: ReadinessInput = {
      framework,
      evidence: [],
      scores: [],
      evidencePolicy: 'available',
      responsibilities: [
        { unitId: 'u1', criterionCodes: ['1.1'], dueDate: '2023-09-30' },
        { unitId: 'u2', criterionCodes: ['1.2'], dueDate: '2023-09-30' },
      ],
      today: '2023-10-10',
    };
    expect(computeReadiness(input).lateUnscoredCount).toBe(2);
    const unit = computeReadiness({ ...input, reopenings: [{ unitId: 'u2', until: '2023-10-31' }] });
    expect(unit.criteria.map((c) => [c.code, c.dueDate, c.lateUnscored])).toEqual([
      ['1.1', '2023-09-30', true],
      ['1.2', '2023-10-31', false],
    ]);
    const entity = computeReadiness({ ...input, reopenings: [{ until: '2023-10-31' }] });
    expect(entity).toMatchObject({ lateUnscoredCount: 0, atRiskPoints: 0 });
    // A reopening that ends before the due date changes nothing.
    const earlier = computeReadiness({ ...input, reopenings: [{ until: '2023-09-01' }] });
    expect(earlier.criteria[0]!.dueDate).toBe('2023-09-30');
  });

  it('the seasonal case from the field: all criteria overdue and unscored are all at risk', () => {
    const bundled = loadBundledFramework('par-so-mau');
    const r = computeReadiness({
      framework: bundled,
      entityType: 'so',
      evidence: [],
      scores: [],
      evidencePolicy: 'available',
      defaultDueDate: '2023-12-15',
      today: '2026-12-03',
    });
    expect(r.lateUnscoredCount).toBe(r.criteriaCount);
    expect(r.atRiskPoints).toBe(r.maxPoints);
  });

  it('"Cách tính" spells the projected points out with this entity’s numbers, in both languages', () => {
    const r = computeReadiness({
      framework: quarterly,
      evidence: [
        ev('1.1', 'ke-hoach'),
        ev('1.1', 'ke-hoach'),
        dated('1.2', 'bao-cao', '2023-03-01'),
        dated('1.2', 'bao-cao', '2023-06-01'),
      ],
      scores: [
        { criterionCode: '1.1', selfScore: 2 },
        { criterionCode: '1.2', selfScore: 3, explanation: 'Quý III, IV chưa đến hạn' },
      ],
      evidencePolicy: 'available',
      assessmentYear: 2023,
    });
    expect(r.how.projectedPoints.says).toEqual({
      vi: 'Điểm dự kiến 3,5 = 2 (tiêu chí 1.1, đủ minh chứng) + 1,5 (tiêu chí 1.2, tự chấm 3 × đủ 2/4 minh chứng).',
      en: 'Projected points 3.5 = 2 (criterion 1.1, evidence complete) + 1.5 (criterion 1.2, self score 3 × 2 of 4 documents).',
    });
    expect(r.how.atRiskPoints.says?.vi).toBe(
      'Điểm có nguy cơ mất 1,5 = 1,5 (tự chấm cao hơn điểm dự kiến vì thiếu minh chứng: 1.2).',
    );
    expect(r.how.projectedIndexPercent.says?.vi).toBe(
      'Chỉ số dự kiến 58,3% = (điểm dự kiến 3,5 + điểm thưởng 0 − điểm trừ 0 + điểm điều tra 0) / (điểm tối đa 6 + điểm điều tra tối đa 0) × 100.',
    );
    for (const f of Object.values(r.how)) {
      expect(f.says?.vi.length).toBeGreaterThan(10);
      expect(f.says?.en.length).toBeGreaterThan(10);
    }
  });

  it('a long sum lists the first terms and folds the rest into one', () => {
    const nodes = [node('1', 40), ...Array.from({ length: 20 }, (_, i) => node(`1.${i + 1}`, 2))];
    const r = computeReadiness({
      framework: { bands: [], nodes },
      evidence: nodes.slice(1).map((n) => ev(n.code, 'x')),
      scores: nodes.slice(1).map((n) => ({ criterionCode: n.code, selfScore: 1 })),
      evidencePolicy: 'available',
    });
    expect(r.how.projectedPoints.says?.vi).toMatch(
      /^Điểm dự kiến 20 = 1 \(tiêu chí 1\.1, đủ minh chứng\) \+ /,
    );
    expect(r.how.projectedPoints.says?.vi).toMatch(/\+ 8 \(8 tiêu chí khác\)\.$/);
  });
});

describe('readiness/3 — properties', () => {
  it('adding a counted file never lowers any criterion’s coverage or projected points', () => {
    fc.assert(
      fc.property(inputArb, evidenceArb, (input, more) => {
        const a = run(input);
        const b = run({ ...input, evidence: [...input.evidence, ...more] });
        for (let i = 0; i < a.criteria.length; i++) {
          expect(b.criteria[i]!.coverage).toBeGreaterThanOrEqual(a.criteria[i]!.coverage);
          expect(b.criteria[i]!.projectedPoints).toBeGreaterThanOrEqual(a.criteria[i]!.projectedPoints);
        }
      }),
    );
  });

  it('at-risk points are never negative, and never more than the maximum of L', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = run(input);
        expect(r.atRiskPoints).toBeGreaterThanOrEqual(0);
        for (const c of [...r.criteria, ...r.adjustments]) expect(c.atRiskPoints).toBeGreaterThanOrEqual(0);
        for (const c of r.criteria)
          expect(c.atRiskPoints).toBeLessThanOrEqual(Math.max(c.maxPoints, c.selfScore ?? 0));
      }),
    );
  });

  it('time passing never lowers at-risk points; it changes nothing else', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const early = run({ ...input, today: '2023-01-01' });
        const late = run({ ...input, today: '2024-06-01' });
        expect(late.atRiskPoints).toBeGreaterThanOrEqual(early.atRiskPoints);
        expect(late.projectedPoints).toBe(early.projectedPoints);
        expect(late.completenessPercent).toBe(early.completenessPercent);
      }),
    );
  });

  it('a slot’s fill is k/n capped at 1, and coverage is the mean fill', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const c of run(input).criteria) {
          for (const s of c.slots) expect(s.fill).toBe(Math.min(s.count / s.minCount, 1));
          const mean = c.slots.reduce((x, s) => x + s.fill, 0) / c.slots.length;
          expect(c.coverage).toBeCloseTo(mean, 12);
        }
      }),
    );
  });

  it('a criterion sent back is never complete', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const c of run(input).criteria)
          if (c.state === 'changes_requested') expect(c.complete).toBe(false);
      }),
    );
  });
});
