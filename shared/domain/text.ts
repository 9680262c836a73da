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

const MAX_FILENAME_CHARS = 200;

/**
 * A display name for an uploaded file: NFC, no path parts, no control characters, bounded length with the
 * extension kept. It is never used to build an object key (keys are ids we generate).
 */
export function cleanFileName(raw: string): string {
  const base = nfc(raw)
    .split(/[\\/]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^\.+/, '')
    .trim();
  const name = base || 'tep-tin';
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
