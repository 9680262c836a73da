/**
 * docs/readiness.md, rule 15: the self-assessed part rescaled to 100 beside the full formula while survey points
 * are not imported — hand-worked examples and properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameworkNode } from '#domain/framework.ts';
import { computeReadiness, FORMULA_VERSION, type ReadinessInput, rankEntities } from '#domain/readiness.ts';
import { renderEmail } from '#domain/reminder-templates.ts';
import type { PlannedDelivery } from '#domain/reminders.ts';
import { loadBundledFramework } from '#infra/local/bundled-frameworks.ts';

const node = (code: string, maxPoints: number, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({
  code,
  title: { vi: code, en: code },
  maxPoints,
  method: 'evidence',
  slots: [],
  ...extra,
});

const BANDS = [
  { name: 'A', minPercent: 90 },
  { name: 'B', minPercent: 80 },
  { name: 'C', minPercent: 70 },
  { name: 'D', minPercent: 0 },
];

const fw = {
  bands: BANDS,
  nodes: [
    node('1', 68),
    node('1.1', 40),
    node('1.2', 28),
    node('2', 32, { method: 'survey' }),
    node('2.1', 20, { method: 'survey' }),
    node('2.2', 12, { method: 'survey' }),
    node('9', 2, { role: 'bonus' }),
    node('9.1', 2, { role: 'bonus' }),
    node('10', 3, { role: 'penalty' }),
    node('10.1', 3, { role: 'penalty' }),
  ],
};

const files = (...codes: string[]) =>
  codes.map((c) => ({ criterionCodes: [c], state: 'available' as const }));

/** Every regular criterion fully proven and self-scored at its max, a bonus of 1, a penalty of 2. */
const fullMarks = (survey: ReadinessInput['survey'] = []): ReadinessInput => ({
  framework: fw,
  evidence: files('1.1', '1.2', '9.1'),
  scores: [
    { criterionCode: '1.1', selfScore: 40 },
    { criterionCode: '1.2', selfScore: 28 },
    { criterionCode: '9.1', selfScore: 1 },
    { criterionCode: '10.1', selfScore: 2 },
  ],
  evidencePolicy: 'available',
  survey,
});

describe('the self-assessed index (rule 15) — hand-worked', () => {
  it('survey not imported: the full formula is capped near 68 %, the rescaled figure says how the work stands', () => {
    const r = computeReadiness(fullMarks());
    expect(r.formulaVersion).toBe(FORMULA_VERSION);
    expect(FORMULA_VERSION).toBe('readiness/3.1.0');
    // Full: (68 + 1 − 2 + 0) / (68 + 32) = 67 % → D.  Rescaled: (68 + 1 − 2) / 68 = 98.53 % → A.
    expect(r).toMatchObject({
      projectedIndexPercent: 67,
      band: 'D',
      selfAssessedIndexPercent: 98.53,
      selfAssessedBand: 'A',
      surveyPending: true,
      surveyPendingCount: 2,
    });
    expect(r.how.selfAssessedIndexPercent).toMatchObject({
      value: 98.53,
      inputs: { projectedPoints: 68, bonusPoints: 1, penaltyPoints: 2, maxPoints: 68, numerator: 67 },
    });
    expect(r.how.selfAssessedIndexPercent.says?.vi).toBe(
      'Chỉ số phần tự đánh giá (quy về 100) 98,5% = (điểm dự kiến 68 + điểm thưởng 1 − điểm trừ 2) / điểm tối đa phần tự đánh giá 68 × 100, xếp loại A. Còn 2/2 nội dung điều tra xã hội học chưa nhập điểm: chỉ số theo công thức đầy đủ (điều tra tính 0) là 67%. Khi có kết quả điều tra, chỉ số theo công thức đầy đủ là chỉ số chính.',
    );
    expect(r.how.selfAssessedIndexPercent.says?.en).toContain('2 of 2 survey items are not imported yet');
  });

  it('one survey item imported: still pending; the rescaled figure leaves imported survey points out', () => {
    const r = computeReadiness(fullMarks([{ criterionCode: '2.1', points: 15 }]));
    // Full: (67 + 15) / 100 = 82 % → B.  Rescaled: 67 / 68 = 98.53 %, unchanged.
    expect(r).toMatchObject({
      projectedIndexPercent: 82,
      selfAssessedIndexPercent: 98.53,
      surveyPending: true,
      surveyPendingCount: 1,
    });
  });

  it('every survey item imported: not pending; the rescaled figure stays for comparison', () => {
    const r = computeReadiness(
      fullMarks([
        { criterionCode: '2.1', points: 15 },
        { criterionCode: '2.2', points: 12 },
      ]),
    );
    // Full: (67 + 27) / 100 = 94 % → A.
    expect(r).toMatchObject({
      projectedIndexPercent: 94,
      band: 'A',
      selfAssessedIndexPercent: 98.53,
      surveyPending: false,
      surveyPendingCount: 0,
    });
    expect(r.how.selfAssessedIndexPercent.says?.en).toContain('Every survey item is imported');
  });

  it('no survey in the framework: the two figures are equal and nothing is pending', () => {
    const noSurvey = { ...fw, nodes: fw.nodes.filter((n) => n.method !== 'survey') };
    const r = computeReadiness({ ...fullMarks(), framework: noSurvey });
    expect(r).toMatchObject({
      projectedIndexPercent: 98.53,
      selfAssessedIndexPercent: 98.53,
      surveyPending: false,
      surveyPendingCount: 0,
    });
    expect(r.how.selfAssessedIndexPercent.says?.vi).toContain('Bộ tiêu chí không có điểm điều tra');
  });

  it('within 0–100: a large penalty gives 0, bonus beyond the criteria gives at most 100', () => {
    const penalised = computeReadiness({
      framework: fw,
      evidence: [],
      scores: [{ criterionCode: '10.1', selfScore: 3 }],
      evidencePolicy: 'available',
    });
    expect(penalised.selfAssessedIndexPercent).toBe(0);
    expect(penalised.how.selfAssessedIndexPercent.inputs.numerator).toBe(-3);
    const bonus = computeReadiness({ ...fullMarks(), scores: fullMarks().scores.slice(0, 3) });
    expect(bonus.selfAssessedIndexPercent).toBe(100); // (68 + 1) / 68, clamped
  });

  it('the bundled department framework: the full formula stays under 68 % all season, the rescaled figure is p / 68', () => {
    const par = loadBundledFramework('par-so-mau');
    const base = {
      framework: par,
      entityType: 'so' as const,
      evidence: [],
      evidencePolicy: 'available' as const,
    };
    const empty = computeReadiness({ ...base, scores: [] });
    // Each criterion self-scored at its max with files for its slots (nearly all fully covered).
    const proven = computeReadiness({
      ...base,
      scores: empty.criteria.map((c) => ({ criterionCode: c.code, selfScore: c.maxPoints })),
      evidence: empty.criteria.flatMap((c) =>
        (c.slots.length ? c.slots : [{ kind: 'x', minCount: 1 }]).flatMap((sl) =>
          Array.from({ length: sl.minCount }, (_, k) => ({
            criterionCodes: [c.code],
            state: 'available' as const,
            ...(c.slots.length ? { documentType: sl.kind } : {}),
            issueDate: `2023-${String(1 + 3 * k).padStart(2, '0')}-15`,
          })),
        ),
      ),
      assessmentYear: 2023,
    });
    const p = proven.projectedPoints;
    expect(p).toBeGreaterThan(60);
    expect(proven).toMatchObject({ maxPoints: 68, surveyMaxPoints: 32, surveyPending: true });
    expect(proven.surveyPendingCount).toBe(proven.survey.length);
    // Full: p / 100 — capped at 68 % all season.  Rescaled: p / 68.
    expect(proven.projectedIndexPercent).toBeCloseTo(p, 2);
    expect(proven.selfAssessedIndexPercent).toBeCloseTo((p / 68) * 100, 2);
    expect(proven.projectedIndexPercent).toBeLessThanOrEqual(68);
  });

  it('the cycle ranking carries each entity’s rescaled figure and their mean', () => {
    const a = computeReadiness(fullMarks());
    const b = computeReadiness({ ...fullMarks(), scores: [] });
    const ranking = rankEntities([
      { entityId: 'a', readiness: a },
      { entityId: 'b', readiness: b },
    ]);
    expect(ranking.entities.map((e) => [e.entityId, e.selfAssessedIndexPercent, e.surveyPending])).toEqual([
      ['a', 98.53, true],
      ['b', 0, true],
    ]);
    expect(ranking.totals).toMatchObject({ meanSelfAssessedIndexPercent: 49.27, surveyPendingCount: 2 });
    expect(ranking.how.meanSelfAssessedIndexPercent.value).toBe(49.27);
  });
});

/** A framework of 1–4 regular leaves, 0–2 survey leaves, a bonus and a penalty, with random scores. */
const inputArb = fc
  .record({
    maxes: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 }),
    surveyMaxes: fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 2 }),
    scores: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    proven: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    bonus: fc.integer({ min: 0, max: 5 }),
    penalty: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ maxes, surveyMaxes, scores, proven, bonus, penalty }): ReadinessInput => {
    const nodes = [
      node(
        '1',
        maxes.reduce((s, m) => s + m, 0),
      ),
      ...maxes.map((m, i) => node(`1.${i + 1}`, m)),
      ...surveyMaxes.map((m, i) => node(`2.${i + 1}`, m, { method: 'survey' })),
      node('9', 5, { role: 'bonus' }),
      node('10', 5, { role: 'penalty' }),
    ];
    const codes = maxes.map((_, i) => `1.${i + 1}`);
    return {
      framework: { bands: BANDS, nodes },
      evidence: files(...codes.filter((_, i) => proven[i]), ...(proven[4] ? ['9'] : [])),
      scores: [
        ...codes.map((c, i) => ({ criterionCode: c, selfScore: Math.round(scores[i]! * maxes[i]!) })),
        { criterionCode: '9', selfScore: bonus },
        { criterionCode: '10', selfScore: penalty },
      ],
      evidencePolicy: 'available',
    };
  });

describe('the self-assessed index (rule 15) — properties', () => {
  it('with survey not imported, the rescaled figure is never below the full one; equal without survey', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = computeReadiness(input);
        expect(r.selfAssessedIndexPercent).toBeGreaterThanOrEqual(0);
        expect(r.selfAssessedIndexPercent).toBeLessThanOrEqual(100);
        if (r.surveyMaxPoints > 0) {
          expect(r.surveyPending).toBe(true);
          expect(r.selfAssessedIndexPercent).toBeGreaterThanOrEqual(r.projectedIndexPercent);
        } else {
          expect(r.surveyPending).toBe(false);
          expect(r.selfAssessedIndexPercent).toBe(r.projectedIndexPercent);
          expect(r.selfAssessedBand).toBe(r.band);
        }
      }),
    );
  });

  it('importing survey points changes the full figure only, and ends "pending" once all are in', () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 0, max: 1, noNaN: true }), (input, share) => {
        const before = computeReadiness(input);
        const survey = before.survey.map((s) => ({ criterionCode: s.code, points: share * s.maxPoints }));
        const after = computeReadiness({ ...input, survey });
        expect(after.selfAssessedIndexPercent).toBe(before.selfAssessedIndexPercent);
        expect(after.projectedIndexPercent).toBeGreaterThanOrEqual(before.projectedIndexPercent);
        expect(after.surveyPending).toBe(false);
      }),
    );
  });
});

describe('the weekly leader e-mail while survey points are pending (rule 15)', () => {
  const weekly = (locale: 'vi' | 'en', surveyPending: boolean): PlannedDelivery => ({
    channel: 'email',
    recipientKey: 'user:x',
    dedupeKind: 'leader-weekly/c/so',
    recipient: { userId: 'x', email: 'x@example.vn', name: 'Lãnh đạo', locale },
    role: 'to',
    locale,
    reason: { vi: 'Lãnh đạo đơn vị', en: 'Leader of the entity' },
    content: {
      kind: 'leader-weekly',
      cycle: { cycleId: 'c', name: { vi: 'Kỳ 2025', en: 'Cycle 2025' }, year: 2025 },
      entity: { entityId: 'so', name: { vi: 'Sở', en: 'Department' } },
      readiness: {
        formulaVersion: FORMULA_VERSION,
        completenessPercent: 40,
        evidenceCoveragePercent: 55,
        projectedIndexPercent: 61.5,
        band: 'D',
        completeCount: 4,
        criteriaCount: 10,
        selfAssessedIndexPercent: 90.44,
        surveyPending,
      },
      units: [],
      worst: [],
      owedCount: 0,
    },
  });

  it('adds the rescaled figure, labelled, beside the full index in vi and en; not once survey is imported', () => {
    expect(renderEmail(weekly('vi', true), '2025-04-28').text).toContain(
      'điểm dự kiến 61.5% (xếp loại D) — điều tra xã hội học chưa có nên tính 0; chỉ số phần tự đánh giá (quy về 100) 90.44%.',
    );
    expect(renderEmail(weekly('en', true), '2025-04-28').text).toContain(
      'projected index 61.5% (band D) — survey not imported yet, counted 0; self-assessed index (rescaled to 100) 90.44%.',
    );
    const imported = renderEmail(weekly('vi', false), '2025-04-28').text;
    expect(imported).toContain('điểm dự kiến 61.5% (xếp loại D). Còn');
    expect(imported).not.toContain('quy về 100');
  });
});
