import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import { viOfCheck } from './common.ts';
import type { FieldIssue } from './errors.ts';

const viMessages = vi().localeError;
const enMessages = en().localeError;

/**
 * Parses `input` with `schema`; on failure returns one issue per field with the message in Vietnamese and
 * English. The second parse happens only on failure, so valid requests pay nothing for the translation.
 */
export function parseWithIssues<T extends z.ZodType>(
  schema: T,
  input: unknown,
  prefix: string,
): { ok: true; data: z.output<T> } | { ok: false; issues: FieldIssue[] } {
  const first = schema.safeParse(input, { error: enMessages });
  if (first.success) return { ok: true, data: first.data };
  const second = schema.safeParse(input, { error: viMessages });
  const viIssues = second.success ? [] : second.error.issues;
  return {
    ok: false,
    issues: first.error.issues.map((issue, i) => {
      const path = [prefix, ...issue.path.map(String)].join('.');
      const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      const viText =
        (issue.code === 'custom' && (issue.params?.vi as string)) ||
        viOfCheck(issue.message) ||
        viIssues[i]?.message ||
        issue.message;
      return { field: path, message: { vi: `${viText}${keys}`, en: `${issue.message}${keys}` } };
    }),
  };
}
