import * as z from 'zod';
import type { Message } from './errors.ts';
import { cleanName, cleanText } from './text.ts';

const VI_BY_EN = new Map<string, string>();

/**
 * A schema check's own message in both languages. Zod keeps one string per check (the English one); the
 * API's issue table finds the Vietnamese by it (`viOfCheck`, used by shared/domain/zod-issues.ts).
 */
export function checkMessage(m: Message): string {
  VI_BY_EN.set(m.en, m.vi);
  return m.en;
}
export const viOfCheck = (en: string): string | undefined => VI_BY_EN.get(en);

/** Text a person typed: invisible characters removed (line breaks kept), NFC, trimmed, non-empty. */
export const text = (max = 500) => z.string().transform(cleanText).pipe(z.string().min(1).max(max));

/** A name on one line (titles, file names, numbers): `cleanName`, non-empty once cleaned. */
export const name = (max = 500, clean: (s: string) => string = cleanName) =>
  z.string().transform(clean).pipe(z.string().min(1).max(max));

export const bilingual = z.object({ vi: text(), en: text() });

/** Our ids are ULIDs (sortable by creation time); seed ids are readable slugs. Both fit this pattern. */
export const id = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/,
    checkMessage({ vi: 'mã: chỉ gồm chữ, số, - và _', en: 'id: letters, digits, - and _ only' }),
  );

/** Calendar date as written in the cycle's time zone. */
export const isoDate = z.iso.date();

export const criterionCode = z
  .string()
  .regex(
    /^\d+(\.\d+)*$/,
    checkMessage({ vi: 'mã tiêu chí dạng 1, 1.2 hoặc 1.2.3', en: 'code like 1, 1.2 or 1.2.3' }),
  );

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
