import * as z from 'zod';
import { nfc } from './text.ts';

/** Text a person typed: trimmed, NFC, non-empty. */
export const text = (max = 500) =>
  z
    .string()
    .transform((s) => nfc(s).trim())
    .pipe(z.string().min(1).max(max));

export const bilingual = z.object({ vi: text(), en: text() });

/** Our ids are ULIDs (sortable by creation time); seed ids are readable slugs. Both fit this pattern. */
export const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/, 'id: letters, digits, - and _ only');

/** Calendar date as written in the cycle's time zone. */
export const isoDate = z.iso.date();

export const criterionCode = z.string().regex(/^\d+(\.\d+)*$/, 'code like 1, 1.2 or 1.2.3');

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
