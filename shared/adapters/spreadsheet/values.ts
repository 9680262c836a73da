/** Cell values as the importers want them: clean text, and numbers written the Vietnamese way. */
import type { SheetCell } from '#ports.ts';

/** NFC; zero-width characters dropped; non-breaking spaces as spaces; trimmed (codes pasted from the web). */
export const cleanText = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ')
    .trim();

/**
 * A number typed as text: "2,5" (decimal comma) → 2.5, "1.234.567" or "1.234,5" (thousands dots) → 1234567
 * and 1234.5, "1,234.5" → 1234.5, spaces between groups ignored. A lone "1.234" keeps the dot as the decimal
 * point (points such as "0.125" are written that way). '' → undefined; anything else → NaN.
 */
export function numberFromText(text: string): number | undefined {
  const t = cleanText(text).replace(/[\s\u00A0]/g, '');
  if (t === '') return undefined;
  let n = t;
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(n) || /^-?\d{1,3}(\.\d{3}){2,}$/.test(n))
    n = n.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(n)) n = n.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(n)) n = n.replace(',', '.');
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(n) ? Number(n) : Number.NaN;
}

/** A formula the file holds without its result (written by a program, never opened in a spreadsheet). */
export const isUncachedFormula = (v: unknown): v is { formula: string } =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v && !('result' in v);

/** The cell where a number is expected: a number cell as is, text read by `numberFromText`. */
export function cellAsNumber(v: SheetCell | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return numberFromText(v);
  if (v === null || v === undefined) return undefined;
  return Number.NaN;
}

/** Column letters as shown in a spreadsheet (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
