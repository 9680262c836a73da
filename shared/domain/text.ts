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
