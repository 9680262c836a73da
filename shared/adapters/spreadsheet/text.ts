/**
 * Delimited text (.csv/.tsv) as a grid: the encoding is detected from the bytes (BOM, UTF-16 by its zero
 * bytes, UTF-8 when it decodes cleanly, otherwise Windows-1258, the Vietnamese ANSI code page) and the
 * delimiter from the first lines (comma, semicolon or tab, whichever splits them most).
 */
import type { SheetCell } from '#ports.ts';
import { cleanText } from './values.ts';

/** The encoding the bytes are written in, and how many BOM bytes to skip. */
export function detectEncoding(bytes: Uint8Array): { encoding: string; skip: number } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', skip: 2 };
  // UTF-16 without a BOM: ASCII characters leave every other byte zero.
  const sample = bytes.subarray(0, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((x, i) => {
    if (x === 0) i % 2 ? oddZeros++ : evenZeros++;
  });
  if (oddZeros > sample.length / 4) return { encoding: 'utf-16le', skip: 0 };
  if (evenZeros > sample.length / 4) return { encoding: 'utf-16be', skip: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', skip: 0 };
  } catch {
    return { encoding: 'windows-1258', skip: 0 };
  }
}

export function decodeText(bytes: Uint8Array): string {
  const { encoding, skip } = detectEncoding(bytes);
  // Windows-1258 writes tone marks as combining characters: NFC composes them into the usual letters.
  return new TextDecoder(encoding).decode(bytes.subarray(skip)).normalize('NFC');
}

const DELIMITERS = ['\t', ';', ','] as const;

/** Count of a delimiter outside quotes in the first lines. */
function countOutsideQuotes(text: string, d: string): number {
  let n = 0;
  let quoted = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === d) n++;
    else if (!quoted && ch === '\n' && ++lines >= 20) break;
  }
  return n;
}

/** The delimiter that splits the first lines most (ties: tab, then semicolon, then comma); none → undefined. */
export function detectDelimiter(text: string): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const d of DELIMITERS) {
    const n = countOutsideQuotes(text, d);
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** RFC 4180 fields: quotes around a field, `""` inside quotes, CRLF or LF between records. */
export function parseDelimited(text: string, d: string): SheetCell[][] {
  const rows: SheetCell[][] = [];
  let row: SheetCell[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    const t = cleanText(field);
    row.push(t === '' ? null : t);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === d) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
