/**
 * How "Cách tính" writes numbers: as the web app does — points with up to 2 decimals, percentages with 1,
 * Vietnamese decimal comma (docs/readiness.md, "Cách tính").
 */

export type Lang = 'vi' | 'en';
export type Said = { vi: string; en: string };

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const pointsFormat = {
  vi: new Intl.NumberFormat(LOCALE.vi, { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(LOCALE.en, { maximumFractionDigits: 2 }),
};
const percentFormat = {
  vi: new Intl.NumberFormat(LOCALE.vi, { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(LOCALE.en, { maximumFractionDigits: 1 }),
};
export const pts = (lang: Lang, n: number) => pointsFormat[lang].format(Math.round(n * 100) / 100);
export const pct = (lang: Lang, n: number) => `${percentFormat[lang].format(n)}%`;
