/**
 * "Cách tính" of the index figures (docs/readiness.md, rules 7 and 15): the projected index over the framework's
 * full total, its band, and the self-assessed part rescaled to 100 that stands beside it while survey points are
 * not imported.
 */
import type { Explanation } from './readiness.ts';
import type { HowExtras, Result } from './readiness-how.ts';
import { type Lang, pct, pts, type Said } from './readiness-how-format.ts';

/** The projected index % (rule 7). */
export function indexHow(r: Result, x: HowExtras): Explanation {
  return {
    formula: '(Σ p + bonus − penalty + survey points) / (Σ max + survey max) × 100, within 0–100',
    inputs: {
      projectedPoints: r.projectedPoints,
      bonusPoints: r.bonusPoints,
      penaltyPoints: r.penaltyPoints,
      surveyPoints: r.surveyPoints,
      maxPoints: r.maxPoints,
      surveyMaxPoints: r.surveyMaxPoints,
      numerator: x.rawNumerator,
      denominator: x.rawDenominator,
    },
    value: r.projectedIndexPercent,
    says: {
      vi: `Chỉ số dự kiến ${pct('vi', r.projectedIndexPercent)} = (điểm dự kiến ${pts('vi', r.projectedPoints)} + điểm thưởng ${pts('vi', r.bonusPoints)} − điểm trừ ${pts('vi', r.penaltyPoints)} + điểm điều tra ${pts('vi', r.surveyPoints)}) / (điểm tối đa ${pts('vi', r.maxPoints)} + điểm điều tra tối đa ${pts('vi', r.surveyMaxPoints)}) × 100.`,
      en: `Projected index ${pct('en', r.projectedIndexPercent)} = (projected points ${pts('en', r.projectedPoints)} + bonus ${pts('en', r.bonusPoints)} − penalty ${pts('en', r.penaltyPoints)} + survey points ${pts('en', r.surveyPoints)}) / (maximum ${pts('en', r.maxPoints)} + survey maximum ${pts('en', r.surveyMaxPoints)}) × 100.`,
    },
  };
}

/** The band: the highest whose minimum ≤ the index % (rule 7). */
export function bandHow(r: Result, x: HowExtras): Explanation {
  const bandsText = [...x.bands]
    .sort((a, b) => b.minPercent - a.minPercent)
    .map((b) => `${b.name} ≥ ${b.minPercent}`)
    .join('; ');
  return {
    formula: 'highest band whose minimum ≤ projected index %',
    inputs: { projectedIndexPercent: r.projectedIndexPercent, bands: bandsText },
    value: r.band ?? null,
    says: r.band
      ? {
          vi: `Xếp loại ${r.band}: mức cao nhất có ngưỡng không quá ${pct('vi', r.projectedIndexPercent)} (${bandsText}).`,
          en: `Band ${r.band}: the highest band whose threshold is at most ${pct('en', r.projectedIndexPercent)} (${bandsText}).`,
        }
      : {
          vi: `Chưa xếp loại: ${pct('vi', r.projectedIndexPercent)} thấp hơn mọi ngưỡng (${bandsText || 'bộ tiêu chí không có xếp loại'}).`,
          en: `No band: ${pct('en', r.projectedIndexPercent)} is below every threshold (${bandsText || 'the framework has no bands'}).`,
        },
  };
}

/** What the self-assessed index is beside the full formula: survey pending, all imported, or no survey. */
function selfAssessedStatus(lang: Lang, r: Result): string {
  const full = pct(lang, r.projectedIndexPercent);
  const items = r.survey.length;
  if (r.surveyPending)
    return lang === 'vi'
      ? ` Còn ${r.surveyPendingCount}/${items} nội dung điều tra xã hội học chưa nhập điểm: chỉ số theo công thức đầy đủ (điều tra tính 0) là ${full}. Khi có kết quả điều tra, chỉ số theo công thức đầy đủ là chỉ số chính.`
      : ` ${r.surveyPendingCount} of ${items} survey items are not imported yet: the index by the full formula (survey counted 0) is ${full}. Once survey results are imported, the full formula is the index.`;
  if (items > 0)
    return lang === 'vi'
      ? ` Điểm điều tra đã nhập đủ: chỉ số chính là chỉ số theo công thức đầy đủ (${full}); con số này để đối chiếu.`
      : ` Every survey item is imported: the index is the full formula's (${full}); this figure is for comparison.`;
  return lang === 'vi'
    ? ' Bộ tiêu chí không có điểm điều tra: bằng chỉ số dự kiến.'
    : ' The framework has no survey points: equal to the projected index.';
}

/** The self-assessed index %: the appraised and self-assessed part alone, rescaled to 100 (rule 15). */
export function selfAssessedHow(r: Result, x: HowExtras): Explanation {
  const band = (lang: Lang) =>
    r.selfAssessedBand
      ? lang === 'vi'
        ? `, xếp loại ${r.selfAssessedBand}`
        : `, band ${r.selfAssessedBand}`
      : '';
  const say = (lang: Lang) =>
    (lang === 'vi'
      ? `Chỉ số phần tự đánh giá (quy về 100) ${pct(lang, r.selfAssessedIndexPercent)} = (điểm dự kiến ${pts(lang, r.projectedPoints)} + điểm thưởng ${pts(lang, r.bonusPoints)} − điểm trừ ${pts(lang, r.penaltyPoints)}) / điểm tối đa phần tự đánh giá ${pts(lang, r.maxPoints)} × 100${band(lang)}.`
      : `Self-assessed index (rescaled to 100) ${pct(lang, r.selfAssessedIndexPercent)} = (projected points ${pts(lang, r.projectedPoints)} + bonus ${pts(lang, r.bonusPoints)} − penalty ${pts(lang, r.penaltyPoints)}) / self-assessed maximum ${pts(lang, r.maxPoints)} × 100${band(lang)}.`) +
    selfAssessedStatus(lang, r);
  const says: Said = { vi: say('vi'), en: say('en') };
  return {
    formula: '(Σ p + bonus − penalty) / Σ max × 100, within 0–100; survey points and survey max left out',
    inputs: {
      projectedPoints: r.projectedPoints,
      bonusPoints: r.bonusPoints,
      penaltyPoints: r.penaltyPoints,
      maxPoints: r.maxPoints,
      numerator: x.rawSelfNumerator,
      surveyPendingItems: r.surveyPendingCount,
    },
    value: r.selfAssessedIndexPercent,
    says,
  };
}
