/** Vietnamese text helpers: every stored name is NFC; search folds diacritics and case. */

export const nfc = (s: string): string => s.normalize('NFC');

/** "Kế hoạch số 1803/KH-SKHCCN" → "ke hoach so 1803/kh-skhccn" (đ → d as Vietnamese readers expect). */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Characters that change how a name looks or reads without being seen: C0 and C1 controls and DEL, bidi
 * marks, embeddings, overrides and isolates (U+200E/F, U+061C, U+202A–202E, U+2066–2069: "gpj.exe" shown as
 * "exe.jpg"), zero-width spaces and joiners, the word joiner and the BOM (U+200B–200D, U+2060, U+FEFF).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const INVISIBLE_IN_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: as above, minus tab and line breaks
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
/** Whitespace controls and line separators become a space in a name. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/**
 * Every stored name (evidence titles, file names, numbers, issuers): on one line, invisible characters
 * removed, then NFC (after the removal, so a mark split off by a zero-width character composes), trimmed.
 * May return "" — callers refuse an empty name.
 */
export function cleanName(raw: string): string {
  return nfc(raw.replace(LINE_BREAKS, ' ').replace(INVISIBLE, '')).trim();
}

/** Free text a person typed (notes, comments, descriptions): like `cleanName` but keeps tabs and line breaks. */
export function cleanText(raw: string): string {
  return nfc(raw.replace(INVISIBLE_IN_TEXT, '')).trim();
}

const MAX_FILENAME_CHARS = 200;

/**
 * A display name for an uploaded file: `cleanName`, no path parts, no leading dots, bounded length with the
 * extension kept. "" when nothing is left (refused by the schema). It is never used to build an object key
 * (keys are ids we generate).
 */
export function cleanFileName(raw: string): string {
  const name = cleanName(cleanName(raw).split(/[\\/]/).pop()!.replace(/^\.+/, ''));
  const chars = Array.from(name);
  if (chars.length <= MAX_FILENAME_CHARS) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return Array.from(name.slice(0, name.length - ext.length))
    .slice(0, MAX_FILENAME_CHARS - Array.from(ext).length)
    .join('')
    .concat(ext);
}

/** Tokens of a search query, folded like the stored text; bounded so a query stays a few conditions. */
export function searchTokens(query: string, max = 8): string[] {
  return [...new Set(foldForSearch(query).split(' ').filter(Boolean))].slice(0, max);
}

/** RFC 5987 `attr-char` percent-encoding: encodeURIComponent leaves `'()*` alone, which are not attr-chars. */
const encodeRfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` for a download (RFC 6266): the UTF-8 name in `filename*` (what current browsers use)
 * and an ASCII stand-in in `filename` for old clients: diacritics folded ("Kế hoạch" → "Ke hoach"), anything
 * else non-ASCII, quotes and backslashes replaced by `_`.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = nfc(fileName);
  const ascii = Array.from(name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'))
    .map((c) => (/^[\x20-\x7e]$/.test(c) && c !== '"' && c !== '\\' ? c : '_'))
    .join('');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
