/**
 * "How this is computed" for every readiness figure: the formula, the numbers that went in, and the same
 * computation in plain Vietnamese and English sentences with this entity's own numbers (docs/readiness.md,
 * "Cách tính"). Pure; reads only a computed result, so the words can never disagree with the figures.
 * Numbers are written as the web app writes them: points with up to 2 decimals, percentages with 1.
 */
import type { CriterionReadiness, EvidencePolicy, Explanation, Figure, Readiness } from './readiness.ts';
import { type Lang, pct, pts, type Said } from './readiness-how-format.ts';
import { bandHow, indexHow, selfAssessedHow } from './readiness-how-index.ts';

/** Terms listed one by one in a sum before the rest is folded into one term. */
export const MAX_TERMS = 12;
const MAX_CODES = 10;

const codeList = (codes: readonly string[]) =>
  codes.length <= MAX_CODES
    ? codes.join(', ')
    : `${codes.slice(0, MAX_CODES).join(', ')}, … (+${codes.length - MAX_CODES})`;

/** How much of a criterion's evidence is there, in words. */
function coverageWords(lang: Lang, c: CriterionReadiness): string {
  if (c.coverage === 1) return lang === 'vi' ? 'đủ minh chứng' : 'evidence complete';
  const only = c.slots.length === 1 ? c.slots[0] : undefined;
  if (only)
    return lang === 'vi'
      ? `đủ ${Math.min(only.count, only.minCount)}/${only.minCount} minh chứng`
      : `${Math.min(only.count, only.minCount)} of ${only.minCount} documents`;
  return lang === 'vi'
    ? `minh chứng đạt ${pct(lang, c.coverage * 100)}`
    : `evidence at ${pct(lang, c.coverage * 100)}`;
}

/** One criterion's term in the projected-points sum, e.g. "1,5 (tiêu chí 1.2, tự chấm 3 × đủ 1/2 minh chứng)". */
function projectedTerm(lang: Lang, c: CriterionReadiness): string {
  const p = pts(lang, c.projectedPoints);
  const label = lang === 'vi' ? `tiêu chí ${c.code}` : `criterion ${c.code}`;
  if (c.appraised) return `${p} (${label}, ${lang === 'vi' ? 'điểm thẩm định' : 'appraised'})`;
  if (c.coverage === 1) return `${p} (${label}, ${coverageWords(lang, c)})`;
  const self = pts(lang, c.selfScore ?? 0);
  return lang === 'vi'
    ? `${p} (${label}, tự chấm ${self} × ${coverageWords(lang, c)})`
    : `${p} (${label}, self score ${self} × ${coverageWords(lang, c)})`;
}

function projectedSays(r: Omit<Readiness, 'how'>): Said {
  const counted = r.criteria.filter((c) => c.appraised || c.selfScore !== undefined);
  const unscored = r.criteria.length - counted.length;
  const say = (lang: Lang) => {
    const head =
      lang === 'vi'
        ? `Điểm dự kiến ${pts(lang, r.projectedPoints)}`
        : `Projected points ${pts(lang, r.projectedPoints)}`;
    if (counted.length === 0)
      return lang === 'vi'
        ? `${head}: chưa tiêu chí nào được tự chấm hoặc thẩm định.`
        : `${head}: no criterion is self-scored or appraised yet.`;
    const shown = counted.slice(0, MAX_TERMS).map((c) => projectedTerm(lang, c));
    const rest = counted.slice(MAX_TERMS);
    if (rest.length) {
      const sum = pts(
        lang,
        rest.reduce((s, c) => s + c.projectedPoints, 0),
      );
      shown.push(
        lang === 'vi' ? `${sum} (${rest.length} tiêu chí khác)` : `${sum} (${rest.length} more criteria)`,
      );
    }
    const tail =
      unscored === 0
        ? ''
        : lang === 'vi'
          ? ` ${unscored} tiêu chí chưa tự chấm được tính 0 điểm.`
          : ` ${unscored} criteria not yet self-scored count 0.`;
    return `${head} = ${shown.join(' + ')}.${tail}`;
  };
  return { vi: say('vi'), en: say('en') };
}

function completenessSays(r: Omit<Readiness, 'how'>): Said {
  const byExplanation = r.criteria.filter((c) => c.completeByExplanation).map((c) => c.code);
  const sentBack = r.criteria.filter((c) => c.sentBack).map((c) => c.code);
  return {
    vi:
      `Hoàn thành ${pct('vi', r.completenessPercent)} = ${r.completeCount} trên ${r.criteriaCount} tiêu chí đã tự chấm và đủ minh chứng hoặc có giải trình.` +
      (byExplanation.length
        ? ` Trong đó ${byExplanation.length} tiêu chí dựa vào giải trình thay vì đủ minh chứng (${codeList(byExplanation)}).`
        : '') +
      (sentBack.length
        ? ` Không tính ${sentBack.length} tiêu chí bị trả lại để sửa (${codeList(sentBack)}).`
        : ''),
    en:
      `Completeness ${pct('en', r.completenessPercent)} = ${r.completeCount} of ${r.criteriaCount} criteria self-scored with full evidence or an explanation.` +
      (byExplanation.length
        ? ` ${byExplanation.length} of them rest on an explanation rather than full evidence (${codeList(byExplanation)}).`
        : '') +
      (sentBack.length
        ? ` Not counted: ${sentBack.length} criteria sent back for changes (${codeList(sentBack)}).`
        : ''),
  };
}

function atRiskSays(r: Omit<Readiness, 'how'>): Said {
  const gap = r.criteria.filter((c) => !c.appraised && !c.lateUnscored && c.atRiskPoints > 0);
  const late = r.criteria.filter((c) => c.lateUnscored);
  const sum = (cs: CriterionReadiness[]) => cs.reduce((s, c) => s + c.atRiskPoints, 0);
  const say = (lang: Lang) => {
    const head =
      lang === 'vi'
        ? `Điểm có nguy cơ mất ${pts(lang, r.atRiskPoints)}`
        : `Points at risk ${pts(lang, r.atRiskPoints)}`;
    const parts: string[] = [];
    if (gap.length)
      parts.push(
        lang === 'vi'
          ? `${pts(lang, sum(gap))} (tự chấm cao hơn điểm dự kiến vì thiếu minh chứng: ${codeList(gap.map((c) => c.code))})`
          : `${pts(lang, sum(gap))} (self score above projected for missing evidence: ${codeList(gap.map((c) => c.code))})`,
      );
    if (late.length)
      parts.push(
        lang === 'vi'
          ? `${pts(lang, sum(late))} (điểm tối đa của ${late.length} tiêu chí quá hạn mà chưa tự chấm: ${codeList(late.map((c) => c.code))})`
          : `${pts(lang, sum(late))} (the full points of ${late.length} criteria past due without a self score: ${codeList(late.map((c) => c.code))})`,
      );
    if (parts.length) return `${head} = ${parts.join(' + ')}.`;
    return lang === 'vi'
      ? `${head}: không tiêu chí nào tự chấm cao hơn minh chứng, và không tiêu chí nào quá hạn mà chưa tự chấm${r.today ? ` (tính đến ${displayDate(r.today)})` : ''}.`
      : `${head}: no self score outruns its evidence and no criterion is past due without a self score${r.today ? ` (as of ${displayDate(r.today)})` : ''}.`;
  };
  return { vi: say('vi'), en: say('en') };
}

const displayDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

const policyWords: Record<EvidencePolicy, Said> = {
  available: {
    vi: 'tính tài liệu đã tải lên và kiểm tra xong (trừ tài liệu bị từ chối)',
    en: 'counting uploaded, checked documents (not rejected ones)',
  },
  accepted: {
    vi: 'chỉ tính tài liệu được Hội đồng thẩm định chấp nhận',
    en: 'counting only documents the council accepted',
  },
};

export interface HowExtras {
  bands: readonly { name: string; minPercent: number }[];
  policy: EvidencePolicy;
  completeMaxPoints: number;
  coverageSum: number;
  rawNumerator: number;
  rawDenominator: number;
  /** Σ p + bonus − penalty, before rounding (rule 15). */
  rawSelfNumerator: number;
  bonusClaimed: number;
  penaltyDeclared: number;
}

export type Result = Omit<Readiness, 'how'>;

/** Sums `how` shows beside the figures, in one pass over the criteria (in code order, as the figures). */
function tallies(r: Result) {
  let appraisedCriteria = 0;
  let appraisedPoints = 0;
  let gapPoints = 0;
  let latePoints = 0;
  for (const c of r.criteria) {
    if (c.appraised) {
      appraisedCriteria++;
      appraisedPoints += c.projectedPoints;
    } else if (c.lateUnscored) latePoints += c.atRiskPoints;
    else gapPoints += c.atRiskPoints;
  }
  let importedSurveys = 0;
  for (const s of r.survey) if (s.imported) importedSurveys++;
  return { appraisedCriteria, appraisedPoints, gapPoints, latePoints, importedSurveys };
}

type Tallies = ReturnType<typeof tallies>;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Completeness, by criteria and by points (docs/readiness.md, "Entity figures"; rules 3, 14). */
function completenessHow(
  r: Result,
  x: HowExtras,
): Pick<Record<Figure, Explanation>, 'completenessPercent' | 'completenessByPointsPercent'> {
  return {
    completenessPercent: {
      formula:
        '|complete| / |L| × 100; complete ⇔ self score ∧ (coverage = 1 ∨ explanation) ∧ not sent back for changes',
      inputs: {
        complete: r.completeCount,
        criteria: r.criteriaCount,
        completeByExplanation: r.completeByExplanationCount,
        sentBack: r.sentBackCount,
      },
      value: r.completenessPercent,
      says: completenessSays(r),
    },
    completenessByPointsPercent: {
      formula: 'Σ max(c) over complete c / Σ max(c) × 100',
      inputs: { completeMaxPoints: x.completeMaxPoints, maxPoints: r.maxPoints },
      value: r.completenessByPointsPercent,
      says: {
        vi: `Hoàn thành theo điểm ${pct('vi', r.completenessByPointsPercent)} = ${pts('vi', x.completeMaxPoints)} trên ${pts('vi', r.maxPoints)} điểm tối đa thuộc các tiêu chí đã hoàn thành.`,
        en: `Completeness by points ${pct('en', r.completenessByPointsPercent)} = ${pts('en', x.completeMaxPoints)} of ${pts('en', r.maxPoints)} maximum points belong to complete criteria.`,
      },
    },
  };
}

/** Evidence coverage (rules 2, 12). */
function coverageHow(r: Result, x: HowExtras): Explanation {
  return {
    formula: 'Σ coverage(c) / |L| × 100; coverage = Σ min(k / n, 1) over slots / slots',
    inputs: { coverageSum: x.coverageSum, criteria: r.criteriaCount, policy: x.policy },
    value: r.evidenceCoveragePercent,
    says: {
      vi: `Độ phủ minh chứng ${pct('vi', r.evidenceCoveragePercent)} = trung bình mức đủ minh chứng của ${r.criteriaCount} tiêu chí (${pts('vi', x.coverageSum)} / ${r.criteriaCount}); một yêu cầu cần n tài liệu mới có k tài liệu được tính k/n; ${policyWords[x.policy].vi}.`,
      en: `Evidence coverage ${pct('en', r.evidenceCoveragePercent)} = the mean evidence coverage of ${r.criteriaCount} criteria (${pts('en', x.coverageSum)} / ${r.criteriaCount}); a requirement for n documents with k so far counts k/n; ${policyWords[x.policy].en}.`,
    },
  };
}

/** Projected and at-risk points (the formula table: p(c), atRisk(c); rules 4, 13). */
function pointsHow(
  r: Result,
  t: Tallies,
): Pick<Record<Figure, Explanation>, 'projectedPoints' | 'atRiskPoints'> {
  return {
    projectedPoints: {
      formula: 'Σ p(c); p = appraised score if appraised, else self score × coverage',
      inputs: {
        appraisedCriteria: t.appraisedCriteria,
        appraisedPoints: r2(t.appraisedPoints),
        selfTimesCoverage: r2(r.projectedPoints - t.appraisedPoints),
      },
      value: r.projectedPoints,
      says: projectedSays(r),
    },
    atRiskPoints: {
      formula:
        'Σ (self − p) over criteria not yet appraised + Σ max(c) over criteria past due without a self score',
      inputs: {
        selfAboveProjected: r2(t.gapPoints),
        pastDueUnscored: r2(t.latePoints),
        pastDueUnscoredCriteria: r.lateUnscoredCount,
        ...(r.today ? { today: r.today } : {}),
      },
      value: r.atRiskPoints,
      says: atRiskSays(r),
    },
  };
}

/** Bonus and penalty, each capped per top node (rule 5). */
function adjustmentHow(
  r: Result,
  x: HowExtras,
): Pick<Record<Figure, Explanation>, 'bonusPoints' | 'penaltyPoints'> {
  return {
    bonusPoints: {
      formula: 'Σ over bonus nodes of min(Σ p(leaf), node max); p = appraised, else self × coverage',
      inputs: { claimed: x.bonusClaimed, cap: r.bonusMaxPoints },
      value: r.bonusPoints,
      says: {
        vi: `Điểm thưởng ${pts('vi', r.bonusPoints)} (đề nghị ${pts('vi', x.bonusClaimed)}, tối đa ${pts('vi', r.bonusMaxPoints)}).`,
        en: `Bonus points ${pts('en', r.bonusPoints)} (claimed ${pts('en', x.bonusClaimed)}, at most ${pts('en', r.bonusMaxPoints)}).`,
      },
    },
    penaltyPoints: {
      formula: 'Σ over penalty nodes of min(Σ p(leaf), node max); p = appraised, else self',
      inputs: { declared: x.penaltyDeclared, cap: r.penaltyMaxPoints },
      value: r.penaltyPoints,
      says: {
        vi: `Điểm trừ ${pts('vi', r.penaltyPoints)} (tự khai ${pts('vi', x.penaltyDeclared)}, tối đa ${pts('vi', r.penaltyMaxPoints)}).`,
        en: `Penalty points ${pts('en', r.penaltyPoints)} (declared ${pts('en', x.penaltyDeclared)}, at most ${pts('en', r.penaltyMaxPoints)}).`,
      },
    },
  };
}

/** Survey points (rule 6). */
function surveyHow(r: Result, t: Tallies): Explanation {
  return {
    formula: 'Σ imported survey points, each within its node’s scale',
    inputs: {
      imported: t.importedSurveys,
      surveyCriteria: r.survey.length,
      surveyMaxPoints: r.surveyMaxPoints,
    },
    value: r.surveyPoints,
    says: {
      vi: `Điểm điều tra xã hội học ${pts('vi', r.surveyPoints)} trên ${pts('vi', r.surveyMaxPoints)}: đã nhập ${t.importedSurveys}/${r.survey.length} nội dung; nội dung chưa nhập tính 0 điểm.`,
      en: `Survey points ${pts('en', r.surveyPoints)} of ${pts('en', r.surveyMaxPoints)}: ${t.importedSurveys} of ${r.survey.length} survey items imported; an item not imported counts 0.`,
    },
  };
}

/** Every figure of an entity's readiness: formula, inputs, value and sentences, in the order of FIGURES. */
export function explainFigures(r: Result, x: HowExtras): Record<Figure, Explanation> {
  const t = tallies(r);
  const completeness = completenessHow(r, x);
  const points = pointsHow(r, t);
  const adjustments = adjustmentHow(r, x);
  return {
    completenessPercent: completeness.completenessPercent,
    completenessByPointsPercent: completeness.completenessByPointsPercent,
    evidenceCoveragePercent: coverageHow(r, x),
    projectedPoints: points.projectedPoints,
    atRiskPoints: points.atRiskPoints,
    bonusPoints: adjustments.bonusPoints,
    penaltyPoints: adjustments.penaltyPoints,
    surveyPoints: surveyHow(r, t),
    projectedIndexPercent: indexHow(r, x),
    band: bandHow(r, x),
    selfAssessedIndexPercent: selfAssessedHow(r, x),
  };
}
