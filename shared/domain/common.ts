import * as z from 'zod/mini';
import type { Message } from './errors.ts';
import { cleanName, cleanText } from './text.ts';
import { isoCalendarDate } from './zod-lean.ts';

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
export const text = (max = 500) =>
  z.pipe(z.pipe(z.string(), z.transform(cleanText)), z.string().check(z.minLength(1), z.maxLength(max)));

/** A name on one line (titles, file names, numbers): `cleanName`, non-empty once cleaned. */
export const name = (max = 500, clean: (s: string) => string = cleanName) =>
  z.pipe(z.pipe(z.string(), z.transform(clean)), z.string().check(z.minLength(1), z.maxLength(max)));

export const bilingual = /* @__PURE__ */ droppable(() => z.object({ vi: text(), en: text() }));
export type Bilingual = z.infer<typeof bilingual>;
/** A bilingual text as read back: cleaned and checked when written, so only its shape is checked again. */
export const storedBilingual = /* @__PURE__ */ droppable(() => z.object({ vi: z.string(), en: z.string() }));

/** Our ids are ULIDs (sortable by creation time); seed ids are readable slugs. Both fit this pattern. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/;

export const id = /* @__PURE__ */ droppable(() =>
  z
    .string()
    .check(
      z.regex(
        ID_PATTERN,
        checkMessage({ vi: 'mã: chỉ gồm chữ, số, - và _', en: 'id: letters, digits, - and _ only' }),
      ),
    ),
);

/** Calendar date as written in the cycle's time zone. */
export const isoDate = /* @__PURE__ */ droppable(() => isoCalendarDate());

export const criterionCode = /* @__PURE__ */ droppable(() =>
  z
    .string()
    .check(
      z.regex(
        /^\d+(\.\d+)*$/,
        checkMessage({ vi: 'mã tiêu chí dạng 1, 1.2 hoặc 1.2.3', en: 'code like 1, 1.2 or 1.2.3' }),
      ),
    ),
);

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** `schema` refusing keys it does not declare, its checks kept (zod classic's `.strict()`). */
export const strictOf = <T extends z.ZodMiniObject>(schema: T) =>
  z.catchall(schema, z.never()) as unknown as z.ZodMiniObject<T['shape'], z.core.$strict>;

/**
 * Builds a module-level value (a schema) so that a function bundle that does not use it leaves it out: call it
 * as `droppable(() => …)` marked `@__PURE__` (a block comment right before the call). esbuild keeps every
 * top-level call it cannot prove free of side effects (zod's builders and `.check()` included), so without it a
 * module ships all its schemas to every function that imports one of them.
 */
export function droppable<T>(build: () => T): T {
  return build();
}
