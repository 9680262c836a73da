/**
 * The report texts editor's pure half (unit-tested in test/unit/web-report.test.ts): the form as the browser
 * holds it (every field a string, "Nơi nhận" one per line), the body a save sends (blank fields left out, as the
 * server's `text()` refuses empty strings), whether the form differs from what was read, last year's texts
 * filling only the blank fields, and the API's field issues (`body.recipients.3`) placed on their fields.
 */

import type { ReportSection } from '#domain/report.ts';
import type { FieldIssue, ReportTexts, ReportTextsBody } from '../../api/types.ts';
import type { Bilingual } from '../../i18n/lang.ts';

/** The parts the entity writes, in the report's order (shared/domain/report.ts REPORT_SECTIONS). */
export const SECTIONS = [
  'highlights',
  'shortcomings',
  'solutions',
  'proposals',
] as const satisfies readonly ReportSection[];

/** The header of the administrative document (Decree 30/2020), in the order a reader meets them. */
export const HEADER_FIELDS = [
  'superiorBody',
  'issuingBody',
  'documentNumber',
  'place',
  'signerPosition',
  'signerName',
  'recipients',
] as const;

export type FieldKey = (typeof SECTIONS)[number] | (typeof HEADER_FIELDS)[number];
export const FIELD_KEYS: readonly FieldKey[] = [...SECTIONS, ...HEADER_FIELDS];

/** The server's limits (characters; "Nơi nhận": per line, at most MAX_RECIPIENTS lines). */
export const MAX_LENGTH: Record<FieldKey, number> = {
  highlights: 20_000,
  shortcomings: 20_000,
  solutions: 20_000,
  proposals: 20_000,
  superiorBody: 200,
  issuingBody: 200,
  documentNumber: 60,
  place: 60,
  signerPosition: 200,
  signerName: 100,
  recipients: 200,
};
export const MAX_RECIPIENTS = 20;

/** A new year's number is the records office's: last year's is never offered for it. */
const NOT_CARRIED: ReadonlySet<FieldKey> = new Set(['documentNumber']);

export type ReportForm = Record<FieldKey, string>;

export const emptyForm = (): ReportForm => Object.fromEntries(FIELD_KEYS.map((k) => [k, ''])) as ReportForm;

/** A stored record (or none yet) as the form shows it. */
export function formOf(texts: Partial<ReportTexts> | null | undefined): ReportForm {
  const form = emptyForm();
  if (!texts) return form;
  for (const k of FIELD_KEYS) {
    const v = texts[k];
    form[k] = Array.isArray(v) ? v.join('\n') : (v ?? '');
  }
  return form;
}

/** "Nơi nhận" typed one per line → the list (blank lines dropped). */
export const recipientLines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** What a save sends: the filled fields (outer blanks trimmed, inner line breaks kept) and the version read. */
export function bodyOf(form: ReportForm, version?: number): ReportTextsBody {
  const body: Record<string, unknown> = {};
  for (const k of FIELD_KEYS) {
    if (k === 'recipients') {
      const lines = recipientLines(form.recipients);
      if (lines.length) body.recipients = lines;
      continue;
    }
    const v = form[k].normalize('NFC').trim();
    if (v) body[k] = v;
  }
  if (version !== undefined) body.version = version;
  return body as ReportTextsBody;
}

/** The form differs from the record read, as the server would store it (outer spaces do not count). */
export const isDirty = (form: ReportForm, saved: ReportForm): boolean =>
  JSON.stringify(bodyOf(form)) !== JSON.stringify(bodyOf(saved));

/** The blank fields last year's texts would fill (the number excepted). */
export function fillableFromPrevious(form: ReportForm, previous: ReportTexts | null | undefined): FieldKey[] {
  if (!previous) return [];
  const last = formOf(previous);
  return FIELD_KEYS.filter((k) => !NOT_CARRIED.has(k) && !form[k].trim() && last[k].trim());
}

/** Fills the blank fields from last year's texts; what is typed stays. */
export function fillFromPrevious(
  form: ReportForm,
  previous: ReportTexts | null | undefined,
): { form: ReportForm; filled: FieldKey[] } {
  const filled = fillableFromPrevious(form, previous);
  const last = formOf(previous);
  const next = { ...form };
  for (const k of filled) next[k] = last[k];
  return { form: next, filled };
}

/** `body.highlights` / `body.recipients.3` → the form's field; anything else (version, path) → undefined. */
export function fieldOfIssue(field: string): FieldKey | undefined {
  const m = /^body\.(\w+)/.exec(field);
  const k = m?.[1] as FieldKey | undefined;
  return k && FIELD_KEYS.includes(k) ? k : undefined;
}

/** The API's issues by field (each field's messages joined), and those no field shows. */
export function placeIssues(
  issues: readonly FieldIssue[],
  pick: (b: Bilingual) => string,
): { fields: Partial<Record<FieldKey, string>>; rest: string[] } {
  const fields: Partial<Record<FieldKey, string>> = {};
  const rest: string[] = [];
  for (const i of issues) {
    const k = fieldOfIssue(i.field);
    const text = pick(i.message);
    if (!k) rest.push(text);
    else fields[k] = fields[k] && !fields[k].includes(text) ? `${fields[k]} ${text}` : text;
  }
  return { fields, rest };
}

/** A 409's `current` is the stored record; anything else is not trusted (the editor reads it again). */
export function isReportTexts(x: unknown): x is ReportTexts {
  if (!x || typeof x !== 'object') return false;
  const r = x as Partial<ReportTexts>;
  return typeof r.version === 'number' && typeof r.cycleId === 'string' && typeof r.updatedAt === 'string';
}
